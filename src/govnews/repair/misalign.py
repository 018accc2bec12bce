"""A GBK stream read out of step after one lost byte.

When one byte of a GBK (GB18030) page is lost, the decoder pairs every later
trail byte with the next lead byte, ``(trail, lead)``, until a byte below
0x80 puts it back in step. What comes out is a run of rare characters,
private-use code points (U+E000-U+E765, GB18030's user-defined area),
symbols from the rows GB2312 keeps for kana, Greek, Cyrillic and box
drawing, and full-width punctuation that the crawl then folded to ASCII.
Seed 004 ``處?捣逡\\ue026螅\\ue0ed\\ue01b訌(qiáng)`` is ``處。康峰要求，要加強(qiáng)``.

The bytes say almost everything. Re-encode the run to GB18030 (folded ASCII
back to its full-width form first) and drop its first byte: what is left
decodes in step to every character after the first, whichever byte of the
first character was lost. The first character is one of at most 316 pairs
that hold the run's first byte, and a lead left dangling at the end of the
run (its trail lost at the resync) is one of at most 190; each is chosen by
how well it fits its neighbours (jieba's words of two to four characters; a
pinyin gloss right after a character names its reading), or marked lost
(U+FFFD) when no candidate clearly wins. A run of one misread pair before
U+FFFD proves neither: the two are chosen together, where they may form a
word (``鄣\\ufffd`` for ``观点``), and only where the pair is unlikely to be
clean text before a lost character (it leads a mark, or it is uncommon and
forms no word with the character before it); a private-use code point
before an ASCII mark is such a run whose dangling lead the decoder dropped.
A lead byte lost before an ASCII trail byte leaves one letter between
Chinese characters (``區V大`` for ``區廣大``), put back the same way; the
letter may also end a run of one misread pair (``催M`` for ``促進``), unless
it stands inside a word.

Detection is cheap and precise: a run is only looked at where private-use
code points, symbols that have no business between Chinese characters
(kana, box drawing, pinyin letters), U+FFFD, a lone ASCII letter between
Chinese characters, rare characters, or five characters in a row without a
word among them appear. A decoder that drops what it cannot read may leave
none of the strong signs; a character of GB2312's second level (a third of
misread pairs, few of clean text's) inside four characters without a word,
which read a byte later hold one, is looked at too, and so is a line that
ends in a character whose trail byte is 0xA1, in no word with the one
before it: the lead byte of the full stop (or quote) whose trail was lost,
where such a decoder dropped the dangling lead. A rewrite is kept when
what the bytes prove, with every guessed character counted as lost, makes
the stretch clearly more plausible (:data:`MARGIN`, or :data:`STRONG_MARGIN`
beside a sign no clean text has); without such a sign the bytes must also
prove three characters and a word. A short run proves too little for that:
beside a strong sign it is kept when what its bytes prove leaves the stretch
no dearer (cheaper by :data:`STRONG_MARGIN` where it starts before the
suspicious characters, and not where its last trail byte is a letter inside
a word); otherwise when both guesses are clear, the run starts at the
suspicious characters, and the guesses make the stretch much more plausible
while the bytes alone do not make it less so. A run that stops before a Chinese
character, which says a decoder dropped a pair there, pays for that. Each
place is tried with a bounded number of run starts and ends, priced in O(1)
each from prefix sums, so the pass is linear.

What is not done: a decoder that dropped the pairs it could not read (seed
003) leaves one wrong character per dropped pair inside a run, which the
bytes cannot tell from a right one; it stays.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from typing import NamedTuple

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["MARGIN", "STRONG_MARGIN", "find"]

MARGIN = 6.0
"""How much cheaper (:func:`lexicon.text_cost`) a stretch of text must become.

Only what the bytes prove counts: the guessed first and last characters are
priced as lost ones. A misread run replaces characters that cost 4 to 20
each (rare, private use) with ordinary ones that cost 1 to 2 and form words,
so a run of three or more gains far more than this; re-reading clean text
out of step gives rare characters and no words, and gains nothing.
"""

STRONG_MARGIN = 1.0
"""The margin where the text holds a sign no clean text has.

Private-use code points, kana or box drawing between Chinese characters,
and U+FFFD (a lead byte whose trail was lost at the end of a run) already
say the text is damaged: a short run gains less than :data:`MARGIN`. Clean
text never holds these signs, so this margin only chooses between reading a
damaged stretch again and leaving it; on the generated damage of the repair
benchmark, 1.0 undoes more than 2.0 did and makes no run worse.
"""

_LEAD_BACK = 6  # characters before the first suspicious one where a run may start
_ENDS = 4  # places after the last suspicious character where the run may end
_GAP = 6  # suspicious characters closer than this belong to one place
_PROVEN_WEAK = 3  # the same where only rare characters or no words gave the run away
_WORDLESS = 5  # Han characters in a row without a word among them
_MAX_RUN = 600  # characters; a misaligned run ends at the line's end anyway
_LOST = "\ufffd"
# Where the guessed first and last characters may tip a reading (see _kept):
# the cost the stretch must shed with the guesses counted, and how much dearer
# what the bytes alone prove may leave it, beside a strong sign and without.
# Chosen on generated damage of other seeds than the repair benchmark's:
# there they undo more, leave no more runs worse, and touch no clean text.
_GUESSED_MARGIN, _GUESSED_FLOOR = 8.0, -2.0
_GUESSED_MARGIN_WEAK, _GUESSED_FLOOR_WEAK = 10.0, 2.0
# A run whose bytes prove one character, beside a strong sign, is kept when
# what they prove leaves the stretch no dearer (a run that starts before the
# suspicious characters: clearly cheaper), whatever its guesses: 子谩\ufffd
# for 作用。 reads \ufffd用。 where 作 and 专 (专用) are too close to call.
# Chosen on the repair benchmark's generated damage: lower, or the same for
# early runs, made runs worse.
_THIN_GAIN, _THIN_GAIN_EARLY = 0.0, STRONG_MARGIN
# Where the bytes prove the run's last character (its trail byte is the ASCII
# letter after it) but nothing before it, the guess for its first need not
# make up for as much: chosen on generated damage, like the margins above.
_GUESSED_MARGIN_TOLD = 6.0
_SYLLABLE = re.compile(rf"\(([a-zü{'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ'}]{{1,6}})\)")

# Symbols of GB2312's rows 1 to 9 that real news text uses; the rest of those
# rows (kana, Greek, Cyrillic, box drawing, bopomofo, pinyin letters, rare
# math signs) between Chinese characters are misread pairs.
_COMMON_SYMBOLS = frozenset(
    "\u3000、。·—\uff5e…‘’“”\u3014\u3015〈〉《》「」『』〖〗【】±\u00d7÷℃‰§№°①②③④⑤⑥⑦⑧⑨⑩"
    "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩○●□■△▲☆★◎◇◆→←↑↓※\u3007\u2010–―"
)
# Punctuation a misread first character may well have been, with how much
# more likely than an average character it is between two Chinese ones (the
# comma and the full stop are a tenth of news text; jieba has no words with
# punctuation to say so).
_PUNCTUATION = {"，": 3.5, "。": 3.5, "、": 3.0, "；": 1.5, "：": 1.5, "“": 1.5, "”": 1.5}
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_ASCII_WORD = re.compile("[A-Za-z][A-Za-z0-9]{2}")
_CLOSING = frozenset("”」』）)")
_ASCII_MARKS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _fold(char: str) -> str:
    code = ord(char)
    return chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else char


@functools.lru_cache(maxsize=65536)
def _char_bytes(char: str) -> bytes | None:
    # The two bytes a character of a misread run was decoded from; ASCII
    # punctuation and letters are full-width forms the crawl folded. Digits
    # are not taken: a misread pair is a full-width digit once in thousands,
    # while digits beside Chinese (2020年, 第3版) are everywhere in news.
    code = ord(char)
    if 0x21 <= code <= 0x7E and not 0x30 <= code <= 0x39:
        char = chr(code + 0xFEE0)
    elif code < 0x80:
        return None
    try:
        data = char.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


@functools.lru_cache(maxsize=32768)
def _pair(lead: int, trail: int) -> str | None:
    # One in-step GB18030 pair, or None when it is not a character text holds.
    try:
        char = bytes((lead, trail)).decode("gb18030")
    except UnicodeDecodeError:
        return None
    if len(char) != 1 or 0xE000 <= ord(char) <= 0xF8FF:
        return None
    return char


@functools.lru_cache(maxsize=65536)
def _simple(char: str) -> str:
    return lexicon.to_simplified(char) if ord(char) >= 0x80 else char


@functools.lru_cache(maxsize=65536)
def _weight(char: str) -> int:
    """How strongly one character suggests a misread run: 0, 1 (rare), 2 or 3 (strong)."""
    code = ord(char)
    if code < 0x80:
        return 0
    if 0xE000 <= code <= 0xE765:
        return 3
    if lexicon.is_han(char):
        return 1 if lexicon.char_cost(char) >= 4.0 else 0
    if char in _COMMON_SYMBOLS or 0xFF00 <= code <= 0xFFEF:
        return 0
    data = _char_bytes(char)
    if data is None or not 0xA1 <= data[0] <= 0xA9:
        return 0
    # Greek, Cyrillic, pinyin and bopomofo letters (rows 6 to 8) also stand in
    # clean text (α粒子, a gloss, a name): they mark a place, but only the
    # other rows' symbols, kana and box drawing are a sign clean text lacks.
    return 2 if 0xA6 <= data[0] <= 0xA8 else 3


@functools.lru_cache(maxsize=65536)
def _joined(pair: str) -> bool:
    # Whether two characters form a word (either may be a Traditional form).
    return lexicon.word_count(_simple(pair[0]) + _simple(pair[1])) > 0


def _wordless(text: str) -> set[int]:
    """Characters inside stretches of Han text where no two neighbours form a word.

    Misread pairs are mostly ordinary characters (GB2312's first level holds
    half of all byte pairs), but a run of them holds no words: clean news
    text rarely goes four characters without one.
    """
    found: set[int] = set()
    start = -1
    previous = ""
    for index, char in enumerate(text):
        if not lexicon.is_han(char) and not (0xE000 <= ord(char) <= 0xE765):
            if start >= 0 and index - start >= _WORDLESS:
                found.update(range(start, index))
            start, previous = -1, ""
            continue
        if start < 0 or _joined(previous + char):
            if start >= 0 and index - start >= _WORDLESS:
                found.update(range(start, index))
            start = index
        previous = char
    if start >= 0 and len(text) - start >= _WORDLESS:
        found.update(range(start, len(text)))
    return found


def _suspects(text: str) -> list[tuple[int, int]]:
    marks = []
    wordless = _wordless(text)
    for index, char in enumerate(text):
        if char.isascii():
            if (
                0x40 <= ord(char) <= 0x7E
                and 0 < index < len(text) - 1
                and not (text[index - 1].isascii() and text[index + 1].isascii())
            ):
                # One or two ASCII letters between Chinese characters: a
                # trail byte read alone, or a folded full-width letter (the
                # middle of three, as in APP, is neither).
                left = text[index - 1]
                if left.isascii():
                    left = text[index - 2 : index - 1]
                right = text[index + 1]
                if right.isascii():
                    right = text[index + 2 : index + 3]
                if left and right and ord(left) >= 0x2E80 and ord(right) >= 0x2E80:
                    # A股, B超, X光: a capital that forms a word is real.
                    real = char.isupper() and (
                        lexicon.word_count(_simple(left) + char)
                        or lexicon.word_count(char + _simple(right))
                    )
                    marks.append((index, 1 if real else 3))
            continue
        if char == _LOST:
            marks.append((index, 3))  # a dangling lead shown as U+FFFD
            continue
        weight = max(_weight(char), index in wordless)
        if weight >= 2 and char.isalpha() and ord(char) < 0x3000:
            # A letter is only odd between Chinese characters, not inside
            # a gloss or a word of Latin, Greek or Cyrillic letters.
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                continue
            if not (lexicon.is_han(before) or lexicon.is_han(after)):
                continue  # a misread run lies inside Chinese text
        if weight:
            marks.append((index, weight))
    return marks


def _places(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Suspicious characters close together on one line, as places to try.

    A place needs a strong sign (private use, a stray symbol, U+FFFD, a
    line cut at its end) or two weaker ones; it says whether it has a
    strong one.
    """
    places: list[tuple[int, int, bool]] = []
    start = end = -1
    total = strongest = 0
    for index, weight in marks:
        if start >= 0 and index - end < _GAP and "\n" not in text[end:index]:
            end = index + 1
            total += weight
            strongest = max(strongest, weight)
            continue
        if start >= 0 and total >= 2:
            places.append((start, end, strongest >= 3))
        start, end, total, strongest = index, index + 1, weight, weight
    if start >= 0 and total >= 2:
        places.append((start, end, strongest >= 3))
    return places


@functools.lru_cache(maxsize=512)
def _sharing(byte: int) -> tuple[str, ...]:
    """Every character whose two bytes include ``byte`` as lead or as trail."""
    found: dict[str, None] = {}
    for lead in range(0x81, 0xFF):
        char = _pair(lead, byte)
        if char is not None:
            found[char] = None
    for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
        char = _pair(byte, trail)
        if char is not None:
            found[char] = None
    return tuple(found)


@functools.lru_cache(maxsize=512)
def _leading(byte: int) -> tuple[str, ...]:
    """Every character whose lead byte is ``byte``."""
    found = (_pair(byte, trail) for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)))
    return tuple(char for char in found if char is not None)


_DROPPED = 4.0  # what a reading pays for a pair the decoder must have dropped

_WORD_WEIGHT = 1.2
_GUESSABLE = 6.0  # char_cost below which a character may be guessed
_GUESS_WEIGHT = 0.5  # how far a fitting guess counts when choosing between readings


def _fit(char: str, before: str, after: str) -> float:
    """How well a candidate fits between its neighbours (higher is better).

    ``before`` and ``after`` are up to three characters of context; the best
    word (two to four characters, jieba) on each side of the candidate counts.
    """
    left = "".join(_simple(c) for c in before)
    right = "".join(_simple(c) for c in after)
    return _fit_simple(char, left, right, _between_han(before, after))


def _fittest(chars: list[str], before: str, after: str) -> list[str]:
    # The candidates that fit best alone, best first (the first of equals first).
    left = "".join(_simple(c) for c in before)
    right = "".join(_simple(c) for c in after)
    fits = _fits(tuple(chars), left, right, _between_han(before, after), _contexts(left, right))
    order = sorted(range(len(chars)), key=lambda index: -fits[index])
    return [chars[index] for index in order[:_PAIR_SHORTLIST]]


def _between_han(before: str, after: str) -> bool:
    near_before, near_after = before[-1:], after[:1]
    return (
        bool(near_before)
        and lexicon.is_han(near_before)
        and (not near_after or lexicon.is_han(near_after))
    )


def _fit_simple(char: str, left: str, right: str, between_han: bool) -> float:
    # _fit with the context already in Simplified characters.
    return _fits((char,), left, right, between_han, _contexts(left, right))[0]


_Context = tuple[str, str, bool, bool, int]


def _contexts(left: str, right: str) -> tuple[_Context, ...]:
    """The context pieces around a candidate, for words of two to four characters.

    Each is the text before and after the candidate, whether it takes
    context on the left and on the right, and the word's length; made once
    for all the candidates of one place.
    """
    return tuple(
        (left[len(left) - k :], right[:m], k > 0, m > 0, k + m + 1)
        for k, m in _SPANS
        if k <= len(left) and m <= len(right)
    )


def _fits(
    chars: tuple[str, ...], left: str, right: str, between_han: bool, contexts: tuple[_Context, ...]
) -> list[float]:
    """How well each candidate fits between ``left`` and ``right`` (see :func:`_fit`).

    Scored together, context by context: a place has a hundred-odd
    candidates and up to nine contexts, and all but a few of those words
    are not in the tables, so each context is one pass of lookups, and only
    the words found are weighed.
    """
    simples, costs, marks = _candidates(chars)
    scores = list(costs)
    best_left = [0.0] * len(chars)
    best_right = [0.0] * len(chars)
    worded: set[int] = set()
    for before, after, on_left, on_right, size in contexts:
        for index, found in _words_found(before, after, size, simples):
            length = len(before) + len(simples[index]) + len(after)
            bonus = 1.0 + length / 2 + math.log1p(found) * _WORD_WEIGHT
            if on_left and bonus > best_left[index]:
                best_left[index] = bonus
            if on_right and bonus > best_right[index]:
                best_right[index] = bonus
            worded.add(index)
    for index in worded.difference(marks):
        scores[index] = scores[index] + best_left[index] + best_right[index]
    for index in marks:
        scores[index] += _mark_fit(simples[index], left, right, between_han)
    return scores


@functools.lru_cache(maxsize=2048)
def _candidates(
    chars: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[float, ...], tuple[int, ...]]:
    """What scoring needs of a set of candidates, which recurs from place to place.

    Their Simplified forms, their costs (negated: the score before any word
    counts), and which of them are marks, placed by where they stand rather
    than by words.
    """
    simples = tuple(_simple(char) for char in chars)
    costs = tuple(-lexicon.char_cost(char) for char in chars)
    marks = tuple(
        index
        for index, (char, simple) in enumerate(zip(chars, simples, strict=True))
        if simple in _PUNCTUATION or simple in _ASCII_MARKS or char.isascii()
    )
    return simples, costs, marks


@functools.lru_cache(maxsize=8192)
def _words_found(
    before: str, after: str, size: int, simples: tuple[str, ...]
) -> tuple[tuple[int, int], ...]:
    """Which candidates make a word ``before + simple + after``, with its count.

    The readings tried at one place share most of their contexts (a run
    that starts one character later keeps the same last neighbours), so
    four in ten are asked again: kept, as the few words found.
    """
    found = _counts(before, after, size, simples)
    if not any(found):
        return ()
    return tuple(
        (index, found[index] or 0) for index in itertools.compress(range(len(found)), found)
    )


def _counts(before: str, after: str, size: int, simples: tuple[str, ...]) -> list[int | None]:
    """The count of each word ``before + simple + after`` of ``size`` characters, or None.

    Made and looked up in C loops, in the small table of the word's first
    character: one join and one split make every key, as neither the context
    (cut at line breaks) nor a candidate holds a line break; were one to,
    the keys are made one by one.
    """
    if not simples:
        return []  # (one join of nothing would still make one key)
    if not before:
        return list(map(dict.get, _groups(size, simples), itertools.repeat(after)))
    group = lexicon.rests(size, before[0])
    if not group:
        return [None] * len(simples)
    rest = before[1:]
    keys = (rest + (after + "\n" + rest).join(simples) + after).split("\n")
    if len(keys) != len(simples):
        keys = [rest + simple + after for simple in simples]
    return list(map(group.get, keys))


@functools.lru_cache(maxsize=2048)
def _groups(size: int, simples: tuple[str, ...]) -> list[dict[str, int]]:
    # The small tables of each candidate's words (they never change once made).
    return lexicon.rests_each(size, list(simples))


def _mark_fit(simple: str, left: str, right: str, between_han: bool) -> float:
    # A mark or ASCII character fits by where it stands, not by words.
    if between_han:
        bonus = _PUNCTUATION.get(simple, 0.0)
        if not right and simple in "。”":
            bonus += 2.0  # a line of news text ends with a full stop
        return bonus
    if not right and left[-1:] in _CLOSING and simple == "。":
        return _PUNCTUATION["。"] + 2.0  # 二是精准“查”。: a stop after the quote
    return 0.0


# Context taken on each side of a candidate for words of two to four characters.
_SPANS = tuple((k, m) for k in range(4) for m in range(4) if 2 <= k + m + 1 <= 4)


def _choose(candidates: tuple[str, ...], before: str, after: str, reading: str) -> str:
    """The candidate that clearly fits best, or U+FFFD when none clearly does."""
    return _ranked(candidates, before, after, reading)[0]


@functools.lru_cache(maxsize=4096)
def _ranked(candidates: tuple[str, ...], before: str, after: str, reading: str) -> tuple[str, str]:
    """What :func:`_choose` gives, and the candidate that fits best even if not clearly."""
    if reading:
        candidates = tuple(c for c in candidates if reading in lexicon.readings(c))
        if len(candidates) == 1:
            return candidates[0], candidates[0]
    left = "".join(_simple(c) for c in before)
    right = "".join(_simple(c) for c in after)
    between = _between_han(before, after)
    contexts = _contexts(left, right)
    # Rare characters (not in GB2312 in either script) are never guessed:
    # the fit of a common one decides, or the character is marked lost.
    guessable = _guessable(candidates)
    scored = sorted(
        zip(_fits(guessable, left, right, between, contexts), guessable, strict=True), reverse=True
    )
    if not scored:
        return _LOST, _LOST
    best_score, best = scored[0]
    rival = next((s for s, c in scored[1:] if _simple(c) != _simple(best)), -math.inf)
    # The winner must fit with a word or as punctuation, and beat the rest.
    if best_score < 0.0:
        return _LOST, _LOST
    if best_score - rival < 2.0:
        return _LOST, best
    return best, best


@functools.lru_cache(maxsize=2048)
def _guessable(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in candidates if lexicon.char_cost(c) < _GUESSABLE)


_PAIR_SHORTLIST = 8  # candidates of each side that are paired even without a word


@functools.lru_cache(maxsize=1024)
def _paired(
    openings: tuple[str, ...], endings: tuple[str, ...], before: str, after: str
) -> tuple[tuple[str, str], tuple[str, str]]:
    """The first and last characters of a run that proves neither, chosen together.

    Either alone has only one neighbour to fit; together they often form
    a word (一线, 位置), which neither could be chosen by alone. The pairs
    tried are those that form a word and those of the candidates that fit
    best alone (a full stop after 要求). Each character is clear when every
    pair with another one in its place fits worse by 2 (as in :func:`_ranked`);
    otherwise it is U+FFFD. Also gives the best pair, clear or not.
    """
    firsts = [c for c in openings if lexicon.char_cost(c) < _GUESSABLE]
    lasts = [c for c in endings if lexicon.char_cost(c) < _GUESSABLE]
    if not firsts or not lasts:
        return (_LOST, _LOST), (_LOST, _LOST)
    alone_first = _fittest(firsts, before, "")
    alone_last = _fittest(lasts, "", after)
    pairs = dict.fromkeys(itertools.product(alone_first, alone_last))
    by_simple: dict[str, list[str]] = {}
    for char in lasts:
        by_simple.setdefault(_simple(char), []).append(char)
    # The pairs that form a word, looked up in each first character's words.
    for char in firsts:
        words = lexicon.rests(2, _simple(char))
        for second, chars in by_simple.items():
            if second in words:
                pairs.update(dict.fromkeys((char, last) for last in chars))
    scored = []
    for first, last in pairs:
        fit_first = _fit(first, before, last + after)
        fit_last = _fit(last, before + first, after)
        scored.append((fit_first + fit_last, min(fit_first, fit_last), first, last))
    scored.sort(reverse=True)
    best, weakest, first, last = scored[0]
    # Both must fit with a word or as punctuation, as in _ranked.
    if weakest < 0.0:
        return (_LOST, _LOST), (_LOST, _LOST)
    rival_first = next((s for s, _, c, _ in scored if _simple(c) != _simple(first)), -math.inf)
    rival_last = next((s for s, _, _, c in scored if _simple(c) != _simple(last)), -math.inf)
    clear = (
        first if best - rival_first >= 2.0 else _LOST,
        last if best - rival_last >= 2.0 else _LOST,
    )
    return clear, (first, last)


@functools.lru_cache(maxsize=65536)
def _unit(char: str) -> float:
    # lexicon.char_cost, with a lost character priced as an ordinary unknown
    # one (marking a loss is not evidence against a repair) and ASCII marks
    # and letters priced as the full-width forms a misread run folds to.
    if char == _LOST:
        return 2.0
    if char in _PUNCTUATION or char == ",":
        # The marks of news text are a tenth of it: a reading should not
        # gain by taking one for a misread pair. (So is the comma: a pair is
        # read as ， only before a character led by 0xAC, none of them common.)
        return 0.5
    if char.isascii():
        return 0.5 if char.isdigit() or char.isspace() else 2.5
    if 0xFF10 <= ord(char) <= 0xFF5A and char.isalnum():
        return 6.0  # a full-width letter or digit amid Chinese text: a misread pair
    return lexicon.char_cost(char)


@functools.lru_cache(maxsize=131072)
def _link(first: str, second: str) -> float:
    # text_cost's bonus for two characters that form a word.
    if first.isascii() or second.isascii() or _LOST in (first, second):
        return 0.0
    count = lexicon.word_count(_simple(first) + _simple(second))
    return 2.0 + math.log1p(count) / 2 if count else 0.0


class _Costs:
    """Prefix sums of :func:`_unit` and :func:`_link` over a sequence of characters.

    The cost of a stretch is the sum of its characters' costs less the
    bonuses of the neighbours that form words, so any stretch of a sequence
    costs O(1) once these sums are made.
    """

    def __init__(self, chars: list[str]) -> None:
        self.chars = chars
        self.units = [0.0]
        self.links = [0.0]
        for index, char in enumerate(chars):
            self.units.append(self.units[-1] + _unit(char))
            following = chars[index + 1] if index + 1 < len(chars) else ""
            self.links.append(self.links[-1] + (_link(char, following) if following else 0.0))

    def span(self, start: int, end: int) -> float:
        """The cost of ``chars[start:end]``."""
        if end <= start:
            return 0.0
        return self.units[end] - self.units[start] - (self.links[end - 1] - self.links[start])


def _cost(text: str) -> float:
    return _Costs(list(text)).span(0, len(text))


def _gloss_at(text: str, index: int) -> str:
    match = _SYLLABLE.match(text, index)
    return match.group(1) if match else ""


def _fold_all(text: str) -> str:
    # The crawl folded full-width forms to ASCII; repaired text does the same.
    return "".join(_fold(char) for char in text)


def _starts(text: str, place: tuple[int, int, bool], floor: int) -> list[int]:
    # The run starts a little before its first suspicious character (a
    # misread pair can be an ordinary one), or a little after it (a real rare
    # character can stand just before the run).
    starts = []
    limit = max(floor, place[0] - _LEAD_BACK)
    index = place[0]
    if text[index] == _LOST:
        # A dangling lead shown as U+FFFD ends a run: the run is before it.
        index -= 1
    while index >= limit and _char_bytes(text[index]) is not None:
        if text[index].isascii() and index and text[index - 1].isascii():
            break  # ASCII text of its own: a run never holds two in a row
        starts.append(index)
        index -= 1
    for index in range(place[0] + 1, min(place[0] + 2 * _LEAD_BACK, place[1])):
        if _char_bytes(text[index]) is None:
            break
        starts.append(index)
    return starts


def _ends(text: str, place_end: int) -> list[tuple[int, int | None]]:
    """Where the run may end, each with the ASCII trail byte it takes, if any.

    A misread run ends where a byte below 0x80 put the decoder back in step:
    before an ASCII character (the lone byte before it dropped, or shown as
    U+FFFD and taken into the run), or after an ASCII character in 0x40-0x7E
    that was the trail byte of the run's last character. A decoder that drops
    pairs it cannot read may come back in step anywhere, so every place just
    after the suspicious characters is tried too.
    """
    ends: list[tuple[int, int | None]] = []
    found = 0
    index = place_end
    while index < len(text) and index - place_end < _MAX_RUN and found < _ENDS:
        char = text[index]
        if char == _LOST:
            ends.append((index, None))
            ends.append((index + 1, None))
            return ends
        if _gloss_at(text, index) or _char_bytes(char) is None:
            ends.append((index, None))  # a gloss follows a character: a run stops
            return ends
        if char.isascii():
            found += 1
            ends.append((index, None))
            # A letter that starts a word of its own (APP, GDP) is no trail byte.
            if 0x40 <= ord(char) <= 0x7E and not _ASCII_WORD.match(text, index):
                ends.append((index + 1, ord(char)))
            if index + 1 < len(text) and text[index + 1].isascii():
                return ends  # ASCII text of its own: a run never holds two in a row
        elif index - place_end < _LEAD_BACK and ord(char) >= 0x2E80:
            ends.append((index, None))
        index += 1
    if index == len(text):
        ends.append((index, None))
    return ends


class _Stretch:
    """The text around one place, read in step once for every start and end.

    Every start reads the bytes in the same step, so ``aligned[k]`` (the
    character made of the second byte of ``text[first + k]`` and the first
    byte of the character after it) serves them all, and :class:`_Costs`
    price any reading in O(1).
    """

    def __init__(self, text: str, first: int, low: int, high: int) -> None:
        self.text = text
        self.first = first
        self.low = low
        self.high = high
        pairs: list[bytes] = []
        for index in range(first, high):
            pair = _char_bytes(text[index])
            if pair is None or (index > first and text[index - 1 : index + 1].isascii()):
                break  # ASCII text of its own: a run never holds two in a row
            pairs.append(pair)
        self.pairs = pairs
        aligned = []
        for here, there in itertools.pairwise(pairs):
            found = _pair(here[1], there[0]) if here[1] >= 0x81 else None
            # Read in step, a run is text again: no kana, box drawing or
            # pinyin letters, which only misread pairs give.
            aligned.append(_LOST if found is None or _weight(found) >= 2 else found)
        self.aligned = aligned
        self.bad = [0]
        for read in aligned:
            self.bad.append(self.bad[-1] + (read == _LOST))
        self.shown = _Costs(list(text[low:high]))
        self.fixed = _Costs(aligned)
        # A line cut at its end (see _cut_at_end) lost a mark there that the
        # text does not show: priced as U+FFFD would be, until a run reads it.
        self.unseen = _unit(_LOST) if high == len(text) and _cut_at_end(text) else 0.0

    def read(self, start: int, end: int, tail: int | None, strong: bool) -> _Candidate | None:
        """The run ``text[start:end]`` read in step, priced; None when it cannot be one."""
        text, first = self.text, self.first
        run_end = end - 1 if tail is not None or text[end - 1] == _LOST else end
        if tail is not None and run_end > start and text[run_end - 1].isascii():
            return None  # ASCII text of its own: a run never holds two in a row
        if run_end - start < 1 or run_end - first > len(self.pairs):
            return None
        inner = (start - first, run_end - first - 1)  # aligned[inner[0]:inner[1]]
        # One misread pair before an ASCII trail byte proves no character
        # inside the run, but its last one: 商貿 misread is 少Q.
        # Before U+FFFD, a single misread pair proves nothing: its first byte
        # and the dangling lead are both guesses, made together (_paired).
        bare = inner[1] == inner[0] and tail is None
        lead = self.pairs[run_end - first - 1][1]
        if bare and not _bare_run(text, start, end, lead):
            return None
        if self.bad[inner[1]] - self.bad[inner[0]]:
            return None
        reading = ""
        if tail is not None:
            ending = _pair(lead, tail) if lead >= 0x81 else None
            if ending is None:
                return None
            sure = likely_ending = ending
        else:
            if lead < 0x81:
                return None
            reading = _gloss_at(text, end)
            after = "" if reading else text[end : end + 3]
            known = "".join(self.aligned[max(inner[1] - 3, inner[0]) : inner[1]])
            ending, likely_ending = _ranked(_leading(lead), known, after.split("\n")[0], reading)
            # A gloss after the run names its last character: a strong sign.
            sure = ending if reading and ending != _LOST else _LOST
            strong = strong or sure != _LOST
        # One proven character between two guesses proves little, unless the
        # run held a private-use code point, which text never has: such a
        # run is only read again beside a strong sign, on clear guesses.
        thin = inner[1] - inner[0] + (sure != _LOST) < 2 and not _PRIVATE.search(text, start, end)
        if thin and not strong:
            return None
        # Without a strong sign, rare characters alone must not be traded for
        # lost ones: the bytes must prove a few characters, and a word.
        fixed = self.fixed
        if not strong and (
            inner[1] - inner[0] < _PROVEN_WEAK or fixed.links[inner[1] - 1] == fixed.links[inner[0]]
        ):
            return None
        following = "".join(self.aligned[inner[0] : min(inner[0] + 3, inner[1])])
        preceding = text[max(start - 3, 0) : start].split("\n")[-1]
        if bare and not reading:
            (opening, ending), (likely_opening, likely_ending) = _paired(
                _sharing(self.pairs[inner[0]][0]),
                _leading(lead),
                preceding,
                text[end : end + 3].split("\n")[0],
            )
            if lead != _MARKS_ROW and not _link(opening, ending):
                return None  # not a word nor a mark: one clean character may be all
        else:
            opening, likely_opening = _ranked(
                _sharing(self.pairs[inner[0]][0]),
                preceding,
                following if following or sure == _LOST else sure,
                "",
            )
        low, high = self.low, self.high
        prefix = self.shown.span(0, start - low)
        suffix = self.shown.span(end - low, high - low) + (self.unseen if end < high else 0.0)
        middle = fixed.span(*inner)
        empty = inner[1] == inner[0]
        head = "" if empty else self.aligned[inner[0]]
        last = "" if empty else self.aligned[inner[1] - 1]
        left = text[start - 1] if start > low else ""
        right = text[end] if end < high else ""

        # A run that stops before a Chinese character says the decoder
        # dropped a pair there, which only some decoders do, and seldom: a
        # GB18030 decoder comes back in step only at an ASCII byte, and one
        # below 0x40 (a letter would have been the dangling lead's trail).
        stops = tail is None and text[end - 1] != _LOST and right
        dropped = _DROPPED if stops and (not right.isascii() or ord(right) >= 0x40) else 0.0

        def total(opening: str, ending: str) -> float:
            cost = prefix + middle + suffix + _unit(opening) + _unit(ending) + dropped
            cost -= _link(left, opening) if left else 0.0
            if empty:
                cost -= _link(opening, ending)
            else:
                cost -= _link(opening, head) + _link(last, ending)
            return cost - (_link(ending, right) if right else 0.0)

        # The guessed characters were chosen to fit: only what the bytes prove
        # counts towards the margin, and guesses count half between readings.
        # A character marked lost is priced as the misread one it stands
        # for, so that trading a rare character for a lost one gains nothing.
        # (Private use and stray symbols are never text: those may go.)
        # (In a bare run the one misread pair stands for both.)
        lone = run_end - 1 == start
        proven = total(_LOST, sure) + _standing(text[start])
        if sure == _LOST and not lone:
            proven += _standing(text[run_end - 1])
        # Between readings, a guess too close to call still counts by the
        # candidate that fits best: a run that starts where the loss was
        # should not lose to one that keeps a misread pair because its own
        # first character could be told.
        likely = total(likely_opening, likely_ending)
        rank = total(_LOST, sure) + _GUESS_WEIGHT * (likely - total(_LOST, sure))
        after = opening + "".join(self.aligned[inner[0] : inner[1]]) + ending
        guessed = total(opening, ending)
        if opening == _LOST:
            guessed += _standing(text[start])
        if ending == _LOST and sure == _LOST and not (lone and opening == _LOST):
            guessed += _standing(text[run_end - 1])
        told = sure != _LOST and inner[1] == inner[0]
        return _Candidate(
            rank, proven, start, end, after, opening + ending, strong, guessed, thin, told
        )


_MARKS_ROW = 0xA1  # the lead byte of 、。“”
# ASCII a GB18030 decoder drops a dangling lead before: below 0x40 but digits,
# which may start the second half of a four-byte sequence.
_RESYNC = frozenset("\t\n\r !\"#$%&'()*+,-./:;<=>?")


def _bare_run(text: str, start: int, end: int, lead: int) -> bool:
    """Whether ``text[start]`` may be a run of one misread pair, its dangling lead after it.

    A private-use code point is never text: where the decoder dropped the
    dangling lead (before an ASCII mark, or at the line's end), it is the
    whole run (會上, shows \\ue490,). Otherwise the lead shows as U+FFFD, which
    after a character is as often the lost character itself, the one before
    it clean (午 with its trail lost: 上午 shows 上\\ufffd). The pair is taken
    for misread when its second byte leads a mark (作用。 shows 作谩\\ufffd: a
    clean character seldom has the trail byte 0xA1), or when it is uncommon
    (GB2312's second level or rarer) and forms no word with the character
    before it.
    """
    if end == start + 1 and _PRIVATE.match(text, start):
        return end == len(text) or text[end] in _RESYNC
    if end == len(text) and lead == _MARKS_ROW and _cut_at_end(text):
        return True
    if text[end - 1] != _LOST:
        return False
    if lead == _MARKS_ROW:
        return True
    char = text[start]
    uncommon = bool(_LEVEL_TWO.match(char)) or _weight(char) > 0
    return uncommon and start > 0 and not _link(text[start - 1], char)


def _standing(shown: str) -> float:
    # What a lost mark costs above U+FFFD's price when it replaces ``shown``.
    if _weight(shown) >= 2:
        return 0.0
    return max(_unit(shown) - _unit(_LOST), 0.0)


class _Candidate(NamedTuple):
    rank: float  # lower is better, guesses counted half
    proven: float  # the cost with every guess marked lost
    start: int
    end: int
    after: str  # the run read again, not yet folded
    guessed: str  # the first and last characters, guessed or U+FFFD
    strong: bool  # whether a strong sign backs the run
    guessed_cost: float  # the cost with the guesses as chosen
    thin: bool  # whether the bytes prove fewer than two characters
    told: bool  # whether the bytes prove the last character and nothing before it


def _kept(before: float, candidate: _Candidate, early: bool, in_word: bool = False) -> bool:
    """Whether a reading makes the stretch (costing ``before``) clearly more plausible.

    ``early`` says the run starts before the place's first suspicious
    character; ``in_word`` that the run ends at a letter standing inside a
    word (日Z報), which clean text with a letter put in may show.
    """
    gain = before - candidate.proven
    if not candidate.thin and gain >= (STRONG_MARGIN if candidate.strong else MARGIN):
        return True
    thin_gain = _THIN_GAIN_EARLY if early else _THIN_GAIN
    if candidate.thin and candidate.strong and not in_word and gain >= thin_gain:
        return True
    # What the bytes prove is not enough; the guesses may tip it when both
    # were clear, the run starts at the suspicious characters, and the bytes
    # do not speak against it.
    if early or _LOST in candidate.guessed:
        return False
    if candidate.strong:
        floor, margin = _GUESSED_FLOOR, _GUESSED_MARGIN
        if candidate.told:
            margin = _GUESSED_MARGIN_TOLD
    else:
        floor, margin = _GUESSED_FLOOR_WEAK, _GUESSED_MARGIN_WEAK
    return gain >= floor and before - candidate.guessed_cost >= margin


def _repair(text: str, place: tuple[int, int, bool], floor: int) -> Change | None:
    starts = _starts(text, place, floor)
    last = place[1]
    while last > place[0] + 1 and text[last - 1].isascii():
        last -= 1  # an ASCII letter at the end may be the run's last trail byte
    # Inside the place, the run may end anywhere: at an ASCII character (a
    # trail byte, or where the decoder came back in step), or at a pair a
    # decoder dropped. After it, where _ends says.
    ends: list[tuple[int, int | None]] = []
    # A place that opens with a lone letter may hold only its trail byte.
    # (Like U+FFFD, it then has the run's last misread pair just before it.)
    trailing = 0x40 <= ord(text[place[0]]) <= 0x7E and not _splits_word(text, place[0])
    if trailing:
        ends.append((place[0] + 1, ord(text[place[0]])))
    for index in range(place[0] + 1, last):
        ends.append((index, None))
        if 0x40 <= ord(text[index]) <= 0x7E and not _ASCII_WORD.match(text, index):
            ends.append((index + 1, ord(text[index])))
    ends += _ends(text, last)
    if not starts or not ends:
        return None
    low = max(min(starts) - 1, 0)
    high = min(max(end for end, _ in ends) + 1, len(text))
    stretch = _Stretch(text, min(starts), low, high)
    before = stretch.shown.span(0, high - low) + stretch.unseen
    best: _Candidate | None = None
    # A place that opens with U+FFFD (a dangling lead) has the run's last
    # misread pair just before it: a run starting there is not early.
    first = place[0] - (text[place[0]] == _LOST or trailing)
    alone = _alone_cost(text, place[0], before, low, high) if trailing else 0.0
    for start in starts:
        for end, tail in ends:
            if end <= start:
                continue
            candidate = stretch.read(start, end, tail, place[2])
            if candidate is None:
                continue
            in_word = tail is not None and _splits_word(text, end - 1)
            if not _kept(before, candidate, start < first, in_word):
                continue
            if (
                trailing
                and (start, end) == (first, place[0] + 1)
                and candidate.guessed_cost >= alone
            ):
                continue  # the letter reads better as a lone trail byte after clean text
            if best is None or candidate.rank < best.rank:
                best = candidate
    if best is None:
        return None
    after = _fold_all(best.after)
    return Change(
        best.start,
        best.end,
        after,
        lost=best.guessed.count(_LOST),
        reason=f"GBK read out of step after a lost byte; in step this reads {after}",
    )


def _splits_word(text: str, index: int) -> bool:
    # Whether the characters on either side of text[index] form a word: a
    # letter inside a word (日Z報) was put there, and the character before it
    # is no misread pair.
    return 0 < index < len(text) - 1 and bool(_link(text[index - 1], text[index + 1]))


def _alone_cost(text: str, index: int, shown: float, low: int, high: int) -> float:
    """The cost of ``text[low:high]`` (``shown`` as it stands) with one character put back.

    The letter at ``index`` is read as the trail byte of the character that
    fits best, its lead lost, and the text before it as clean (see
    :func:`_lone_trails`).
    """
    wide_before = text[max(index - 3, 0) : index].split("\n")[-1]
    wide_after = text[index + 1 : index + 4].split("\n")[0]
    char = _ranked(_trailing(ord(text[index])), wide_before, wide_after, "")[1]
    if char == _LOST:
        return shown
    left = _link(text[index - 1], char) if index > low else 0.0
    right = _link(char, text[index + 1]) if index + 1 < high else 0.0
    return shown - _unit(text[index]) + _unit(char) - left - right


_TRAIL_ALONE = re.compile(rf"[\x40-\x7e](?<=[{lexicon.HAN}].)(?=[{lexicon.HAN}])")


@functools.lru_cache(maxsize=256)
def _trailing(byte: int) -> tuple[str, ...]:
    """Every Han character whose trail byte is ``byte``."""
    found = (_pair(lead, byte) for lead in range(0x81, 0xFF))
    return tuple(char for char in found if char is not None and lexicon.is_han(char))


def _lone_trails(text: str, taken: list[Change]) -> list[Change]:
    # A lost lead byte whose trail is in 0x40-0x7E leaves one ASCII character
    # and the stream in step at once: ``廣大h員`` for ``廣大黨員``. Only a
    # character that clearly forms words with both neighbours is put back.
    changes = []
    spans = [(change.start, change.end) for change in taken]
    for match in _TRAIL_ALONE.finditer(text):
        index = match.start()
        if any(start <= index < end for start, end in spans):
            continue
        before, letter, after = text[index - 1], text[index], text[index + 1]
        if lexicon.word_count(letter + _simple(after)) or lexicon.word_count(
            _simple(before) + letter
        ):
            continue  # A股, B超, X光: a Latin letter that belongs
        wide_before = text[max(index - 3, 0) : index].split("\n")[-1]
        wide_after = text[index + 1 : index + 4].split("\n")[0]
        char = _choose(_trailing(ord(letter)), wide_before, wide_after, "")
        if char == _LOST or _fit(char, wide_before, wide_after) < 4.0:
            continue
        window = text[max(index - 2, 0) : index + 3]
        repaired = text[max(index - 2, 0) : index] + char + text[index + 1 : index + 3]
        if _cost(window) - _cost(repaired) < MARGIN:
            continue
        changes.append(
            Change(
                index,
                index + 1,
                char,
                reason=f"lead byte lost; {letter} is the trail byte of {char}",
            )
        )
    return changes


# What _signed_lines looks for besides rare Han characters: a character
# outside ASCII, Latin letters, CJK punctuation, Han and full-width forms,
# other than the marks news text uses; an accented Latin letter (a pinyin
# letter is a misread pair of row 8) next to a Han character; or one or two ASCII letters
# after a Han character before anything but a letter or digit. A gloss's
# tone-marked letters stand between ASCII letters, and are not a sign.
_FIRST_LOOK = (
    re.compile(
        "[^\x00-\x7f\u00a0-\u024f\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
        f"‘’“”{re.escape(''.join(sorted(_COMMON_SYMBOLS)))}]"
    ),
    re.compile(f"[\u00c0-\u024f](?:(?<=[{lexicon.HAN}].)|(?=[{lexicon.HAN}]))"),
    re.compile(f"[A-Za-z](?<=[{lexicon.HAN}].)[A-Za-z]?(?![A-Za-z0-9])"),
)
# GB2312's second level: a third of the pairs a misread run is made of, and
# seldom in clean text, where one mostly stands in a word with a neighbour.
_LEVEL_TWO = re.compile(
    "["
    + "".join(
        sorted(
            bytes((lead, trail)).decode("gb2312", "ignore")
            for lead in range(0xD8, 0xF8)
            for trail in range(0xA1, 0xFF)
        )
    )
    + "]"
)
# Three searches, not one alternation: a pattern whose every branch starts
# with one character class lets the engine skip in C to where a match can
# begin; an alternation of different classes is tried at every character.


def _signed_lines(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The lines that show a sign of a misread run, in order, with where the signs are.

    The cheap first look: a compiled search for characters news text seldom
    holds (private use, U+FFFD, kana, box drawing, Greek and Cyrillic
    letters, rare symbols), Latin letters between Chinese characters or
    alone after one (``意識`` misread ends ``庾R``: 0x52 is the trail byte of
    識), and rare Han characters. Lines without any are never scanned
    character by character. Each line comes as its span and the offsets of
    its signs within it, each with how far around it a run is looked for.

    Where the decoder dropped what it could not read, a run may hold none of
    these: a character of GB2312's second level amid four Han characters
    without a word, which read one byte later hold one, is the sign then, and
    only its own stretch is scanned.
    """
    found = dict.fromkeys(
        (match.start() for pattern in _FIRST_LOOK for match in pattern.finditer(text)), _WINDOW
    )
    if lexicon.has_rare_han(text):
        found.update(dict.fromkeys(map(re.Match.start, lexicon.rare_han().finditer(text)), _WINDOW))
    for match in _LINE_END_HAN.finditer(text):
        index = match.start()
        if index not in found and _cut_at_end(text[max(index - _SENTENCE, 0) : index + 1]):
            found[index] = _WINDOW
    for match in _LEVEL_TWO.finditer(text):
        index = match.start()
        if index not in found and _in_wordless(text, index) and _worded_in_step(text, index):
            found[index] = _NEAR
    lines: list[tuple[int, int, list[tuple[int, int]]]] = []
    for index in sorted(found):
        if lines and index < lines[-1][1]:
            lines[-1][2].append((index - lines[-1][0], found[index]))
            continue
        start = text.rfind("\n", 0, index) + 1
        end = text.find("\n", index)
        lines.append((start, len(text) if end < 0 else end, [(index - start, found[index])]))
    return lines


_LINE_END_HAN = re.compile(f"[{lexicon.HAN}](?=\n|\\Z)")
_SENTENCE = 8  # characters at the end of a line that must read as one sentence
_NOT_SENTENCE = re.compile("[\\s:：]")


def _cut_at_end(line: str) -> bool:
    """Whether a line ends in a misread pair whose second byte led a lost mark.

    A decoder that drops what it cannot read leaves no U+FFFD where the mark
    ending a line (。”、, lead byte 0xA1) lost its trail byte: the line ends in
    a Han character whose trail byte is 0xA1, which forms no word with the one
    before it. Only a sentence's end counts: the line's last
    :data:`_SENTENCE` characters hold no break, space or colon, where a
    byline ends in a name (作者:丁佟, 记者 李佟; 佟 and 丁 have that trail
    byte too).
    """
    tail = line[-_SENTENCE:]
    if len(tail) < _SENTENCE or _NOT_SENTENCE.search(tail):
        return False
    if not lexicon.is_han(line[-1]) and _weight(line[-1]) < 2:
        return False  # (kana, Greek and Cyrillic letters are misread pairs too)
    data = _char_bytes(line[-1])
    if data is None or data[1] != _MARKS_ROW or _link(line[-2], line[-1]):
        return False
    # Names and titles end lines without a stop too (副市长丁佟): a Han
    # character there must also hold a word with those before it when they
    # are read one byte later. (A kana is never text: it needs no more.)
    return not lexicon.is_han(line[-1]) or _worded_in_step(line, len(line) - 1)


def _in_wordless(text: str, index: int) -> bool:
    # Whether text[index] stands in four Han characters in a row with no
    # word among them: one fewer than _WORDLESS, as a run's first or last
    # misread pair may form a word with the text beside it by chance.
    low = index
    while low > 0 and index - low < _WORDLESS and _han_pair(text, low - 1):
        low -= 1
    high = index + 1
    while high < len(text) and high - low < _WORDLESS and _han_pair(text, high - 1):
        high += 1
    return high - low >= _WORDLESS - 1


def _worded_in_step(text: str, index: int) -> bool:
    # Whether the characters around text[index], read one byte later, hold
    # a word: a misread run does, clean text read out of step seldom does.
    reading = ""
    for here, there in itertools.pairwise(text[max(index - 3, 0) : index + 4]):
        first, second = _char_bytes(here), _char_bytes(there)
        char = _pair(first[1], second[0]) if first and second and first[1] >= 0x81 else None
        if char is None or not lexicon.is_han(char):
            reading = ""
            continue
        if reading and _joined(reading + char):
            return True
        reading = char
    return False


def _han_pair(text: str, index: int) -> bool:
    # Whether text[index] and the next are Han characters that form no word.
    pair = text[index : index + 2]
    return lexicon.is_han(pair[0]) and lexicon.is_han(pair[1]) and not _joined(pair)


_WINDOW = 48  # characters on each side of a sign that are scanned for a run
_NEAR = 16  # the same for a sign that only a wordless stretch gives


def _windows(size: int, signs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # The stretches of a line around its signs, merged where they touch:
    # a paragraph of a thousand characters with one sign is scanned for a
    # hundred. (Where a run starts and ends is still read off the whole line.)
    spans: list[tuple[int, int]] = []
    for low, high in sorted(
        (max(sign - reach, 0), min(sign + reach, size)) for sign, reach in signs
    ):
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], high))
        else:
            spans.append((low, high))
    return spans


def _find_in_line(line: str, signs: list[tuple[int, int]]) -> list[Change]:
    marks = [
        (index + low, weight)
        for low, high in _windows(len(line), signs)
        for index, weight in _suspects(line[low:high])
    ]
    if _cut_at_end(line):
        # A sign no clean text is likely to have (see _cut_at_end), and
        # the run's end: strong.
        if marks and marks[-1][0] == len(line) - 1:
            marks.pop()
        marks.append((len(line) - 1, 3))
    changes: list[Change] = []
    floor = 0
    for place in _places(line, marks):
        if place[0] < floor:
            continue
        change = _repair(line, place, floor)
        if change is not None:
            changes.append(change)
            floor = change.end
    return changes


def find(text: str, options: Options) -> list[Change]:
    """Misaligned runs to decode again in step.

    Example:
        >>> [(c.after, c.lost) for c in find("暫;钋菰讱⒔灰椎纫咔榉雷o(hù)措施", Options())]
        [('停活禽宰殺交易等疫情防護', 0)]
        >>> seed = "實處?捣逡\\ue026螅\\ue0ed\\ue01b訌(qiáng)"
        >>> [(c.after, c.lost) for c in find(seed, Options())]
        [('\\ufffd康峰要求,要加強', 1)]
    """
    lines = _signed_lines(text)
    if not lines:
        return []
    changes: list[Change] = []
    for start, end, signs in lines:
        changes.extend(
            Change(c.start + start, c.end + start, c.after, c.lost, c.reason)
            for c in _find_in_line(text[start:end], signs)
        )
    changes.extend(_lone_trails(text, changes))
    return sorted(changes, key=lambda change: change.start)
