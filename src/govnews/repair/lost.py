"""Characters the crawl lost to ``?`` or U+FFFD.

A run of two or more ``?`` next to Chinese text, a ``?`` that opens a line
(a paragraph bullet that did not survive), and a ``?`` wedged against other
punctuation cannot be question marks: each becomes U+FFFD, so the position is
kept and the loss is counted. A lone ``?`` after a sentence is left alone: the
crawl folded the full-width question mark to it. U+FFFD already in the
input is recorded once, by the engine, as a loss without change; a lone surrogate (half of a UTF-16
pair, which no codec can write out) becomes U+FFFD, one lost character each.
"""

from __future__ import annotations

import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["find"]

_PUNCT = ",.;:!、，。；：！…"
_LOST = re.compile(
    r"(?<=[^\x00-\x7f])\?{2,8}|\?{2,8}(?=[^\x00-\x7f])"
    rf"|(?<=[{_PUNCT}])\?(?=[{lexicon.HAN}])|(?<=[{lexicon.HAN}])\?(?=[{_PUNCT}])"
    r"|[\ud800-\udfff]+"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_START = re.compile(
    rf"^([ \t\u00a0\u3000]*)(\?{{1,8}})(?=[{lexicon.HAN}\u2014])", re.MULTILINE
)


_MARKED = re.compile("\ufffd+")


def already_lost(text: str) -> list[Change]:
    """U+FFFD found in the input: losses to record once, without a change.

    Example:
        >>> [(c.start, c.lost) for c in already_lost("正\ufffd\ufffd文")]
        [(1, 2)]
    """
    return [
        Change(m.start(), m.end(), m.group(), lost=len(m.group()), reason="U+FFFD in the input")
        for m in _MARKED.finditer(text)
    ]


def find(text: str, options: Options) -> list[Change]:
    """Lost characters to mark with U+FFFD.

    Example:
        >>> [(c.after, c.lost) for c in find("???各设区市", Options())]
        [('\ufffd\ufffd\ufffd', 3)]
        >>> [(c.after, c.lost) for c in find("正文\\ud800", Options())]
        [('\ufffd', 1)]
    """
    if "?" not in text and not _SURROGATE.search(text):
        return []
    spans: dict[int, int] = {}
    for match in _LINE_START.finditer(text):
        spans[match.start(2)] = match.end(2)
    for match in _LOST.finditer(text):
        if match.end() > match.start() and match.start() not in spans:
            spans[match.start()] = match.end()
    changes = []
    last = -1
    for start in sorted(spans):
        end = spans[start]
        if start < last:
            continue
        last = end
        count = end - start
        changes.append(
            Change(
                start,
                end,
                "\ufffd" * count,
                lost=count,
                reason="no question mark stands here; the character was lost",
            )
        )
    return changes
