"""The fallback for other Chinese news pages, read by labels alone.

Government CMSs (TRS WCM, Hanweb, DedeCMS and the like) share the labels
来源, 作者, 记者, 通讯员, 编辑, 责任编辑, 责编, 摄影, 发布时间, 时间,
发布日期, 信息来源, 点击数, 浏览次数 and 字号, in any order; the shared
layout finder in :mod:`govnews.templates.base` needs nothing more.
"""

from __future__ import annotations

from govnews.templates.base import Template

__all__ = ["Generic"]


class Generic(Template):
    """Any other Chinese news page (``site='generic'``)."""

    name = "generic"
