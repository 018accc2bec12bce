"""Jiangxi Daily stories reprinted on other CMSs and mirrors.

Small-CMS chrome: 加入收藏 links, ``您现在的位置:首页 >> 栏目 > 内容``, the
title, one ``来源: 作者: 时间:`` line with a date and no time, ▲ photo
captions with the photographer after 摄影|, then the body.
"""

from __future__ import annotations

import re

from govnews.templates.base import Template

__all__ = ["Reprint"]


class Reprint(Template):
    """Reprints of Jiangxi Daily stories on other sites (``site='reprint'``)."""

    name = "reprint"
    url_pattern = re.compile(r"/news/\d{4}/\d{4}/\d{14}\.html?$")
    signature = re.compile(
        r"您现在的位置\s*[:：]\s*首页\s*>>"
        r"|^来源\s*[:：]\s*江西日报\s+作者\s*[:：].{0,20}时间\s*[:：]",
        re.MULTILINE,
    )
    signature_needs = ("您现在的位置", "江西日报")
