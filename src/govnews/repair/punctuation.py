"""Punctuation: doubled marks from converters, and full-width forms.

Converters that map full-width punctuation leave pairs such as ``,,``,
``,、`` and ``,。``: the comma is the spurious one and goes. The crawl folded
full-width punctuation to ASCII; putting it back between CJK characters is an
option (``Options.fullwidth``), off by default because it is a guess.
"""

from __future__ import annotations

import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["find_doubled", "find_fullwidth"]

_DOUBLED = re.compile(r"([,，])(?=[,，、。；;])|([、。])(?=\2)")
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_PUNCT = re.compile(
    rf"(?<=[{lexicon.HAN}])[,:;!?]|[,:;!?](?=[{lexicon.HAN}])"
    rf"|\((?=[^()\n]{{0,40}}[{lexicon.HAN}][^()\n]{{0,40}}\))"
    rf"|(?<=[{lexicon.HAN}])\)"
)


def find_doubled(text: str, options: Options) -> list[Change]:
    """Doubled punctuation to drop.

    Example:
        >>> [(c.start, c.after) for c in find_doubled("会议,,强调,。", Options())]
        [(2, ''), (6, '')]
    """
    return [
        Change(m.start(), m.end(), "", reason="punctuation doubled by a converter")
        for m in _DOUBLED.finditer(text)
    ]


def find_fullwidth(text: str, options: Options) -> list[Change]:
    """ASCII punctuation in CJK context back to its full-width form.

    Example:
        >>> [c.after for c in find_fullwidth("来源:江西日报(记者)", Options())]
        ['：', '（', '）']
    """
    return [
        Change(m.start(), m.end(), _FULL[m.group()], reason="full-width form folded to ASCII")
        for m in _CJK_PUNCT.finditer(text)
    ]
