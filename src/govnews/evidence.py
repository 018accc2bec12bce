"""Markup evidence: what an HTML page's tags say, weighed against its text.

The text decides. The markup (see :data:`govnews.html.HINT_KEYS`) only fills
fields the text leaves empty: the title when the headline was not rendered,
the kicker and subtitle of people.cn's ``.pre`` / ``.sub``, the publish date
of a ``#pubtime_baidu`` or a ``publishdate`` meta tag, the 来源 of
``#source_baidu``, the 作者 and 编辑 of the Baidu-news ids and of ``.edit``.
When the markup's title and the headline lines of the text disagree, the
text's title stays and the disagreement becomes a warning.

Titles are compared on a folded form: Simplified characters, full-width
forms folded to ASCII, without spaces and punctuation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from govnews.dates import find_stamp
from govnews.fields import names, read_labels
from govnews.lines import keys_for
from govnews.repair.lexicon import to_simplified

__all__ = ["apply", "fold"]

_NOISE = re.compile(r"[\s\W_]+")
_CREDIT_FIELDS = (("author", "authors"), ("editor", "editors"))
# The hints :func:`apply` reads; the renderer gives others too (keywords,
# description), which are not worth converting to Simplified.
_READ = (
    "title",
    "kicker",
    "subtitle",
    "summary",
    "published",
    "dateline",
    "source",
    "author",
    "editor",
)


def fold(text: str) -> str:
    """A text as titles are compared: Simplified, half-width, no spaces or punctuation.

    Example:
        >>> fold("抗擊疫情！挺在最前沿，督導落實")
        '抗击疫情挺在最前沿督导落实'
    """
    return _fold(text)


# One page compares the same few titles several times, and each fold runs
# OpenCC; the last few folds are kept.
@functools.lru_cache(maxsize=64)
def _fold(text: str) -> str:
    if not text:
        return ""
    simple = keys_for(text, to_simplified(text))
    return _NOISE.sub("", "".join(simple)).lower()


def _agrees(markup: str, fields: Mapping[str, Any]) -> bool:
    hint = fold(markup)
    if not hint:
        return True
    title = fold(str(fields.get("title") or ""))
    headline = "".join(
        fold(str(fields.get(name) or "")) for name in ("kicker", "title", "subtitle")
    )
    if not title:
        return True
    # A <title> is often the headline cut short, or the headline with its kicker.
    return hint in headline or title in hint or (len(hint) >= 8 and headline.startswith(hint))


def _in_script_of_text(fields: Mapping[str, Any], hints: Mapping[str, str]) -> dict[str, str]:
    """The hints in Simplified characters when the text was given back in them.

    The repairs turn a Traditional page's text to Simplified (unless asked not
    to); a value filled in from its markup must not stay Traditional.
    """
    sample = "".join(fields.get("paragraphs") or ())[:400] or str(fields.get("title") or "")
    if not sample or to_simplified(sample) != sample:
        return {key: hints[key] for key in _READ if key in hints}
    return {key: to_simplified(hints[key]) for key in _READ if key in hints}


def _split_kicker(fields: dict[str, Any], hints: Mapping[str, str]) -> None:
    """Take the kicker off a text title that the markup shows holds it.

    Without a telling ending (时强调, 指出...) the text cannot tell a kicker
    line from a first title line; people.cn's ``.pre`` and Founder's
    ``introtitle`` can.
    """
    kicker, title = hints.get("kicker", "").strip(), hints.get("title", "").strip()
    text_title = str(fields.get("title") or "")
    if not kicker or not title or fields.get("kicker") or not text_title:
        return
    if fold(text_title) == fold(kicker) + fold(title):
        words = text_title.split(" ")
        for cut in range(1, len(words)):
            if fold(" ".join(words[:cut])) == fold(kicker):
                fields["kicker"] = " ".join(words[:cut])
                fields["title"] = " ".join(words[cut:])
                return


def _fill_date(fields: dict[str, Any], value: str) -> None:
    stamp = find_stamp(value)
    if stamp is None:
        return
    fields["published_date"] = stamp.date
    fields["published_at"] = stamp.moment


def apply(fields: dict[str, Any], hints: Mapping[str, str]) -> list[str]:
    """Fill fields the text lacks from the markup; return the disagreements found.

    Args:
        fields: the template's fields by :class:`govnews.Article` field name;
            changed in place.
        hints: the markup evidence of :func:`govnews.html.to_lines`.

    Example:
        >>> fields = {"title": "始终坚持科学务实精准防控", "paragraphs": ["正文。"]}
        >>> apply(fields, {"published": "2021-01-22 05:24:11", "source": "江西日报"})
        []
        >>> fields["published_at"].isoformat(), fields["source"]
        ('2021-01-22T05:24:11+08:00', '江西日报')
        >>> apply(fields, {"title": "另一篇文章的标题"})
        ["markup title '另一篇文章的标题' disagrees with the headline '始终坚持科学务实精准防控'"]
    """
    warnings: list[str] = []
    if not hints:
        return warnings
    hints = _in_script_of_text(fields, hints)
    markup_title = hints.get("title", "").strip()
    _split_kicker(fields, hints)
    if markup_title:
        if not fields.get("title"):
            fields["title"] = markup_title
        elif not _agrees(markup_title, fields):
            warnings.append(
                f"markup title {markup_title!r} disagrees with the headline {fields['title']!r}"
            )
    for name in ("kicker", "subtitle", "summary"):
        value = hints.get(name, "").strip()
        if value and not fields.get(name) and fold(value) != fold(str(fields.get("title", ""))):
            fields[name] = value
    if not fields.get("published_date"):
        for name in ("published", "dateline"):
            if hints.get(name):
                _fill_date(fields, hints[name])
                if fields.get("published_date"):
                    break
    if not fields.get("source") and hints.get("source"):
        fields["source"] = hints["source"].strip()
    for hint, field in _CREDIT_FIELDS:
        if not fields.get(field) and hints.get(hint):
            found = names(hints[hint])
            if found:
                fields[field] = list(found)
    dateline = hints.get("dateline", "")
    if dateline:
        key = keys_for(dateline, to_simplified(dateline))[0]
        for item in read_labels(key, dateline):
            if not item.value or item.field in ("ignore", "published"):
                continue
            if item.field in ("source", "poster"):
                if not fields.get(item.field):
                    value = re.split(r"\s{2,}|\s?[|｜]", item.value)[0].strip()
                    if value:
                        fields[item.field] = value
            elif not fields.get(item.field):
                found = names(item.value)
                if found:
                    fields[item.field] = list(found)
    return warnings
