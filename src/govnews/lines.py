"""Text to lines: the stage that gives templates their line stream.

Text dumps are split at line breaks (``\\r\\n``, ``\\r`` and ``\\n`` alike);
HTML goes through :mod:`govnews.html` first, which renders the markup to the
same kind of line stream. Nothing is repaired here.
"""

from __future__ import annotations

import re

__all__ = ["keys_for", "split_lines"]

# The line breaks: \r\n, and each of these alone (str.splitlines's own set).
_ENDS = frozenset("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
_FOLD = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_FOLD.update({"\u3000": " ", "\xa0": " "})
_FOLDED = re.compile("[\uff01-\uff5e\u3000\xa0]")


def split_lines(text: str) -> list[str]:
    """The lines of a text, whatever its line breaks.

    Example:
        >>> split_lines("标题\\r\\n正文\\r")
        ['标题', '正文', '']
    """
    # str.splitlines breaks at exactly these, in C; it only leaves out the
    # empty line after a final break.
    lines = text.splitlines()
    if not text or text[-1] in _ENDS:
        lines.append("")
    return lines


def keys_for(text: str, simplified: str) -> list[str]:
    """Matching keys for the lines of a text: Simplified, full-width folded.

    Args:
        text: the repaired text, lines joined with ``\\n``.
        simplified: the same text converted to Simplified characters.

    Example:
        >>> keys_for("來源：江西日報", "来源：江西日报")
        ['来源:江西日报']
    """
    # A substitution only where a full-width form stands: str.translate with
    # a table looks up every character of the page, ten times the cost.
    return _FOLDED.sub(_fold, simplified).split("\n")


def _fold(match: re.Match[str]) -> str:
    return _FOLD[match.group()]
