"""The records govnews hands back: frozen, typed, built once.

``Article`` is the result of :func:`govnews.parse`; ``Repaired`` and ``Edit``
of :func:`govnews.repair`; ``Line`` and ``Role`` say what became of each
input line; ``Options`` is the one configuration record; ``Failure`` is what
the batch API yields for a page it could not parse.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "BEIJING",
    "Article",
    "Edit",
    "Failure",
    "Line",
    "Options",
    "Repaired",
    "Role",
]


def _beijing() -> dt.tzinfo:
    # Asia/Shanghai has kept UTC+8 without daylight saving since 1991; the
    # fixed offset stands in where no time-zone database is installed.
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Shanghai")
    except Exception:  # pragma: no cover - depends on the platform
        return dt.timezone(dt.timedelta(hours=8), "CST")


BEIJING: dt.tzinfo = _beijing()
"""The time zone of every publish time govnews returns (Asia/Shanghai).

Example:
    >>> import datetime as dt
    >>> dt.datetime(2021, 1, 22, 5, 24, tzinfo=BEIJING).utcoffset()
    datetime.timedelta(seconds=28800)
"""


class Role(str, enum.Enum):
    """What a line of the page is.

    Every input line gets exactly one role, so no line disappears unexplained.

    Example:
        >>> Role.BODY.value
        'body'
    """

    NAVIGATION = "navigation"
    BREADCRUMB = "breadcrumb"
    KICKER = "kicker"
    TITLE = "title"
    SUBTITLE = "subtitle"
    META = "meta"
    SUMMARY = "summary"
    CAPTION = "caption"
    BODY = "body"
    SIGNOFF = "signoff"
    PROMO = "promo"
    RELATED = "related"
    DISCLAIMER = "disclaimer"
    FOOTER = "footer"
    GARBAGE = "garbage"
    BLANK = "blank"


@attrs.frozen
class Line:
    """One line of the page after repair, with the role it was given.

    Attributes:
        index: position of the line in the page, from 0.
        text: the line as repaired (what fields are taken from).
        raw: the line as found in the input, before any repair.
        role: what the line is.

    Example:
        >>> Line(0, "来源:江西日报", "來源:江西日報", Role.META).role.value
        'meta'
    """

    index: int
    text: str
    raw: str
    role: Role


@attrs.frozen
class Edit:
    """One change a repair made to the text, so it can be audited and replayed.

    ``start`` and ``end`` are offsets into the text as it stood when the edit
    was made: replaying the edits in order with :func:`govnews.replay` on the
    input gives the output. ``line`` is the input line the edit falls on
    (from 0); repairs never add or remove line breaks.

    Attributes:
        kind: the name of the repair (see ``govnews.REPAIRS``).
        start: offset where the replaced text begins.
        end: offset where it ends (exclusive).
        before: the text that was there.
        after: the text put in its place.
        line: the line the edit falls on.
        lost: how many characters of the original are lost here for good
            (each stands as U+FFFD in ``after``).
        reason: why the repair judged this a change for the better.

    Example:
        >>> Edit("gloss", 2, 6, "(nèi)", "", 0).kind
        'gloss'
    """

    kind: str
    start: int
    end: int
    before: str
    after: str
    line: int
    lost: int = 0
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The edit as JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen
class Repaired:
    """The result of :func:`govnews.repair`: the text and every edit made.

    Example:
        >>> import govnews
        >>> result = govnews.repair("國內(nèi)")
        >>> result.text, [edit.kind for edit in result.edits]
        ('国内', ['gloss', 'to-simplified'])
    """

    text: str
    edits: tuple[Edit, ...]

    @property
    def lost(self) -> int:
        """How many characters were found lost (marked with U+FFFD)."""
        return sum(edit.lost for edit in self.edits)


def _repair_names(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


@attrs.frozen
class Options:
    """How :func:`govnews.parse` and :func:`govnews.repair` behave.

    Attributes:
        simplified: restore Simplified characters with OpenCC (the original
            script of these sites); ``False`` keeps the script as found.
        fullwidth: put full-width punctuation back between CJK characters
            (``,`` to ``，``); off by default because it guesses.
        repairs: names of the repairs to run, from ``govnews.REPAIRS``;
            ``None`` runs them all. ``simplified`` still decides the script.
        max_bytes: inputs larger than this raise ``InputTooLargeError``.

    Example:
        >>> Options(simplified=False).simplified
        False
    """

    simplified: bool = True
    fullwidth: bool = False
    repairs: frozenset[str] | None = attrs.field(default=None, converter=_repair_names)
    max_bytes: int = 32 * 1024 * 1024


def _names(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _iso_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment.astimezone(BEIJING) if moment.tzinfo else moment.replace(tzinfo=BEIJING)


@attrs.frozen
class Article:
    """One news article, as parsed from one page.

    Text fields are ``None`` when the page lacks them and name fields are
    empty tuples; no field is ever an empty string.

    Attributes:
        site: the template that parsed the page (``jxnews``,
            ``jxnews-channel``, ``reprint``, ``people``, ``discuz``,
            ``generic``).
        url: the page's address, when given.
        kicker: the 引题, a lead-in line above the title.
        title: the 正题; a title set over several lines is joined with one space.
        subtitle: the 副题 below the title.
        original_title: the 原标题 of a story retitled by a reprint.
        published_at: the publish time in Beijing time, when the page gives one.
        published_date: the publish date, when the page gives one.
        source: the outlet the story comes from (来源, 来自).
        authors: 作者.
        editors: 编辑, 责任编辑, 责编.
        reporters: 记者, from bylines and datelines such as 本报讯(记者魏星).
        correspondents: 通讯员.
        photographers: 摄影, 摄.
        poster: the CMS account that posted the page (Discuz 发布者).
        breadcrumb: the page's position in its site, from the top.
        summary: 摘要.
        paragraphs: the body, one string per paragraph, dateline kept.
        captions: photo captions.
        lines: every input line with its role.
        edits: every repair made to the text.
        encoding: the encoding the bytes were read with (``None`` for text).
        encoding_found_by: how that encoding was chosen.
        site_reason: why that template was chosen.
        warnings: disagreements and doubts found while parsing.

    Example:
        >>> import govnews
        >>> page = "2021年01月23日13:29 来源:吉林日报\\n本报讯(记者黄鹭)今天,省委召开会议。"
        >>> article = govnews.parse(page)
        >>> article.source, article.reporters, article.published_at.isoformat()
        ('吉林日报', ('黄鹭',), '2021-01-23T13:29:00+08:00')
    """

    site: str
    url: str | None = None
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    original_title: str | None = None
    published_at: dt.datetime | None = None
    published_date: dt.date | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    poster: str | None = None
    breadcrumb: tuple[str, ...] = ()
    summary: str | None = None
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    lines: tuple[Line, ...] = attrs.field(default=(), repr=False)
    edits: tuple[Edit, ...] = attrs.field(default=(), repr=False)
    encoding: str | None = None
    encoding_found_by: str | None = None
    site_reason: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def headline(self) -> str | None:
        """Kicker, title and subtitle in page order, one per line."""
        parts = [p for p in (self.kicker, self.title, self.subtitle) if p]
        return "\n".join(parts) or None

    def to_dict(self, *, provenance: bool = True) -> dict[str, Any]:
        """The article as JSON-ready data: dates in ISO 8601, tuples as lists.

        Args:
            provenance: include ``lines`` and ``edits`` (the audit trail).

        Example:
            >>> Article(site="generic", title="标题").to_dict()["title"]
            '标题'
        """
        data: dict[str, Any] = {}
        for field in attrs.fields(Article):
            value = getattr(self, field.name)
            if field.name in ("lines", "edits") and not provenance:
                continue
            if field.name == "lines":
                value = [
                    {"index": x.index, "role": x.role.value, "text": x.text, "raw": x.raw}
                    for x in value
                ]
            elif field.name == "edits":
                value = [edit.to_dict() for edit in value]
            elif isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            data[field.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output.

        Example:
            >>> article = Article(site="generic", title="标题", authors=("魏星",))
            >>> Article.from_dict(article.to_dict()) == article
            True
        """
        lines = tuple(
            Line(int(x["index"]), str(x["text"]), str(x["raw"]), Role(x["role"]))
            for x in data.get("lines") or ()
        )
        edits = tuple(Edit(**edit) for edit in data.get("edits") or ())
        return cls(
            site=str(data["site"]),
            url=data.get("url"),
            kicker=data.get("kicker"),
            title=data.get("title"),
            subtitle=data.get("subtitle"),
            original_title=data.get("original_title"),
            published_at=_iso_datetime(data.get("published_at")),
            published_date=_iso_date(data.get("published_date")),
            source=data.get("source"),
            authors=_names(data.get("authors")),
            editors=_names(data.get("editors")),
            reporters=_names(data.get("reporters")),
            correspondents=_names(data.get("correspondents")),
            photographers=_names(data.get("photographers")),
            poster=data.get("poster"),
            breadcrumb=_names(data.get("breadcrumb")),
            summary=data.get("summary"),
            paragraphs=_names(data.get("paragraphs")),
            captions=_names(data.get("captions")),
            lines=lines,
            edits=edits,
            encoding=data.get("encoding"),
            encoding_found_by=data.get("encoding_found_by"),
            site_reason=str(data.get("site_reason") or ""),
            warnings=_names(data.get("warnings")),
        )


@attrs.frozen
class Failure:
    """A page the batch API could not parse, in place of its Article.

    Attributes:
        input: the name, path or URL of the page.
        error: the exception's class name.
        message: what went wrong.

    Example:
        >>> Failure("a.html", "DecodeError", "no codec fits").error
        'DecodeError'
    """

    input: str
    error: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The failure as JSON-ready data."""
        return attrs.asdict(self)
