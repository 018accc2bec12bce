"""HTML to lines: render markup to the line stream the templates read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html.parser import HTMLParser

import attrs

__all__ = ["Rendered", "looks_like_html", "to_lines"]

_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|p|table|title)\b", re.IGNORECASE)
_BLOCK = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "title", "dd", "dt", "blockquote",
}
_SKIP = {"script", "style", "noscript", "template", "head"}


@attrs.frozen
class Rendered:
    """A page rendered to lines, with what the markup says of it."""

    lines: tuple[str, ...]
    hints: Mapping[str, str] = attrs.field(factory=dict)


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page rather than a text dump.

    Example:
        >>> looks_like_html("<html><body>x</body></html>"), looks_like_html("来源:江西日报")
        (True, False)
    """
    return bool(_HTML.search(text[:2048]))


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.lines.append("")
        elif tag in ("td", "th"):
            self.lines[-1] += " | " if self.lines[-1] else ""

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.lines[-1] += data.replace("\n", " ")


def to_lines(text: str) -> Rendered:
    """Render an HTML page to lines: blocks and ``<br>`` end lines.

    Example:
        >>> to_lines("<p>标题</p><p>正文</p>").lines
        ('标题', '正文')
    """
    renderer = _Renderer()
    renderer.feed(text)
    renderer.close()
    lines = [line.strip() for line in renderer.lines]
    return Rendered(tuple(line for line in lines if line))
