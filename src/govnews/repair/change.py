"""The one record every repair returns: a change to make to the text."""

from __future__ import annotations

import attrs

__all__ = ["Change"]


@attrs.frozen
class Change:
    """Replace ``text[start:end]`` with ``after``.

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
