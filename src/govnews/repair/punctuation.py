"""Punctuation: doubled marks from converters, and full-width forms.

Converters that map full-width punctuation leave pairs such as ``,,``,
``,、`` and ``,。``: the comma is the spurious one and goes. The crawl folded
full-width punctuation to ASCII; putting it back between CJK characters is an
option (``Options.fullwidth``), off by default because it is a guess.
"""

from __future__ import annotations

import functools
import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["find_doubled", "find_fullwidth"]

# A mark that may be doubled, before one it may be doubled with: one character
# class first lets the regex engine skip ahead fast; a 、 or 。 counts only
# before its own twin (checked in find_doubled).
_DOUBLED = re.compile(r"[,，、。](?=[,，、。；;])")
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}


@functools.lru_cache(maxsize=1)
def _cjk_punct() -> re.Pattern[str]:
    # Compiled on first use (the repair is off by default): the Han class
    # with its supplementary planes takes milliseconds to compile.
    return re.compile(
        # Each branch starts with the mark itself and looks back from after
        # it: the engine then only stops at marks, not at every character.
        rf"[,:;!?](?:(?<=[{lexicon.HAN}].)|(?=[{lexicon.HAN}]))"
        rf"|\((?=[^()\n]{{0,40}}[{lexicon.HAN}][^()\n]{{0,40}}\))"
        rf"|\)(?<=[{lexicon.HAN}]\))"
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
        if (m.group() in ",，" or text[m.end()] == m.group()) and _in_chinese(text, m.start())
    ]


def _in_chinese(text: str, index: int) -> bool:
    # ASCII marks doubled in ASCII text (``a,,b`` in a CSV line, ``,;``) are
    # not a converter's: the pair must hold a full-width mark or come soon
    # after text a converter was converting (a gloss may stand between).
    return not text[index : index + 2].isascii() or not text[max(index - 8, 0) : index].isascii()


def find_fullwidth(text: str, options: Options) -> list[Change]:
    """ASCII punctuation in CJK context back to its full-width form.

    Example:
        >>> [c.after for c in find_fullwidth("来源:江西日报(记者)", Options())]
        ['：', '（', '）']
    """
    return [
        Change(m.start(), m.end(), _FULL[m.group()], reason="full-width form folded to ASCII")
        for m in _cjk_punct().finditer(text)
    ]
