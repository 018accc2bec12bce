"""The Pingxiang portal (萍乡城事网, cs0799.com) and other Discuz! X portals.

``portal.php?mod=view`` pages: a breadcrumb ending in 查看内容 (its ›
separators are lost in dumps), the ``h1.ph`` title, the ``p.xg1`` line
``2020-2-1 12:00| 发布者: admin| 评论: 0|来自: 安源区政府``, a 摘要
summary, the body, the 鲜花 握手 雷人 路过 鸡蛋 reactions and 相关分类.
The 来自 value is the source; 发布者 is the posting account, not an author.
"""

from __future__ import annotations

import re

from govnews.templates.base import Template

__all__ = ["Discuz"]

_CRUMBS_END = re.compile(r"\s查看内容\s*$")
_SPACES = re.compile(r"\s+")


class Discuz(Template):
    """Discuz! X portal articles (``site='discuz'``)."""

    name = "discuz"
    hosts = ("cs0799.com",)
    url_pattern = re.compile(
        r"portal\.php\?(?:[^&#\s]{0,100}&){0,10}mod=view|/article-\d+-\d+\.html"
    )
    signature = re.compile(
        r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}\s*\|\s*发布者\s*[:：]|\s查看内容\s*$"
        r"|Powered by Discuz",
        re.MULTILINE,
    )
    signature_needs = ("发布者", "查看内容", "Powered by Discuz")

    def is_breadcrumb(self, key: str) -> bool:
        """The breadcrumb ends in 查看内容, with or without its › separators."""
        ends = len(key) < 160 and "查看内容" in key and _CRUMBS_END.search(key) is not None
        return ends or super().is_breadcrumb(key)

    def read_breadcrumb(self, key: str, text: str) -> list[str]:
        """Crumbs split on › where it survived, else on the spaces left in its place."""
        crumbs = super().read_breadcrumb(key, text)
        if len(crumbs) == 1:
            return [c for c in _SPACES.split(crumbs[0]) if c]
        return crumbs
