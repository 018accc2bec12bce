"""Jiangxi News city channels (jj.jxnews.com.cn and the other channel hosts).

The same CMS as the main site with a channel skin: a banner image, a headline
block of kicker, a title set over two lines and a subtitle, often no meta
line at all, an unindented body, then the channel's 版权与免责声明 and the
site footer as tables.
"""

from __future__ import annotations

import re

from govnews.templates.base import Page, Template
from govnews.templates.jxnews import MAIN_HOSTS

__all__ = ["JxNewsChannel"]


class JxNewsChannel(Template):
    """Jiangxi News city-channel articles (``site='jxnews-channel'``)."""

    name = "jxnews-channel"
    hosts = ("jxnews.com.cn",)
    signature = re.compile(r"大江网.{1,8}频道版权与免责声明|中国江西网.{1,6}讯\"的所有文字")
    signature_needs = ("频道版权与免责声明", '讯"的所有文字')

    def claims_url(self, page: Page) -> str | None:
        """Channel hosts of jxnews.com.cn: any sub-host but the main site's."""
        reason = super().claims_url(page)
        if reason and page.host.split(".")[0] not in MAIN_HOSTS:
            return reason
        return None
