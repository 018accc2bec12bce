"""HTML to lines: render markup to the line stream the templates read.

The page is parsed with selectolax's Lexbor engine (an HTML5 parser in C; see
``docs/html.md`` for why it was chosen over lxml). Lexbor knows only the fixed
HTML5 entity table: there are no document type definitions, no external
entities and no network access, so a page cannot make the parser expand or
fetch anything.

Rendering follows the crawl dumps the templates were written against:

- block elements and ``<br>`` end lines; runs of breaks make no empty lines;
- table cells of one row are joined with `` | ``;
- scripts, styles, forms, comments, hidden elements, lists made mostly of
  links (menus, related-news lists) and ``javascript:`` links (font-size
  switches, print and close buttons) are dropped, as the dumps show
  (``浏览字号:[ ]``);
- entities are resolved by the parser; NBSP and ideographic spaces inside a
  line are kept (the keys fold them), other whitespace collapses to one space,
  and every line is trimmed;
- NUL and other control characters are dropped.

The markup also says things the text may not: :func:`to_lines` returns them
as ``hints`` (see :data:`HINT_KEYS`), which :mod:`govnews.evidence` weighs
against the text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:  # the parser loads with the first page, not with govnews
    from selectolax.lexbor import LexborNode

__all__ = ["DENSE_TAGS", "HINT_KEYS", "Rendered", "looks_like_html", "split_site_name", "to_lines"]

HINT_KEYS = (
    "page_title",
    "site_name",
    "title",
    "kicker",
    "subtitle",
    "description",
    "keywords",
    "published",
    "source",
    "author",
    "editor",
    "breadcrumb",
    "dateline",
    "summary",
    "generator",
    "layout",
)
"""The hint names :func:`to_lines` may return, each a plain string.

``page_title`` is the ``<title>`` as written and ``site_name`` the suffix split
off it; ``title``, ``kicker`` and ``subtitle`` come from the page's own
headline markup (or the ``<title>`` when there is none); ``published`` is a
date as written; ``dateline`` is a meta line as the markup groups it;
``layout`` names the markup family recognised (``jxnews``, ``people-old``,
``people-new``, ``discuz``, ``founder``).
"""

DENSE_TAGS = 100_000
"""Tags beyond which a page is rendered from its text, not through a document tree.

Lexbor's tree costs some 200 bytes a node, and a page that is nothing but
markup (a hundred thousand nested lists, a table of a million cells) has a
node every few bytes: as a tree it would take fifty times its size. A news
page has a few thousand tags. Past this many, the scripts, styles and
comments are cut, block tags become line breaks, the cells of a table row
are joined with `` | `` as from a tree, other tags go and entities are
resolved, all in passes linear in the page; the text is kept, the layout's
hints are not, and :attr:`Rendered.warnings` says so.
"""

_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|div|p|table|title|span|br|h[1-6]|td|a\s)[\s>/]",
    re.IGNORECASE,
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "body",
        "html",
        "frameset",
        "legend",
        "marquee",
    }
)
_CELL = frozenset({"td", "th"})
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "iframe",
        "frame",
        "object",
        "embed",
        "svg",
        "math",
        "select",
        "option",
        "optgroup",
        "textarea",
        "button",
        "input",
        "canvas",
        "audio",
        "video",
        "map",
        "datalist",
        "xmp",
        "noembed",
        "noframes",
        "param",
        "source",
        "track",
        "link",
        "meta",
        "base",
    }
)
_LISTS = frozenset({"ul", "ol", "dl", "nav", "menu"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Every run of whitespace made one space (``[ \t\n\r\f\v]+`` → " "), written
# to leave a lone space unmatched: most runs are one, and a match costs.
_SPACES = re.compile(r"[\t\n\r\f\v][ \t\n\r\f\v]*| [ \t\n\r\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")
_CONTROL_NOT_NUL = re.compile(r"[\x01-\x08\x0b-\x1f\x7f\ufeff]")
_SITE_SEP = re.compile(
    r"\s*(?:\s[-–—|｜_]\s|[_|｜]|--|－|——|(?<=[\u4e00-\u9fff）)])-(?=[\u4e00-\u9fff]))\s*"
)
_ENP = re.compile(r"<(?:founder-)?([a-z]+)>([^<]{0,400})</(?:founder-)?\1>", re.IGNORECASE)
_LABEL_PREFIX = re.compile(
    r"^\s*[(（]?\s*(?:来源|來源|作者|编辑|編輯|责编|責編|责任编辑|責任編輯)\s*[:：]\s*"
)

_FILLER = " \t\n\r\xa0\u3000|·•-[]【】()（）"
# Block tags whose start makes an HTML5 parser search the whole stack of open
# elements (to close a <p>): nested thousands deep they make parsing
# quadratic. Past _MAX_DEPTH they become line breaks before parsing.
_DEEP = re.compile(
    r"<(/?)(address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|"
    r"figcaption|figure|footer|form|header|hgroup|h[1-6]|listing|main|menu|nav|ol|pre|"
    r"search|section|summary|ul)\b[^>]*>",
    re.IGNORECASE,
)
_MAX_DEPTH = 256


# A cheap count that is never below the number of _DEEP start tags, to skip
# _flatten_deep on pages that cannot nest that deep. It runs on the page's
# UTF-8 bytes with ASCII letters lowered and reads just enough of each name
# to keep <a, <li, <p>, <span and the other frequent inline tags out. Under
# IGNORECASE _DEEP also reads U+0130 and U+0131 as "i" and U+017F as "s", so
# their UTF-8 bytes stand beside those letters (I and S below). Written as a
# trie: sre tries the alternatives at every "<" of the page.
_DEEP_OPENERS = re.compile(
    (
        rb"<(?:a(?:dd|rt|SI)|blo|cen|d(?:et|I[arv]|l)|f(?:I[eg]|o[or])|h(?:ea|gr|[1-6])"
        rb"|lIS|m(?:aI|en)|nav|ol|pre|S(?:e[ac]|um)|ul)"
    )
    .replace(b"I", rb"(?:i|\xc4[\xb0\xb1])")
    .replace(b"S", rb"(?:s|\xc5\xbf)")
)
_BREAK = "\n"
_CELL_MARK = "\x00cell"


@attrs.frozen
class Rendered:
    """A page rendered to lines, with what the markup says of it.

    Attributes:
        lines: the page's text, one line per block, no empty lines.
        hints: markup evidence by name (see :data:`HINT_KEYS`).
        warnings: what the rendering could not do, for the Article's warnings.
    """

    lines: tuple[str, ...]
    hints: Mapping[str, str] = attrs.field(factory=dict)
    warnings: tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page (or fragment) rather than a text dump.

    Example:
        >>> looks_like_html("<html><body>x</body></html>"), looks_like_html("来源:江西日报")
        (True, False)
    """
    return bool(_HTML.search(text[:4096]))


def _hidden(attributes: Mapping[str, str | None]) -> bool:
    """Whether an element's attributes hide it."""
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _control(attributes: Mapping[str, str | None]) -> bool:
    """Whether a link's attributes make it a script-driven control (font size,
    print, close), not content."""
    href = (attributes.get("href") or "").strip().lower()
    return href.startswith("javascript:")


_LINK_WALK_LIMIT = 2000


@functools.cache
def _tag_ids() -> tuple[int, int, frozenset[int]]:
    """Lexbor's ids for text nodes, ``<a>`` and the :data:`_SKIP` elements.

    The ids of the HTML elements are fixed in Lexbor's tag table, so they hold
    for every document. Comparing ids is cheaper than reading tag names, which
    matters in :func:`_link_only`, the walk over every node of every list.
    """
    from selectolax.lexbor import LexborHTMLParser, create_tag

    link = LexborHTMLParser("<a>x</a>").css_first("a")
    if link is None or link.first_child is None:  # pragma: no cover - Lexbor always builds it
        raise RuntimeError("selectolax did not parse <a>x</a>")
    skip = frozenset(create_tag(name).tag_id for name in _SKIP)
    return link.first_child.tag_id, link.tag_id, skip


def _following(node: LexborNode, root: LexborNode) -> int:
    """The memory id of the first node after ``node`` 's subtree, inside ``root``.

    ``0`` (no node's id) when the subtree runs to the end of ``root``.
    """
    stop = root.mem_id
    while True:
        following = node.next
        if following is not None:
            return following.mem_id
        parent = node.parent
        if parent is None or parent.mem_id == stop:
            return 0
        node = parent


def _link_only(node: LexborNode) -> bool:
    """A list made of links (a menu, a related-news list), not of prose.

    Its text must be mostly link text: at least half, so that a
    date after each link does not keep it, while a list of sentences with a
    link in them stays.

    Every list of a page is weighed, and the related-news lists hold most of
    its nodes, so the nodes come from Lexbor's own depth-first traversal; the
    subtree of a link is known by the node that follows it. A list holding an
    element whose content :func:`_events` never reads (a script, a form
    control) is weighed by :func:`_link_only_walk`, which skips that content.
    """
    text_id, link_id, skip_ids = _tag_ids()
    linked = loose = 0
    link_end = -1  # in a link: the id of the node after it (0: the list's end)
    # The traversal starts with the list itself: index i is the i-th node below it.
    for visited, current in enumerate(node.traverse(True)):
        if visited > _LINK_WALK_LIMIT:
            return False  # a list this large is content, or an attack; keep it
        tag_id = current.tag_id
        if link_end >= 0:
            if current.mem_id == link_end:
                link_end = -1
            elif tag_id == text_id:
                linked += len((current.text_content or "").strip(_FILLER))
                continue
        if tag_id == text_id:
            loose += len((current.text_content or "").strip(_FILLER))
        elif tag_id == link_id:
            if link_end < 0 and visited:
                following = current.next
                link_end = following.mem_id if following is not None else _following(current, node)
        elif tag_id in skip_ids and visited and current.first_child is not None:
            return _link_only_walk(node)
    return linked > 0 and loose <= linked


def _link_only_walk(node: LexborNode) -> bool:
    """:func:`_link_only` for any list: a walk that skips what is never read."""
    linked = loose = 0
    visited = 0
    stack: list[tuple[LexborNode | None, bool]] = [(node.first_child, False)]
    while stack:
        current, in_link = stack.pop()
        while current is not None:
            visited += 1
            if visited > _LINK_WALK_LIMIT:
                return False  # a list this large is content, or an attack; keep it
            tag = current.tag
            if tag == "-text":
                size = len((current.text_content or "").strip(_FILLER))
                if in_link:
                    linked += size
                else:
                    loose += size
            elif tag is not None and not tag.startswith("-") and tag not in _SKIP:
                stack.append((current.first_child, in_link or tag == "a"))
            current = current.next
    return linked > 0 and loose <= linked


@functools.cache
def _render_ids() -> tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int], int]:
    """Lexbor's ids for the nodes :func:`_events` treats apart.

    Returns the ids of the nodes never read (the :data:`_SKIP` elements,
    comments and the doctype: with text and elements, all an HTML parser
    builds), of the :data:`_BLOCK`, :data:`_CELL` and :data:`_LISTS`
    elements, and of ``<br>``. Fixed in Lexbor's tag table like those of
    :func:`_tag_ids`: a tag name is a new string each time it is asked for.
    """
    from selectolax.lexbor import LexborHTMLParser, create_tag

    document = LexborHTMLParser("<!DOCTYPE html><!--x-->").root
    document = document.parent if document is not None else None
    if document is None:  # pragma: no cover - Lexbor always builds it
        raise RuntimeError("selectolax did not parse a doctype and a comment")
    others = {node.tag_id for node in document.traverse() if not node.is_element_node}
    return (
        _tag_ids()[2] | others,
        frozenset(create_tag(name).tag_id for name in _BLOCK),
        frozenset(create_tag(name).tag_id for name in _CELL),
        frozenset(create_tag(name).tag_id for name in _LISTS),
        create_tag("br").tag_id,
    )


def _events(root: LexborNode) -> list[str]:
    """The page as a list of text pieces, line breaks and cell marks.

    A text piece that is exactly a line break counts as one, as it always
    has: the line stream depends on it.
    """
    text_id, link_id, _skip = _tag_ids()
    unread_ids, block_ids, cell_ids, list_ids, br_id = _render_ids()
    events: list[str] = []
    append = events.append
    # Each entry: the next sibling to go on with once a subtree is done, and
    # whether the element that owns the subtree ends a line.
    stack: list[tuple[LexborNode | None, bool]] = []
    node = root.first_child
    while True:
        while node is None:
            if not stack:
                return events
            node, block = stack.pop()
            if block:
                append(_BREAK)
        tag_id = node.tag_id
        if tag_id == text_id:
            text = node.text_content
            if text:
                append(text)
        elif tag_id in unread_ids:
            pass
        elif tag_id == br_id:
            append(_BREAK)
        else:
            attributes = node.attributes
            if not (
                _hidden(attributes)
                or (tag_id in list_ids and _link_only(node))
                or (tag_id == link_id and _control(attributes))
            ):
                if tag_id in cell_ids:
                    append(_CELL_MARK)
                    block = False
                else:
                    block = tag_id in block_ids
                    if block:
                        append(_BREAK)
                child = node.first_child
                if child is not None:
                    stack.append((node.next, block))
                    node = child
                    continue
                if block:
                    append(_BREAK)
        node = node.next


def _clean(pieces: list[str]) -> list[str]:
    """Each piece without control characters, its whitespace runs made one space.

    The pieces are cleaned as one string joined at NULs (the regexes treat
    NUL as neither), two regex passes for the page instead of two a piece.
    Lexbor turns NUL into U+FFFD and the page had its NULs taken out, so no
    piece holds one; if one did, the pieces are cleaned one by one.
    """
    if not pieces:
        return []
    joined = "\x00".join(pieces)
    if joined.count("\x00") != len(pieces) - 1:
        return [_SPACES.sub(" ", _CONTROL.sub("", piece)) for piece in pieces]
    return _SPACES.sub(" ", _CONTROL_NOT_NUL.sub("", joined)).split("\x00")


def _render(root: LexborNode) -> list[str]:
    """The lines of the page below ``root``."""
    return _lines(_events(root))


def _lines(events: list[str]) -> list[str]:
    """The lines of a page from its :func:`_events`: each text piece cleaned,
    broken at the breaks, the cells of a line joined with `` | ``."""
    cleaned = iter(_clean([e for e in events if e != _BREAK and e != _CELL_MARK]))
    if _CELL_MARK not in events:
        # A line is what lies between two breaks; a cleaned piece holds no "\n".
        stream = "".join([e if e == _BREAK else next(cleaned) for e in events])
        return [line for line in (part.strip() for part in stream.split(_BREAK)) if line]
    lines: list[str] = []
    parts: list[str] = []
    pending_cell = False
    has_text = False  # kept as we go: rejoining the parts per cell is quadratic
    for piece in events:
        if piece == _BREAK:
            line = "".join(parts).strip()
            if line:
                lines.append(line)
            parts, pending_cell, has_text = [], False, False
        elif piece == _CELL_MARK:
            pending_cell = has_text
        else:
            text = next(cleaned)
            if not text:
                continue
            if pending_cell and text.strip():
                parts.append(" | ")
                text = text.lstrip(" ")
                pending_cell = False
            parts.append(text)
            has_text = has_text or bool(text.strip())
    line = "".join(parts).strip()
    if line:
        lines.append(line)
    return lines


def split_site_name(title: str) -> tuple[str, str]:
    """A ``<title>`` split into the article's title and the site-name suffix.

    Example:
        >>> split_site_name("抗击疫情 - 城事资讯 - 萍乡城事网 - Powered by Discuz!")
        ('抗击疫情', '城事资讯 - 萍乡城事网 - Powered by Discuz!')
        >>> split_site_name("易炼红检查调研疫情防控工作_江西新闻网_大江网")
        ('易炼红检查调研疫情防控工作', '江西新闻网_大江网')
        >>> split_site_name("只有标题")
        ('只有标题', '')
    """
    title = " ".join(title.split())
    match = _SITE_SEP.search(title)
    if not match or match.start() == 0:
        return title, ""
    # The title is the longest head whose tail is all short parts (site names).
    parts = _SITE_SEP.split(title)
    seps = [m.group() for m in _SITE_SEP.finditer(title)]
    cut = len(parts)
    while cut > 1 and len(parts[cut - 1]) <= 24:
        cut -= 1
    cut = max(cut, 1)
    if cut == len(parts):  # the last part is long: it is the title's, not a site name
        return title, ""
    head = parts[0] + "".join(seps[i - 1] + parts[i] for i in range(1, cut))
    tail = parts[cut] + "".join(seps[i - 1] + parts[i] for i in range(cut + 1, len(parts)))
    return head.strip(), tail.strip()


def _text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    return _SPACES.sub(" ", _CONTROL.sub("", node.text(separator=" "))).strip()


def _first(root: LexborNode, *selectors: str) -> str:
    for selector in selectors:
        found = root.css_first(selector)
        value = _text(found)
        if value:
            return value
    return ""


def _unlabel(value: str) -> str:
    return _LABEL_PREFIX.sub("", value).strip(" ()（）\xa0\u3000")


def _meta(nodes: list[LexborNode], hints: dict[str, str]) -> None:
    """Hints from the ``<meta>`` elements among ``nodes`` (see :func:`_scan`)."""
    names = {
        "description": "description",
        "keywords": "keywords",
        "generator": "generator",
        "publishdate": "published",
        "pubdate": "published",
        "publish_date": "published",
        "publishtime": "published",
        "article:published_time": "published",
        "og:release_date": "published",
        "firstpublishedtime": "published",
        "source": "source",
        "contentsource": "source",
        "author": "author",
        "articletitle": "title",
        "og:title": "title",
        "articletitle ": "title",
    }
    meta_id = _meta_id()
    for node in nodes:
        if node.tag_id != meta_id:
            continue
        attributes = node.attributes
        key = (attributes.get("name") or attributes.get("property") or "").strip().lower()
        value = _SPACES.sub(" ", _CONTROL.sub("", attributes.get("content") or "")).strip()
        name = names.get(key)
        if name and value and name not in hints:
            hints[name] = value


def _founder(root: LexborNode, hints: dict[str, str]) -> None:
    """Founder e-paper metadata from its ``<!--enpproperty ...-->`` comment."""
    keys = {
        "title": "title",
        "subtitle": "subtitle",
        "introtitle": "kicker",
        "date": "published",
        "author": "author",
        "keyword": "keywords",
        "papername": "source",
    }
    for node in root.traverse(include_text=False):
        if not node.is_comment_node:
            continue
        content = node.comment_content or ""
        if "enpproperty" not in content:
            continue
        hints.setdefault("layout", "founder")
        for key, value in _ENP.findall(content):
            name = keys.get(key.lower())
            value = _SPACES.sub(" ", value).strip()
            if name and value:
                hints[name] = value
        return


# The ids and classes the layout-specific hints below look for.
_MARK_IDS = (
    "pubtime_baidu",
    "source_baidu",
    "rwb_navpath",
    "pt",
    "rwb_zw",
    "article_content",
    "click_div",
)
_MARK_CLASSES = ("position", "rm_txt", "text_title")


@functools.cache
def _meta_id() -> int:
    """Lexbor's fixed id for ``<meta>``."""
    from selectolax.lexbor import create_tag

    return create_tag("meta").tag_id


def _scan(root: LexborNode) -> list[LexborNode]:
    """The elements the hints read attributes of: ``<meta>`` and any with an
    id or a class, in document order.

    Each query walks the whole tree inside Lexbor, so the meta tags and the
    layout marks share one.
    """
    return root.css("meta, [id], [class]")


def _layout_marked(nodes: list[LexborNode]) -> bool:
    """Whether the page may have one of the elements the layout hints read.

    Most pages have none, and the ids and classes of ``nodes`` (see
    :func:`_scan`), read as lowered text (a superset of what the selectors
    match, in quirks mode too), answer that for the dozen selectors of the
    layouts.
    """
    ids: list[str] = []
    classes: list[str] = []
    for node in nodes:
        attributes = node.attributes
        ids.append(attributes.get("id") or "")
        classes.append(attributes.get("class") or "")
    # NUL joins the values: no mark holds one, so none is found across two.
    id_text = "\x00".join(ids).lower()
    class_text = "\x00".join(classes).lower()
    return any(mark in id_text for mark in _MARK_IDS) or any(
        mark in class_text for mark in _MARK_CLASSES
    )


def _hints(root: LexborNode, source: str | None = None) -> dict[str, str]:
    """The markup's evidence; ``source`` is the page as parsed, when known."""
    hints: dict[str, str] = {}
    page_title = _first(root, "head title", "title")
    head = ""
    if page_title:
        hints["page_title"] = page_title
        head, tail = split_site_name(page_title)
        if tail:
            hints["site_name"] = tail
    nodes = _scan(root)
    _meta(nodes, hints)
    # A comment's text is the page's text, so a page without the word has no
    # Founder comment, and its comments need not be walked.
    if source is None or "enpproperty" in source:
        _founder(root, hints)
    if not _layout_marked(nodes) and "discuz" not in hints.get("generator", "").lower():
        if "title" not in hints and page_title:
            hints["title"] = head
        return {key: value for key, value in hints.items() if value}
    # jxnews (Enorth): Baidu-news microformat ids and the position block.
    pubtime = _first(root, "#pubtime_baidu")
    if pubtime or root.css_first("#source_baidu") is not None:
        hints["layout"] = "jxnews"
        if pubtime:
            hints["published"] = pubtime
        for key, selector in (
            ("source", "#source_baidu"),
            ("author", "#author_baidu"),
            ("editor", "#editor_baidu"),
        ):
            value = _unlabel(_first(root, selector))
            if value:
                hints[key] = value
        heading = _first(
            root,
            "div[data-toggle='title'] h1",
            "div[data-toggle='title']",
            "div.title h1",
            "div.title",
        )
        if heading:
            hints["title"] = heading
    crumb = _first(root, "div.position", "span#rwb_navpath", "#pt .z", "div#pt")
    if crumb:
        hints["breadcrumb"] = crumb
    # people.cn: old w1000_320 and new rm_txt layouts.
    if root.css_first("div.rm_txt") is not None:
        hints["layout"] = "people-new"
        for key, selector in (
            ("kicker", ".rm_txt .pre"),
            ("title", ".rm_txt h1"),
            ("subtitle", ".rm_txt .sub"),
        ):
            value = _first(root, selector)
            if value:
                hints[key] = value
        dateline = _first(root, ".rm_txt .channel", ".rm_txt .col-1-1")
        if dateline:
            hints["dateline"] = dateline
            hints.setdefault("source", _unlabel(_first(root, ".rm_txt .channel a")))
    elif root.css_first("div.text_title") is not None or root.css_first("#rwb_zw") is not None:
        hints["layout"] = "people-old"
        value = _first(root, "div.text_title h1")
        if value:
            hints["title"] = value
        dateline = _first(root, "div.box01 div.fl", "div.box01")
        if dateline:
            hints["dateline"] = dateline
            source = _unlabel(_first(root, "div.box01 div.fl a"))
            if source:
                hints["source"] = source
    if hints.get("layout", "").startswith("people"):
        editor = _first(root, "div.edit", ".edit")
        if editor:
            hints["editor"] = _unlabel(editor)
    # Discuz! X portal.
    generator = hints.get("generator", "")
    if (
        "discuz" in generator.lower()
        or root.css_first("#article_content") is not None
        or root.css_first("#click_div") is not None
    ):
        hints["layout"] = "discuz"
        value = _first(root, "h1.ph")
        if value:
            hints["title"] = value
        dateline = _first(root, "p.xg1")
        if dateline:
            hints["dateline"] = dateline
        summary = _first(root, "div.s")
        if summary:
            hints["summary"] = re.sub(r"^\s*摘要\s*[:：]\s*", "", summary)
    if "title" not in hints and page_title:
        hints["title"] = head
    return {key: value for key, value in hints.items() if value}


def _flatten_deep(text: str) -> str:
    """Turn block tags nested past :data:`_MAX_DEPTH` into ``<br>`` s.

    Only the replaced tags cut the text: the pieces kept between them are
    slices, so a page of a million nested tags does not become a list of a
    million copies of them.
    """
    depth = dropped = 0
    pieces: list[str] = []
    cursor = 0
    for match in _DEEP.finditer(text):
        if match.group(1):
            if not dropped:
                depth = max(0, depth - 1)
                continue
            dropped -= 1
        elif depth < _MAX_DEPTH:
            depth += 1
            continue
        else:
            dropped += 1
        pieces.append(text[cursor : match.start()])
        pieces.append("<br>")
        cursor = match.end()
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


def _may_nest_deep(data: bytes) -> bool:
    """Whether a page has more than :data:`_MAX_DEPTH` block start tags.

    Without that many no tag can be that deep, and :func:`_flatten_deep` would
    give the text back unchanged.
    """
    openers = _DEEP_OPENERS.finditer(data.lower())
    # islice steps over the first _MAX_DEPTH matches without a Python loop.
    return next(itertools.islice(openers, _MAX_DEPTH, None), None) is not None


_DENSE_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|dl|dt|dd|tr|table|h[1-6]|section|article|header|footer"
    r"|blockquote|pre|form|nav|main|aside|center)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
# A cell's start tag, marked with a NUL (the page has none left) so that the
# cells of a row can be joined on one line.
_DENSE_CELL = re.compile(r"<t[dh]\b[^<>]{0,2000}>", re.IGNORECASE)
_DENSE_CELL_MARK = "\x00"
_DENSE_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,2000}>")
_CUT_OPEN = re.compile(r"<!--|<(script|style)\b", re.IGNORECASE)
_CUT_CLOSE = {
    "": re.compile("-->"),
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}


def _cut_hidden(text: str) -> str:
    # Comments, scripts and styles cut with searches that only move forward:
    # one that is never closed takes the rest of the page, and the whole
    # pass stays linear however many are left open.
    pieces: list[str] = []
    cursor = 0
    while True:
        opened = _CUT_OPEN.search(text, cursor)
        if opened is None:
            break
        pieces.append(text[cursor : opened.start()])
        closed = _CUT_CLOSE[(opened.group(1) or "").lower()].search(text, opened.end())
        if closed is None:
            cursor = len(text)
            break
        cursor = closed.end()
    pieces.append(text[cursor:])
    return "".join(pieces)


def _render_dense(text: str) -> Rendered:
    """A page of more than :data:`DENSE_TAGS` tags rendered from its text.

    The cells of a table row are joined with `` | ``, much as :func:`to_lines`
    joins them from a tree (each cell trimmed, blank cells left out): a page
    that is a table of a million cells becomes a line a row, not a line a
    cell that every later stage would carry as a record of its own (it
    took some 20 times the page in memory; 12 now).

    Example:
        >>> page = "<ul><li>甲<li>乙</ul><script>x()</script><p>丙&amp;丁<tr><td>戊<td><td> 己"
        >>> _render_dense(page).lines
        ('甲', '乙', '丙&丁', '戊 | 己')
    """
    text = _cut_hidden(text.replace(_DENSE_CELL_MARK, "") if _DENSE_CELL_MARK in text else text)
    text = _DENSE_TAG.sub("", _DENSE_BLOCK.sub("\n", _DENSE_CELL.sub(_DENSE_CELL_MARK, text)))
    lines = (_dense_line(line) for line in text.split("\n"))
    reason = f"more than {DENSE_TAGS:,} tags: rendered from the text, without a document tree"
    return Rendered(tuple(line for line in lines if line), warnings=(reason,))


def _dense_line(line: str) -> str:
    """One line of :func:`_render_dense`: entities resolved, controls dropped,
    spaces collapsed, and its cells (after each cell mark) joined."""
    from html import unescape

    # The cell marks are the only NULs: unescaping never makes one.
    line = _SPACES.sub(" ", _CONTROL_NOT_NUL.sub("", unescape(line)))
    if _DENSE_CELL_MARK not in line:
        return line.strip()
    return " | ".join(
        cell for cell in (part.strip() for part in line.split(_DENSE_CELL_MARK)) if cell
    )


def to_lines(text: str) -> Rendered:
    """Render an HTML page to lines and read the markup's evidence.

    Example:
        >>> page = to_lines("<title>标题_某某网</title><p>标题</p><p>来源：<a>某报</a></p>"
        ...                 "<table><tr><td>甲</td><td>乙</td></tr></table>")
        >>> page.lines
        ('标题', '来源：某报', '甲 | 乙')
        >>> page.hints["title"], page.hints["site_name"]
        ('标题', '某某网')
    """
    # Lexbor reads UTF-8; encoding here, as selectolax would, gives the bytes
    # the checks below look at. They are the cheaper to search, and NUL, the
    # marks and "<" are the same single bytes in both.
    data = text.encode("utf-8", "ignore")
    if b"\x00" in data:
        text = text.replace("\x00", "")
        data = data.replace(b"\x00", b"")
    tags = data.count(b"<")
    if tags > DENSE_TAGS:
        return _render_dense(text)
    # The count first: the search for block tags costs several times as much.
    if tags > 4 * _MAX_DEPTH and _may_nest_deep(data):
        text = _flatten_deep(text)
        data = text.encode("utf-8", "ignore")
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data)
    root = tree.root
    if root is None:
        return Rendered(())
    # Dropping lone surrogates cannot make the word, so bytes without it
    # prove the text has none.
    source = text if b"enpproperty" in data else ""
    hints = _hints(root, source)
    events = _events(root)
    # The tree (some 300 bytes for every tag and text of the page) is freed
    # before the lines are made from the events: on a page of little but
    # markup, such as a table of a hundred thousand one-character cells,
    # the tree and the cleaned pieces at once set the peak memory.
    del tree, root
    return Rendered(tuple(_lines(events)), hints)
