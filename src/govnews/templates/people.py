"""Jilin Daily stories on people.cn-style pages (jl.people.com.cn and mirrors).

The old people.cn template: breadcrumb, ``h1`` title (often not captured in
dumps), a ``2021年01月23日13:29 来源:吉林日报`` line, the body with a
``本报…讯(记者…)`` dateline, ``(责编:…)``, a 相关专题 table and WeChat QR
captions.
"""

from __future__ import annotations

import re

from govnews.templates.base import Template

__all__ = ["People"]


class People(Template):
    """people.cn regional channel articles (``site='people'``)."""

    name = "people"
    hosts = ("people.com.cn", "people.cn")
    url_pattern = re.compile(r"/n\d?/\d{4}/\d{4}/c\d+-\d+\.html")
    signature = re.compile(
        r"^\s*\d{4}年\d{2}月\d{2}日\s*\d{2}:\d{2}\s+来源\s*[:：]"
        r"|学习大国|人民网.{0,4}吉林频道",
        re.MULTILINE,
    )
    signature_needs = (re.compile(r"年\d{2}月\d{2}日"), "学习大国", "吉林频道")
