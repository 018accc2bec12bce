"""Jiangxi News (大江网 / 中国江西网, jxnews.com.cn), main site.

Enorth WebPublisher pages: a 新闻热线 header, the 您当前的位置 breadcrumb,
a headline block of up to three lines, a ``date 来源:`` line and an
``编辑: 作者:`` line (the Baidu-news spans), a toolbar and promotions, the
body with a 本报讯(记者…) dateline, the outlet as a sign-off line, a WeChat
promotion, 相关新闻, and the 版权与免责声明 footer.
"""

from __future__ import annotations

import re

from govnews.templates.base import Page, Template

__all__ = ["JxNews"]

# Sub-hosts that serve the main site's template; the rest are city channels.
MAIN_HOSTS = ("jiangxi", "news", "www", "m", "jxrb")


class JxNews(Template):
    """Jiangxi News main-site articles (``site='jxnews'``)."""

    name = "jxnews"
    hosts = ("jxnews.com.cn", "jxcn.cn")
    signature = re.compile(
        r"您当前的位置.{0,40}(?:大江网|中国江西网)|大江网\(中国江西网\)版权与免责声明"
    )
    signature_needs = ("您当前的位置", "大江网(中国江西网)版权与免责声明")

    def claims_url(self, page: Page) -> str | None:
        """Main-site hosts only; city channels belong to ``jxnews-channel``."""
        reason = super().claims_url(page)
        if reason and page.host.split(".")[0] in MAIN_HOSTS:
            return reason
        return None
