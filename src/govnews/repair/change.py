"""The one record every repair returns: a change to make to the text."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Change"]


class Change(NamedTuple):
    """Replace ``text[start:end]`` with ``after``.

    A named tuple rather than an attrs class: a Traditional page with pinyin
    glosses makes hundreds of these, and a tuple is built in half the time
    of a frozen attrs instance.

    Attributes:
        start: where the replaced text begins, in the text the repair saw.
        end: where it ends (exclusive).
        after: the replacement.
        lost: how many characters are lost for good here (U+FFFD in ``after``).
        reason: why the repair made the change, for the edit record.

    Example:
        >>> Change(0, 2, "，").after
        '，'
    """

    start: int
    end: int
    after: str
    lost: int = 0
    reason: str = ""
