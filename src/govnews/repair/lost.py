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
# Every branch opens with the ``?`` itself and looks behind from after it, so
# the engine skips in C from one ``?`` to the next (a lookbehind or a class
# in front, as in ``(?<=X)\?``, has it try the pattern at every character).
# Surrogates have a pattern of their own for the same reason.
_LOST = re.compile(
    r"\?(?:(?<=[^\x00-\x7f]\?)\?{1,7}|\?{1,7}(?=[^\x00-\x7f])"
    rf"|(?<=[{_PUNCT}]\?)(?=[{lexicon.HAN}])|(?<=[{lexicon.HAN}]\?)(?=[{_PUNCT}]))"
)
_SURROGATES = re.compile("[\ud800-\udfff]+")
_OPENING = re.compile(rf"\?\?{{0,7}}(?=[{lexicon.HAN}\u2014])")  # not ?{1,8}: led by a literal
_INDENT = re.compile("[ \t\u00a0\u3000]*")


def _line_openings(text: str) -> dict[int, int]:
    """Runs of ``?`` that open a line, after its indent, before Chinese text or a dash.

    Each line's indent is measured once, and the line breaks between two
    candidates are looked for once, so a long line of candidates stays linear.
    """
    found: dict[int, int] = {}
    searched = 0  # where the search for the last line break stopped
    indent_end = -1
    for match in _OPENING.finditer(text):
        start = match.start()
        newline = text.rfind("\n", searched, start)
        if newline >= 0 or indent_end < 0:
            line_start = newline + 1  # 0 on the first line
            indent = _INDENT.match(text, line_start)
            indent_end = indent.end() if indent else line_start
        searched = start
        if start == indent_end:
            found[start] = match.end()
    return found


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
    marks = "?" in text
    patterns = [_LOST] if marks else []
    if lexicon.has_surrogates(text):
        patterns.append(_SURROGATES)
    if not patterns:
        return []
    spans = _line_openings(text) if marks else {}
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.start() not in spans:
                spans[match.start()] = match.end()
    if not spans:
        return []
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
