"""The site templates, in the order they are tried, and how one is chosen.

A page's URL decides first (a host or path the template owns); without a
telling URL the page's own text decides (anchors only one family has); the
generic template takes the rest. Adding a template is one module and one
line in :data:`TEMPLATES`.
"""

from __future__ import annotations

from govnews.templates.base import Extraction, Page, Template
from govnews.templates.discuz import Discuz
from govnews.templates.generic import Generic
from govnews.templates.jxnews import JxNews
from govnews.templates.jxnews_channel import JxNewsChannel
from govnews.templates.people import People
from govnews.templates.reprint import Reprint

__all__ = ["TEMPLATES", "Extraction", "Page", "Template", "choose"]

TEMPLATES: tuple[Template, ...] = (
    JxNewsChannel(),
    JxNews(),
    Reprint(),
    People(),
    Discuz(),
    Generic(),
)
"""Every template, most particular first; the generic one is last.

Example:
    >>> [template.name for template in TEMPLATES]
    ['jxnews-channel', 'jxnews', 'reprint', 'people', 'discuz', 'generic']
"""


def choose(page: Page) -> tuple[Template, str]:
    """The template for a page and the reason it was chosen.

    Example:
        >>> page = Page(lines=("x",), keys=("x",), url="https://jj.jxnews.com.cn/system/2020/02/08/1.shtml")
        >>> choose(page)[0].name
        'jxnews-channel'
    """
    for template in TEMPLATES:
        reason = template.claims_url(page)
        if reason:
            return template, reason
    for template in TEMPLATES:
        reason = template.claims_page(page)
        if reason:
            return template, reason
    return TEMPLATES[-1], "no site template matched; read by labels"
