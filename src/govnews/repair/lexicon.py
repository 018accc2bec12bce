"""What the repairs know of Chinese: scripts, readings and word frequencies.

Every table here comes from a well-kept package and loads on first use, so a
clean page never pays for it:

- OpenCC (``opencc``; the C++ binding, or opencc-python-reimplemented as the
  pure-Python fallback: both install the module ``opencc``) converts
  Traditional to Simplified.
- pypinyin's character table gives the readings that decide whether a
  parenthesised syllable is a gloss of the character before it.
- jieba's dictionary gives word and character frequencies, the measure of
  how plausible a repaired run is.
- GB2312 itself says which characters are common: its level 1 holds the
  3,755 most used characters, level 2 the next 3,008.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
import re
from collections.abc import Callable

__all__ = [
    "char_cost",
    "chars_for",
    "gb2312_level",
    "is_han",
    "readings",
    "text_cost",
    "to_simplified",
    "word_count",
]

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{HAN}]")


def is_han(char: str) -> bool:
    """Whether a character is a CJK ideograph (Han character).

    Example:
        >>> is_han("國"), is_han("a"), is_han("，")
        (True, False, False)
    """
    return bool(_HAN_RE.fullmatch(char))


@functools.lru_cache(maxsize=1)
def _converter() -> Callable[[str], str]:
    import opencc

    converter = opencc.OpenCC("t2s")
    convert: Callable[[str], str] = converter.convert
    return convert


def to_simplified(text: str) -> str:
    """Text converted from Traditional to Simplified characters with OpenCC.

    Example:
        >>> to_simplified("國內")
        '国内'
    """
    return _converter()(text) if text else text


@functools.lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[int, str] = pinyin_dict
    return table


@functools.lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """The tone-marked Mandarin readings of one character.

    Example:
        >>> sorted(readings("長"))
        ['cháng', 'zhǎng', 'zhàng']
    """
    value = _readings().get(ord(char), "") if len(char) == 1 else ""
    return frozenset(value.split(",")) if value else frozenset()


@functools.lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for code, value in _readings().items():
        for reading in value.split(","):
            index.setdefault(reading, []).append(chr(code))
    return {reading: tuple(chars) for reading, chars in index.items()}


def chars_for(reading: str) -> tuple[str, ...]:
    """Every character with a reading, common ones first.

    Example:
        >>> "报" in chars_for("bào")
        True
    """
    chars = _by_reading().get(reading, ())
    return tuple(sorted(chars, key=char_cost))


@functools.lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, int], dict[str, int]]:
    # jieba's dictionary is "word count tag" per line; only words of one and
    # two characters are kept: they are what run plausibility is scored on.
    text = importlib.resources.files("jieba").joinpath("dict.txt").read_text("utf-8")
    words: dict[str, int] = {}
    chars: dict[str, int] = {}
    for word, count in re.findall(r"^(\S{1,2}) (\d+)", text, re.MULTILINE):
        words[word] = int(count)
        for char in word:
            chars[char] = chars.get(char, 0) + int(count)
    return words, chars


def word_count(word: str) -> int:
    """How often a word of one or two Simplified characters occurs (jieba).

    Example:
        >>> word_count("日报") > word_count("日抱")
        True
    """
    return _frequencies()[0].get(word, 0)


@functools.lru_cache(maxsize=65536)
def gb2312_level(char: str) -> int:
    """1 or 2 for GB2312's levels of Han characters, 0 for any other.

    Example:
        >>> gb2312_level("国"), gb2312_level("囯"), gb2312_level("國")
        (1, 2, 0)
    """
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return 0
    if 0xB0 <= lead <= 0xD7:
        return 1
    if 0xD8 <= lead <= 0xF7:
        return 2
    return 0


@functools.lru_cache(maxsize=65536)
def char_cost(char: str) -> float:
    """How implausible one character is in these pages, from 0 upwards.

    Common Han characters (in either script) and punctuation cost little;
    rare characters more; private-use code points and U+FFFD most.

    Example:
        >>> char_cost("国") < char_cost("囯") < char_cost("\\ue026")
        True
    """
    code = ord(char)
    if code < 0x80:
        return 0.5
    if 0xE000 <= code <= 0xF8FF or char == "\ufffd":
        return 20.0
    if not is_han(char):
        return 2.0 if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF else 6.0
    simple = to_simplified(char)
    count = _frequencies()[1].get(simple, 0)
    level = gb2312_level(simple)
    base = 1.0 if level == 1 else 4.0 if level == 2 else 9.0
    return base + 4.0 / (1.0 + math.log1p(count))


def text_cost(text: str) -> float:
    """How implausible a short run of text is: character costs less word bonuses.

    Lower is better; two runs of the same length compare directly.

    Example:
        >>> text_cost("要求") < text_cost("螅瑺")
        True
    """
    cost = sum(char_cost(char) for char in text)
    simple = to_simplified(text)
    for i in range(len(simple) - 1):
        count = word_count(simple[i : i + 2])
        if count:
            cost -= 2.0 + math.log1p(count) / 2
    return cost
