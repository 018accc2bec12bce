"""Spaces and markup residue in text.

NBSP and the ideographic space (U+3000) become plain spaces; zero-width and
control characters are dropped: they carry no meaning in these pages, but they break
label matching and comparisons. Stray tags such as ``</p>`` and HTML
entities left in a text dump are removed or resolved.
"""

from __future__ import annotations

import functools
import re

from govnews.records import Options
from govnews.repair.change import Change

__all__ = ["find_markup", "find_spaces"]

_SPACES = re.compile(
    "[\u00a0\u3000\u2002\u2003\u2009\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x1f\x7f]+"
)
_TAG = (
    r"</?(?:p|br|div|span|strong|b|i|em|font|a|img|td|tr|th|table|tbody|section|center|u|h[1-6])"
    r"(?:\s[^<>\n]{0,300})?/?>"
)
_ENTITY = r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6});"


@functools.lru_cache(maxsize=1)
def _markup() -> re.Pattern[str]:
    # Compiled on first use: most pages have no ``<`` or ``&`` at all. One
    # match is a run of touching tags and entities: an entity storm makes one
    # change per run, not a change (and its memory) per entity. The run is
    # bounded because the regex engine keeps a backtracking point for every
    # repetition: an unbounded run of a million entities costs it gigabytes.
    return re.compile(f"(?:{_TAG}|{_ENTITY}){{1,64}}", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _token() -> re.Pattern[str]:
    return re.compile(f"{_TAG}|{_ENTITY}", re.IGNORECASE)


# Each space of a run becomes one plain space; zero-width characters go.
_SPACE_MAP: dict[int, str | None] = dict.fromkeys(map(ord, "\u00a0\u3000\u2002\u2003\u2009"), " ")
_SPACE_MAP.update(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff")))
# Control characters (NUL and the like) are no text: HTML rendering drops
# them, and text dumps get the same here.
_SPACE_MAP.update(dict.fromkeys([*range(0x09), *range(0x0E, 0x1C), 0x1F, 0x7F]))


def _space(run: str) -> str:
    return run.translate(_SPACE_MAP)


def find_spaces(text: str, options: Options) -> list[Change]:
    """NBSP and ideographic spaces to plain spaces; zero-width characters dropped.

    Example:
        >>> [c.after for c in find_spaces("\\u3000\\u3000本报讯", Options())]
        ['  ']
    """
    return [
        Change(m.start(), m.end(), _space(m.group()), reason="non-ASCII space or control character")
        for m in _SPACES.finditer(text)
    ]


def find_markup(text: str, options: Options) -> list[Change]:
    """Stray tags to remove and entities to resolve, one change per run of them.

    Example:
        >>> [(c.after, c.reason) for c in find_markup("会议召开。</p>两个&ldquo;", Options())]
        [('', 'stray tag'), ('“', 'HTML entity')]
        >>> [(c.after, c.reason) for c in find_markup("</p>&ldquo;", Options())]
        [('“', 'stray tags and HTML entities')]
    """
    if "<" not in text and "&" not in text:
        return []
    from html import unescape  # loads the entity table; only pages with markup pay

    changes = []
    token = _token()
    for match in _markup().finditer(text):
        pieces: list[str] = []
        kinds = set()
        for part in token.finditer(match.group()):
            found = part.group()
            if found.startswith("&"):
                after = unescape(found)
                if after == found or "\n" in after:
                    pieces.append(found)  # not an entity Python knows, or a line break
                    continue
                kinds.add("HTML entity")
                pieces.append(after)
            else:
                kinds.add("stray tag")
                pieces.append("")
        if kinds:
            reason = kinds.pop() if len(kinds) == 1 else "stray tags and HTML entities"
            changes.append(Change(match.start(), match.end(), "".join(pieces), reason=reason))
    return changes
