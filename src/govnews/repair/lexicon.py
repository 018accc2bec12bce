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

import contextlib
import functools
import importlib.util
import marshal
import math
import os
import re
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

__all__ = [
    "cache_dir",
    "char_cost",
    "char_count",
    "chars_for",
    "first_reading",
    "gb2312_level",
    "has_rare_han",
    "is_han",
    "load_words",
    "phrase_count",
    "rare_han",
    "readings",
    "rests",
    "rests_each",
    "text_cost",
    "to_simplified",
    "word_count",
]

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def is_han(char: str) -> bool:
    """Whether a character is a CJK ideograph (Han character).

    Example:
        >>> is_han("國"), is_han("a"), is_han("，")
        (True, False, False)
    """
    if len(char) != 1:
        return False
    code = ord(char)
    # The blocks of HAN, most used first: this runs once per character.
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


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
        >>> to_simplified("國\\ud800內") == "国\\ud800内"
        True
    """
    if not text:
        return text
    if len(text) == 1 and _in_char_table(text):
        # The repairs ask for one character at a time thousands of times:
        # a table lookup, not a call into OpenCC.
        return _simple_chars().get(text, text)
    if not has_surrogates(text):
        return _converter()(text)
    # OpenCC reads UTF-8, which cannot hold a lone surrogate: convert the text
    # between them and keep them in place for the lost-character repair.
    return "".join(
        piece if _SURROGATE.match(piece) else _converter()(piece)
        for piece in _SURROGATE.split(text)
        if piece
    )


_SURROGATE = re.compile("([\ud800-\udfff]+)")


def has_surrogates(text: str) -> bool:
    """Whether a text holds a lone surrogate (half of a UTF-16 pair), which no codec writes.

    An encode in C answers it several times faster than a regex scan of a page.

    Example:
        >>> has_surrogates("國內"), has_surrogates("國\\ud800內")
        (False, True)
    """
    return not _encodes(text, "utf-8")


def _encodes(text: str, codec: str) -> bool:
    # Whether ``codec`` can write every character of ``text``: one pass in C.
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _package_file(package: str, name: str) -> Path | None:
    # Where a data file of an installed package is, found without importing
    # the package: jieba's and pypinyin's ``__init__`` each cost a quarter of a
    # second and load tables these repairs never use.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / name
        if path.is_file():
            return path
    return None


def _load_module(package: str, name: str) -> ModuleType | None:
    # One module of a package, loaded on its own (its compiled cache is used).
    path = _package_file(package, f"{name}.py")
    if path is None:
        return None
    spec = importlib.util.spec_from_file_location(f"_govnews_{package}_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    # Kept in the cache folder too: building it means decoding pypinyin's
    # JSON, about three times the cost of reading the table back.
    source = _package_file("pypinyin", "pinyin_dict.json")
    return _cached("readings", source, _pinyin_table, dict)


def _pinyin_table() -> dict[int, str]:
    # pypinyin's per-character table alone: importing ``pypinyin`` itself
    # also loads its phrase table, five times the time for nothing we use.
    module = None if "pypinyin" in sys.modules else _load_module("pypinyin", "pinyin_dict")
    if module is None:
        from pypinyin.pinyin_dict import pinyin_dict

        table: dict[int, str] = pinyin_dict
        return table
    loaded: dict[int, str] = module.pinyin_dict
    return loaded


@functools.lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """The tone-marked Mandarin readings of one character.

    Example:
        >>> sorted(readings("長"))
        ['cháng', 'zhàng', 'zhǎng']
    """
    value = _readings().get(ord(char), "") if len(char) == 1 else ""
    return frozenset(value.split(",")) if value else frozenset()


def first_reading(char: str) -> str:
    """The first (most usual) reading pypinyin lists for a character, or ``""``.

    Example:
        >>> first_reading("強"), first_reading("a")
        ('qiáng', '')
    """
    value = _readings().get(ord(char), "") if len(char) == 1 else ""
    return value.split(",", 1)[0]


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


# A dictionary line is "word count tag"; only words of one and two characters
# are kept, which is what run plausibility is scored on. One regular expression
# over the whole file skips the 220,000 longer words without splitting them.
_SHORT_WORD = re.compile(r"^([^ \n]{1,2}) (\d+) ", re.MULTILINE)


def _dictionary_text() -> str:
    path = _package_file("jieba", "dict.txt")
    if path is None:  # an unusual install: let the package say where its data is
        import importlib.resources

        return importlib.resources.files("jieba").joinpath("dict.txt").read_text("utf-8")
    return path.read_text("utf-8")


def cache_dir() -> Path | None:
    """Where the word tables are cached between processes, or None when they are not.

    ``GOVNEWS_CACHE_DIR`` names the folder (empty turns the cache off);
    otherwise ``$XDG_CACHE_HOME/govnews``, or ``~/.cache/govnews``.

    Example:
        >>> import os
        >>> os.environ["GOVNEWS_CACHE_DIR"] = ""
        >>> cache_dir() is None
        True
        >>> del os.environ["GOVNEWS_CACHE_DIR"]
    """
    configured = os.environ.get("GOVNEWS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govnews"


_CACHE_FORMAT = 2  # bump when a table's shape changes


# A word table as the cache keeps it: for each first character, the rest of
# every word that starts with it (joined by newlines) and their counts (int64).
_Packed = dict[str, tuple[str, bytes]]
_T = TypeVar("_T", dict[str, int], dict[int, str], dict[str, str], _Packed, str)


def _cached(
    name: str, source: Path | None, build: Callable[[], _T], kind: type[_T], fresh: bool = False
) -> _T:
    """A table built from a package's data, kept in the cache folder between processes.

    Reading jieba's 5 MB dictionary and matching its 349,000 lines takes a
    third of a second; loading a table back with marshal, a third of that.
    (pypinyin's readings and the rare-Han class are kept the same way.)
    The file is named after the source file's size and modification time,
    so a new release of the package makes a new table. Any trouble with the
    cache (unwritable, damaged, another Python's marshal format) falls back
    to building the table; so does ``fresh``, for a table found damaged in use.
    """
    folder = cache_dir()
    path = None
    if source is not None and folder is not None:
        with contextlib.suppress(OSError):
            stat = source.stat()
            # (The byte order, for the counts the word tables keep as bytes.)
            made = f"{_CACHE_FORMAT}{sys.byteorder[0]}-{marshal.version}"
            version = f"{made}-{stat.st_size}-{stat.st_mtime_ns}"
            path = folder / f"{name}-{version}.marshal"
            with contextlib.suppress(ValueError, EOFError, TypeError):
                if fresh:
                    raise ValueError(path)
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, kind):
                    os.utime(path)  # in use: _prune keeps the tables used last
                    return loaded
    table = build()
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps(table))
            os.replace(partial, path)  # whole or not at all, for concurrent workers
            _prune(path.parent, name)
    return table


_KEPT_VERSIONS = 3  # tables of one name kept, for environments that share the folder
_STALE_PARTIAL = 3600.0  # seconds after which a half-written table is a crash's leftover


def _prune(folder: Path, name: str) -> None:
    """Remove the tables of ``name`` that other versions wrote and nobody used lately.

    Each install of a package makes a new table (the name holds the source's
    size and modification time), so without this the folder would grow by a
    few megabytes with every new environment. The most recently used few are
    kept, so that environments sharing the folder do not rebuild in turn.
    """
    now = time.time()
    used: list[tuple[float, Path]] = []
    for path in folder.glob(f"{name}-*"):
        with contextlib.suppress(OSError):
            stamp = path.stat().st_mtime
            if path.suffix == ".marshal":
                used.append((stamp, path))
            elif path.suffix == ".tmp" and now - stamp > _STALE_PARTIAL:
                path.unlink()
    used.sort(reverse=True)
    for _, path in used[_KEPT_VERSIONS:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _cached_table(name: str, build: Callable[[str], _T], kind: type[_T], fresh: bool = False) -> _T:
    # A table of jieba's dictionary (see _cached).
    source = _package_file("jieba", "dict.txt")
    return _cached(name, source, lambda: build(_dictionary_text()), kind, fresh)


def _counted(pattern: re.Pattern[str], text: str) -> dict[str, int]:
    # The words of jieba's dictionary that pattern matches, with their counts.
    return {word: int(count) for word, count in pattern.findall(text)}


def _char_counts(text: str) -> dict[str, int]:
    # Each character's count: the sum over the short words that hold it.
    chars: dict[str, int] = {}
    get = chars.get
    for word, count in _counted(_SHORT_WORD, text).items():
        chars[word[0]] = get(word[0], 0) + count
        if len(word) == 2:
            chars[word[1]] = get(word[1], 0) + count
    return chars


def _pack(words: dict[str, int]) -> _Packed:
    groups: dict[str, list[tuple[str, int]]] = {}
    for word, count in words.items():
        groups.setdefault(word[0], []).append((word[1:], count))
    return {
        first: ("\n".join(rest for rest, _ in group), array("q", [n for _, n in group]).tobytes())
        for first, group in groups.items()
    }


class _Words:
    """A word table, made into dictionaries one first character at a time.

    Made into one dictionary, jieba's 125,000 words of one or two characters
    take 80 ms to load and its 216,000 of three or four 170 ms, though a page
    with a few damaged runs looks up words of a few hundred first characters.
    So the cache keeps each first character's words as one string and their
    counts as bytes, which load in a few milliseconds, and a first
    character's words become a dictionary of their own, keyed by the rest
    of each word, when one of them is first looked up.

    Small dictionaries are also faster to search: a repair looks up a
    hundred-odd candidates in one context, all but a few of them missing,
    and a miss in a table of 200,000 words waits on memory (about 300 ns)
    where one in a first character's few dozen takes 50.
    """

    __slots__ = ("_name", "_packed", "_pattern", "groups")

    def __init__(self, name: str, pattern: re.Pattern[str], packed: _Packed | None = None) -> None:
        self._name = name
        self._pattern = pattern
        self._packed = self._read() if packed is None else packed
        self.groups: dict[str, dict[str, int]] = {}

    def _read(self, fresh: bool = False) -> _Packed:
        def build(text: str) -> _Packed:
            return _pack(_counted(self._pattern, text))

        return _cached_table(self._name, build, dict, fresh)

    def count(self, word: str) -> int:
        return self.group(word[:1]).get(word[1:], 0)

    def group(self, first: str) -> dict[str, int]:
        # The words that start with ``first``, keyed by the rest of each.
        found = self.groups.get(first)
        return self._load(first) if found is None else found

    def each(self, firsts: list[str]) -> list[dict[str, int]]:
        # group() of each of firsts, in one C loop once they are loaded.
        found = list(map(self.groups.get, firsts))
        if None in found:
            return [self.group(first) for first in firsts]
        return found  # type: ignore[return-value]  # (no None in it)

    def firsts(self) -> list[str]:
        # Every first character of a word in the table.
        return list(self._packed)

    def _load(self, first: str) -> dict[str, int]:
        try:
            found = self._unpack(first)
        except (TypeError, ValueError):
            # A cache file of the right type but not of this shape (damaged,
            # or written by another version): made again from jieba.
            self._packed = self._read(fresh=True)
            found = self._unpack(first)
        self.groups[first] = found
        return found

    def _unpack(self, first: str) -> dict[str, int]:
        group = self._packed.get(first)
        if group is None:
            return {}
        rests, counts = group
        return dict(zip(rests.split("\n"), array("q", counts), strict=True))


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    return _Words("words", _SHORT_WORD)


@functools.lru_cache(maxsize=1)
def _chars() -> dict[str, int]:
    return _cached_table("chars", _char_counts, dict)


def word_count(word: str) -> int:
    """How often a word of one or two Simplified characters occurs (jieba).

    Example:
        >>> word_count("日报") > word_count("日抱")
        True
    """
    return _words().count(word)


_ANY_WORD = re.compile(r"^([^ \n]{3,4}) (\d+) ", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def _phrases() -> _Words:
    # Words of three and four characters, loaded only when a repair has a
    # damaged run to judge: clean pages never need them.
    return _Words("phrases", _ANY_WORD)


def phrase_count(word: str) -> int:
    """How often a word of two to four Simplified characters occurs (jieba).

    Example:
        >>> phrase_count("一目了然") > 0, phrase_count("然了目一")
        (True, 0)
    """
    if len(word) <= 2:
        return word_count(word)
    return _phrases().count(word) if len(word) <= 4 else 0


def rests(size: int, first: str) -> dict[str, int]:
    """The words of ``size`` characters (1 to 4) that start with ``first``, by what follows it.

    For callers that look up many words in one context: each is one lookup
    in a small dictionary. (Words of one and two characters share a table,
    as do words of three and four: the length of the key tells them apart.)

    Example:
        >>> rests(2, "日")["报"] == phrase_count("日报")
        True
        >>> rests(4, "一")["目了然"] == phrase_count("一目了然")
        True
    """
    return (_words() if size <= 2 else _phrases()).group(first)


def rests_each(size: int, firsts: list[str]) -> list[dict[str, int]]:
    """:func:`rests` for each of ``firsts``, in order.

    Example:
        >>> [len(group) > 0 for group in rests_each(2, ["日", "\ue000"])]
        [True, False]
    """
    return (_words() if size <= 2 else _phrases()).each(firsts)


def load_words() -> None:
    """Load every word table whole, for worker pools that load them once and share them.

    Example:
        >>> load_words()
        >>> phrase_count("一目了然") > 0
        True
    """
    for table in (_words(), _phrases()):
        table.each(table.firsts())


def char_count(char: str) -> int:
    """How often a Simplified character occurs in jieba's words of one or two characters.

    Example:
        >>> char_count("国") > char_count("囯")
        True
    """
    return _chars().get(char, 0)


def has_rare_han(text: str) -> bool:
    """Whether any Han character of a text is outside GB2312, in either script.

    The cheap first look of the encoding repairs: misread GBK pairs and
    UTF-8 read as GBK almost always yield such characters, while clean news
    text seldom does. It needs no word table, and runs at C speed: text that
    GB2312 encodes has none, and other text is searched with one compiled
    character class.

    Example:
        >>> has_rare_han("國內新聞"), has_rare_han("娑擃厼娴楁禍")
        (False, True)
    """
    return not _encodes(text, "gb2312") and rare_han().search(text) is not None


@functools.lru_cache(maxsize=1)
def rare_han() -> re.Pattern[str]:
    """A pattern matching one Han character outside GB2312 in either script.

    A character is common when GB2312 holds it or holds its Simplified form
    (OpenCC, character by character); every other Han character is rare.
    Built on first use (some tens of milliseconds, once per process).

    Example:
        >>> [m.group() for m in rare_han().finditer("國內娑擃厼")]
        ['擃', '厼']
    """
    # The class depends on OpenCC's tables: it is cached under its version.
    return re.compile(f"[{_cached('rare-han', _opencc_source(), _rare_han_class, str)}]")


def _opencc_source() -> Path | None:
    # The installed OpenCC module: tables made from its conversion are
    # cached under its size and time, so a new OpenCC makes new ones.
    spec = importlib.util.find_spec("opencc")
    return Path(spec.origin) if spec is not None and spec.origin else None


def _in_char_table(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


@functools.lru_cache(maxsize=1)
def _simple_chars() -> dict[str, str]:
    """Each Han character of the basic plane that OpenCC's ``t2s`` changes, alone.

    Built with one conversion of all of them and cached on disk; empty when
    that conversion could not be read character by character (then
    :func:`to_simplified` asks OpenCC each time).
    """
    return _cached("simple-chars", _opencc_source(), _simple_char_table, dict)


def _basic_han() -> list[str]:
    # Every Han character of the basic plane, block by block (see _HAN_BLOCKS).
    return [chr(code) for low, high in _HAN_BLOCKS[:3] for code in range(low, high + 1)]


def _simple_char_table() -> dict[str, str]:
    chars = _basic_han()
    # One conversion for all: a line break between characters keeps OpenCC
    # from reading two of them as a phrase.
    simple = _converter()("\n".join(chars)).split("\n")
    if len(simple) != len(chars):
        return {}
    return {char: form for char, form in zip(chars, simple, strict=True) if form != char}


def _rare_han_class() -> str:
    # The body of rare_han's character class, as ranges of code points.
    common = set(_gb2312_han())
    chars = _basic_han()
    forms = _simple_chars()
    if forms:
        common.update(char for char in chars if forms.get(char, char) in common)
    rare = sorted(ord(c) for c in chars if c not in common)
    ranges: list[list[int]] = []
    for code in rare:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    low, high = _HAN_BLOCKS[3]
    ranges.append([low, high])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# The Han blocks of HAN: unified, extension A, compatibility, then the
# supplementary planes (rare by definition).
_HAN_BLOCKS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def _gb2312_han() -> list[str]:
    # GB2312's Han characters: rows 16 to 87 of the two levels.
    found = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                found.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


@functools.lru_cache(maxsize=65536)
def gb2312_level(char: str) -> int:
    """1 or 2 for GB2312's levels of Han characters, 0 for any other.

    Example:
        >>> gb2312_level("国"), gb2312_level("亍"), gb2312_level("國")
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


_MARKS = frozenset("‘’“”…—·")  # punctuation of Chinese text outside U+3000-U+303F


@functools.lru_cache(maxsize=65536)
def char_cost(char: str) -> float:
    """How implausible one character is in these pages, from 0 upwards.

    Common Han characters (in either script) and punctuation cost little;
    rare characters more; private-use code points and U+FFFD most.

    Example:
        >>> char_cost("国") < char_cost("亍") < char_cost("\\ue026")
        True
    """
    code = ord(char)
    if code < 0x80:
        return 0.5
    if 0xE000 <= code <= 0xF8FF or char == "\ufffd":
        return 20.0
    if not is_han(char):
        common = 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or char in _MARKS
        return 2.0 if common else 6.0
    simple = to_simplified(char)
    count = _chars().get(simple, 0)
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
