"""The pipeline: bytes or text in, one Article out.

decode -> lines (HTML rendered to lines) -> repairs -> template -> Article.
This is the only module that knows the order of the stages.
"""

from __future__ import annotations

from typing import Any

from govnews import evidence, html
from govnews.decode import decode
from govnews.errors import InputTooLargeError, InputTypeError, NotAnArticleError
from govnews.lines import keys_for, split_lines
from govnews.records import Article, Line, Options, Role
from govnews.repair import repair
from govnews.repair.lexicon import to_simplified
from govnews.templates import Page, choose

__all__ = ["parse"]


def _text(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return str(value) if value else None


def _unique(values: Any) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        if value and value not in out:
            out.append(value)
    return tuple(out)


def parse(
    data: bytes | str,
    *,
    url: str | None = None,
    encoding: str | None = None,
    options: Options | None = None,
) -> Article:
    """Parse one page, raw bytes or text, into an Article.

    Args:
        data: the page: HTML or a text dump, as bytes of any encoding or as str.
        url: the page's address; it picks the site template when it can.
        encoding: the charset the server declared, if known (bytes only).
        options: what to repair and how; see :class:`govnews.Options`.

    Raises:
        InputTypeError: ``data`` is neither bytes nor str.
        InputTooLargeError: ``data`` is over ``options.max_bytes``.
        DecodeError: the bytes decode with no encoding.
        NotAnArticleError: the page has no text at all.

    Example:
        >>> import govnews
        >>> page = "抗击疫情\\n2020-2-1 12:00| 发布者: admin| 来自: 安源区政府\\n生命重于泰山。"
        >>> article = govnews.parse(page)
        >>> article.title, article.source, article.poster, article.paragraphs
        ('抗击疫情', '安源区政府', 'admin', ('生命重于泰山。',))
    """
    options = options or Options()
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise InputTypeError(f"parse() takes bytes or str, not {type(data).__name__}")
    size = len(data) if isinstance(data, str) else len(bytes(data))
    if size > options.max_bytes:
        raise InputTooLargeError(size, options.max_bytes)
    if isinstance(data, str):
        text, used, found_by = data, None, "text"
    else:
        decoded = decode(bytes(data), encoding)
        text, used, found_by = decoded.text, decoded.encoding, decoded.found_by
    hints: dict[str, str] = {}
    if html.looks_like_html(text):
        rendered = html.to_lines(text)
        raw_lines = list(rendered.lines)
        hints = dict(rendered.hints)
    else:
        raw_lines = split_lines(text)
    if not any(line.strip() for line in raw_lines):
        raise NotAnArticleError("the page has no text")
    repaired = repair("\n".join(raw_lines), options)
    lines = repaired.text.split("\n")
    keys = keys_for(repaired.text, to_simplified(repaired.text))
    if len(keys) != len(lines):  # a conversion that moved line breaks; match on the text
        keys = keys_for(repaired.text, repaired.text)
    page = Page(lines=tuple(lines), keys=tuple(keys), url=url, hints=hints)
    template, reason = choose(page)
    found = template.extract(page)
    fields = found.fields
    found.warnings.extend(evidence.apply(fields, hints))
    if not any(role in (Role.BODY, Role.TITLE) for role in found.roles):
        found.warnings.append("no body or title found")
    return Article(
        site=template.name,
        url=url,
        published_at=fields.get("published_at"),
        published_date=fields.get("published_date"),
        lines=tuple(Line(i, lines[i], raw_lines[i], role) for i, role in enumerate(found.roles)),
        edits=repaired.edits,
        encoding=used,
        encoding_found_by=found_by,
        site_reason=reason,
        warnings=tuple(found.warnings),
        kicker=_text(fields, "kicker"),
        title=_text(fields, "title"),
        subtitle=_text(fields, "subtitle"),
        original_title=_text(fields, "original_title"),
        source=_text(fields, "source"),
        poster=_text(fields, "poster"),
        summary=_text(fields, "summary"),
        authors=_unique(fields.get("authors")),
        editors=_unique(fields.get("editors")),
        reporters=_unique(fields.get("reporters")),
        correspondents=_unique(fields.get("correspondents")),
        photographers=_unique(fields.get("photographers")),
        breadcrumb=tuple(fields.get("breadcrumb") or ()),
        paragraphs=tuple(fields.get("paragraphs") or ()),
        captions=tuple(fields.get("captions") or ()),
    )
