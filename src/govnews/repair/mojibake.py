"""UTF-8 bytes read as GBK (GB18030), once or more.

A page written in UTF-8 but decoded as GBK turns every three-byte Chinese
character into one and a half characters, mostly rare ones and private-use
code points: seed 000's footer ``娑擃厼娴楁禍杞扮箽`` is ``中国人保`` read
that way twice. ASCII survives every round unchanged, so each stretch of
non-ASCII text between ASCII characters is undone on its own: encode it to
GB18030 and decode the bytes as UTF-8.

Clean Chinese text almost never re-encodes to valid UTF-8, and that check
runs at C speed, so clean text costs one failed decode per stretch. A
stretch is rewritten only when the bytes are valid UTF-8 and the result is
clearly more plausible (:data:`GAIN` per character, by
:func:`lexicon.text_cost`). Up to :data:`ROUNDS` rounds are undone; a middle
round reads as mojibake itself, so only the last one's text is judged, and
the number of rounds whose text reads best is kept.

Two bytes can go missing on the way, and both leave a U+FFFD. A lone 0x80
(a UTF-8 continuation byte GB18030 cannot start a character with) becomes
U+FFFD and is put back. A stretch of odd length loses its last byte at the
ASCII character after it: the last character has two of its three bytes,
and is chosen by fit with its neighbours among the 64 candidates, or marked
lost; when a further round follows, every candidate is carried to it (the
right one is the one whose next round reads as text).
"""

from __future__ import annotations

import functools
import math
import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["GAIN", "ROUNDS", "find", "undo"]

ROUNDS = 3
"""The most rounds of UTF-8-read-as-GBK undone in one stretch."""

GAIN = 1.5
"""How much cheaper per character a stretch must become to be rewritten.

Mojibake characters are rare or private-use (cost 4 to 20 each); the text
they hide is common characters (1 to 2). Text that happens to re-encode to
valid UTF-8 decodes to other scripts or rare characters and gains nothing.
"""

_LOST = "\ufffd"
_MIDDLE = "\x00"  # marks a reading only a further round may finish
_STRETCH = re.compile(r"[^\x00-\x7f]{2,}")
# Anything in a stretch but common Han characters, CJK punctuation, full-width
# forms and the marks news text uses: with the rare Han characters, what
# UTF-8 read as GBK leaves in all but a few short stretches.
_ODD = re.compile(
    "[^\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef‘’“”…—–·\u00d7÷±°§№℃‰\u00a0]"
)


@functools.lru_cache(maxsize=65536)
def _bytes(char: str) -> bytes | None:
    if char == _LOST:
        return b"\x80"  # the one byte GB18030 cannot start a character with
    try:
        data = char.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


def _average(text: str) -> float:
    return lexicon.text_cost(text) / max(len(text), 1)


def _readable(text: str) -> bool:
    # What UTF-8 mojibake hides is Chinese text: Han, CJK punctuation,
    # full-width forms, ASCII; not private use, controls or other scripts.
    for char in text:
        code = ord(char)
        if code < 0x80:
            if code < 0x20 and char not in "\t":
                return False
            continue
        if lexicon.is_han(char) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
            continue
        if char in "‘’“”…—·\u00d7÷±°№§※☆★○●◎◇◆□■△▲→←↑↓" or char == _LOST:
            continue
        return False
    return True


def _last_char(head: bytes, before: str, after: str) -> str:
    """The character whose first bytes are ``head``, chosen by fit, or U+FFFD."""
    scored = []
    for trail in range(0x80, 0xC0):
        try:
            char = (head + bytes((trail,))).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not lexicon.is_han(char):
            continue
        simple = lexicon.to_simplified(char)
        score = -lexicon.char_cost(char)
        for word in (lexicon.to_simplified(before) + simple, simple + lexicon.to_simplified(after)):
            count = lexicon.word_count(word) if len(word) == 2 else 0
            score += 2.0 + math.log1p(count) if count else 0.0
        scored.append((score, char))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 0.0:
        return _LOST
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 3.0:
        return _LOST
    return scored[0][1]


def _stretch_bytes(stretch: str) -> bytearray | None:
    # The GB18030 bytes of a stretch, two per character, or None when a
    # character is not one pair. Encoded in one call: this runs on every
    # stretch of a page with a rare character, clean ones included.
    if _LOST not in stretch:
        try:
            data = stretch.encode("gb18030")
        except UnicodeEncodeError:
            return None
        return bytearray(data) if len(data) == 2 * len(stretch) else None
    found = bytearray()
    for char in stretch:
        pair = _bytes(char)
        if pair is None:
            return None
        found += pair
    return found


def _one_round(stretch: str, after: str) -> list[str]:
    """The stretch with one round undone: none when its bytes are not UTF-8.

    A byte lost inside the stretch (a 0x80 a decoder dropped) breaks one
    character, which is marked lost; UTF-8 is back in step at the next one.
    When the last character is one byte short (that byte paired with the
    ASCII character after the stretch and was dropped or shown as U+FFFD),
    there is one reading per way to complete it: the character that fits
    best as text, U+FFFD, and each completion (a character read as mojibake
    again in an earlier round needs the right one for that round to undo).
    """
    tail_lost = stretch.endswith(_LOST)
    data = _stretch_bytes(stretch[:-1] if tail_lost else stretch)
    if data is None:
        return []
    head = b""
    for size in (1, 2):
        if len(data) >= size and data[-size] >= 0xC0:
            lead = data[-size]
            needed = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            if needed == size + 1:
                head = bytes(data[-size:])
                del data[-size:]
            break
    decoded = data.decode("utf-8", "replace")
    broken = decoded.count(_LOST) - stretch.count(_LOST) + tail_lost
    if broken > 0 and broken * 6 > len(decoded):
        return []  # not UTF-8 with a byte or two lost: UTF-8 it is not
    if len(head) == 2:
        fitting = _last_char(head, decoded[-1:], after)
        completions = []
        for trail in range(0x80, 0xC0):
            try:
                completions.append((head + bytes((trail,))).decode("utf-8"))
            except UnicodeDecodeError:
                continue
        # Only the fitting reading and U+FFFD may end the undoing: the other
        # completions are for a further round to judge.
        return [decoded + fitting, decoded + _LOST] + [
            _MIDDLE + decoded + char for char in completions if char != fitting
        ]
    if head or tail_lost:
        decoded += _LOST
    return [decoded]


_BEAM = 80  # readings kept per round when lost bytes leave several


def undo(stretch: str, after: str = "") -> tuple[str, int]:
    """A stretch of non-ASCII text with its rounds of mojibake undone, and how many.

    Example:
        >>> undo("娑擃厼娴楁禍杞扮箽")
        ('中国人保', 2)
    """
    # A middle round reads as mojibake itself, so only the last round's text
    # is judged: it must be Chinese text and clearly cheaper than the input.
    best: tuple[float, int, str] | None = None  # priced once a round reads at all
    level = [stretch]
    for rounds in range(1, ROUNDS + 1):
        found: list[tuple[float, str]] = []
        for current in level:
            for reading in _one_round(current, after):
                candidate = reading.removeprefix(_MIDDLE)
                known = candidate.replace(_LOST, "")
                if known:
                    lost = candidate.count(_LOST) / len(candidate)
                    found.append((_average(known) + 2.0 * lost, reading))
        if not found:
            break
        if best is None:
            best = (_average(stretch.replace(_LOST, "")) - GAIN, 0, stretch)
        found.sort()
        level = [reading.removeprefix(_MIDDLE) for _, reading in found[:_BEAM]]
        for cost, reading in found:
            if cost < best[0] and not reading.startswith(_MIDDLE) and _readable(reading):
                best = (cost, rounds, reading)
                break
    return (stretch, 0) if best is None else (best[2], best[1])


def find(text: str, options: Options) -> list[Change]:
    """Runs of UTF-8-read-as-GBK mojibake to undo.

    Example:
        >>> [c.after for c in find("版权所有:娑擃厼娴楁禍杞扮箽", Options())]
        ['中国人保']
    """
    if not lexicon.has_rare_han(text):
        return []  # clean text: no character such mojibake would leave
    changes = []
    rare = lexicon.rare_han()
    for match in _STRETCH.finditer(text):
        stretch = match.group()
        if not rare.search(stretch) and not _ODD.search(stretch):
            continue  # common characters and marks only: text, not mojibake
        after = text[match.end()] if match.end() < len(text) else ""
        repaired, rounds = undo(stretch, after)
        if not rounds:
            continue
        lost = repaired.count(_LOST) - stretch.count(_LOST)
        changes.append(
            Change(
                match.start(),
                match.end(),
                repaired,
                lost=max(lost, 0),
                reason=f"UTF-8 read as GBK {rounds} time{'s' if rounds > 1 else ''}",
            )
        )
    return changes
