"""The pipeline: bytes or text in, one Article out.

decode -> lines (HTML rendered to lines) -> repairs -> template -> Article.
This is the only module that knows the order of the stages. Each stage is a
function of its own, so that the benchmark times exactly what :func:`parse`
runs, one stage at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govnews import evidence, html
from govnews.decode import Decoded, decode
from govnews.errors import InputTooLargeError, InputTypeError, NotAnArticleError
from govnews.html import Rendered
from govnews.lines import keys_for, split_lines
from govnews.records import Article, Line, Options, Repaired, Role
from govnews.repair import repair
from govnews.repair.lexicon import to_simplified
from govnews.templates import Extraction, Page, Template, choose

__all__ = ["assemble", "extract", "keyed_page", "mend", "parse", "read", "render"]


def read(data: bytes | str, encoding: str | None, options: Options) -> Decoded:
    """Stage 1: check the input and decode bytes to text.

    Raises:
        InputTypeError: ``data`` is neither bytes nor str.
        InputTooLargeError: ``data`` is over ``options.max_bytes``.
        DecodeError: the bytes decode with no encoding.

    Example:
        >>> read("新闻", None, Options()).found_by
        'text'
    """
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise InputTypeError(f"parse() takes bytes or str, not {type(data).__name__}")
    if isinstance(data, str):
        if len(data) > options.max_bytes:
            raise InputTooLargeError(len(data), options.max_bytes)
        return Decoded(data, None, "text")
    raw = bytes(data)
    if len(raw) > options.max_bytes:
        raise InputTooLargeError(len(raw), options.max_bytes)
    return decode(raw, encoding)


def render(text: str) -> Rendered:
    """Stage 2: the page as lines: HTML rendered block by block, or a dump split.

    Raises:
        NotAnArticleError: the page has no text at all.

    Example:
        >>> render("<p>第一段</p><p>第二段</p>").lines
        ('第一段', '第二段')
    """
    if html.looks_like_html(text):
        rendered = html.to_lines(text)
    else:
        rendered = Rendered(tuple(split_lines(text)))
    if not any(line.strip() for line in rendered.lines):
        raise NotAnArticleError("the page has no text")
    return rendered


def mend(rendered: Rendered, options: Options) -> Repaired:
    """Stage 3: every repair over the lines, joined, with the edits made.

    Example:
        >>> mend(Rendered(("國內(nèi)",)), Options()).text
        '国内'
    """
    return repair("\n".join(rendered.lines), options)


def keyed_page(repaired: Repaired, rendered: Rendered, url: str | None, options: Options) -> Page:
    """Stage 4a: the repaired lines with their matching keys, for the templates.

    The keys are the lines in Simplified characters with full-width forms
    folded. When the to-simplified repair ran, the text already is
    Simplified, and OpenCC is not run on it a second time.

    Example:
        >>> text = "來源：江西日報"
        >>> keyed_page(Repaired(text, ()), Rendered((text,)), None, Options(simplified=False)).keys
        ('来源:江西日报',)
    """
    text = repaired.text
    lines = _shared(text.split("\n"), rendered.lines)
    converted = _simplified_by_repair(options)
    keys = keys_for(text, text if converted else to_simplified(text))
    if len(keys) != len(lines):  # a conversion that moved line breaks; match on the text
        keys = keys_for(text, text)
    return Page(
        lines=tuple(lines), keys=tuple(_shared(keys, lines)), url=url, hints=dict(rendered.hints)
    )


def _shared(lines: list[str], originals: Sequence[str]) -> list[str]:
    # Most lines come through the repairs and the key folding unchanged: the
    # Article then holds one string for a line's raw text, text and key, not
    # three equal copies (a page of short lines would triple its memory).
    if len(lines) != len(originals):
        return lines
    return [old if new == old else new for new, old in zip(lines, originals, strict=True)]


def _simplified_by_repair(options: Options) -> bool:
    return options.simplified and (options.repairs is None or "to-simplified" in options.repairs)


def extract(found_page: Page) -> tuple[Template, str, Extraction]:
    """Stage 4b: choose the site template and let it find the fields.

    Returns the template, why it was chosen, and what it found, with the
    markup's evidence applied and a warning when nothing was found.

    Example:
        >>> chosen, reason, found = extract(Page(lines=("正文。",), keys=("正文。",)))
        >>> chosen.name
        'generic'
    """
    chosen, reason = choose(found_page)
    found = chosen.extract(found_page)
    found.warnings.extend(evidence.apply(found.fields, dict(found_page.hints)))
    if not any(role in (Role.BODY, Role.TITLE) for role in found.roles):
        found.warnings.append("no body or title found")
    return chosen, reason, found


def _text(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return str(value) if value else None


def _unique(values: Any) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        if value and value not in out:
            out.append(value)
    return tuple(out)


def assemble(
    decoded: Decoded,
    rendered: Rendered,
    repaired: Repaired,
    found_page: Page,
    extracted: tuple[Template, str, Extraction],
) -> Article:
    """Stage 5: the frozen Article, from what every stage before gave."""
    chosen, reason, found = extracted
    fields = found.fields
    lines, raw_lines = found_page.lines, rendered.lines
    return Article(
        site=chosen.name,
        url=found_page.url,
        published_at=fields.get("published_at"),
        published_date=fields.get("published_date"),
        lines=tuple(Line(i, lines[i], raw_lines[i], role) for i, role in enumerate(found.roles)),
        edits=repaired.edits,
        encoding=decoded.encoding,
        encoding_found_by=decoded.found_by,
        site_reason=reason,
        warnings=(*rendered.warnings, *found.warnings),
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
    decoded = read(data, encoding, options)
    rendered = render(decoded.text)
    repaired = mend(rendered, options)
    found_page = keyed_page(repaired, rendered, url, options)
    return assemble(decoded, rendered, repaired, found_page, extract(found_page))
