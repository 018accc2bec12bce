"""Traditional characters back to Simplified, the script of these sites.

OpenCC's ``t2s`` does the conversion. It leaves 著 alone, since 著 is also a
Simplified character (著名, 著作); but a mirror that machine-converted a
mainland page to Traditional also wrote the particle 着 as 著, so in text that
was converted, 著 becomes 着 except in the words where it is zhù.
"""

from __future__ import annotations

import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["find"]

# Words in which 著 is zhù and stays 著 in Simplified text.
_ZHU_BEFORE = set("原名编所专巨论合遗译新拙显卓昭土撰")
_ZHU_AFTER = set("作名称述者录书")
_PARTICLE = re.compile("著")
_REASON = "OpenCC t2s"
_REASON_PARTICLE = "OpenCC t2s; 著 as the particle 着, which a converter wrote 著"


def _with_particles(simple: str) -> str:
    """The converted text with every particle 著 written 着.

    Example:
        >>> _with_particles("看著原著")
        '看着原著'
    """
    pieces: list[str] = []
    cursor = 0
    for match in _PARTICLE.finditer(simple):
        i = match.start()
        before = simple[i - 1] if i else ""
        after = simple[i + 1] if i + 1 < len(simple) else ""
        if before in _ZHU_BEFORE or after in _ZHU_AFTER:
            continue
        pieces += (simple[cursor:i], "着")
        cursor = i + 1
    pieces.append(simple[cursor:])
    return "".join(pieces)


_DIFFERS = re.compile(rb"[^\x00]+")
_NONZERO = bytes([0] + [1] * 255)
_CHUNK = 1 << 16


def _differing(text: str, simple: str) -> bytes:
    """One byte per character: non-zero where ``text`` and ``simple`` differ.

    Both texts (of one length) are read as UTF-32 integers and XORed, so the
    comparison runs in C, not character by character in Python; a unit's
    four bytes fold into its lowest. Chunks keep the integers small.

    Example:
        >>> _differing("國家的", "国家的")
        b'\\x01\\x00\\x00'
    """
    parts: list[bytes] = []
    for low in range(0, len(text), _CHUNK):
        a = text[low : low + _CHUNK]
        b = simple[low : low + _CHUNK]
        if a == b:
            parts.append(bytes(len(a)))
            continue
        size = 4 * len(a)
        mixed = int.from_bytes(a.encode("utf-32-le", "surrogatepass"), "little") ^ int.from_bytes(
            b.encode("utf-32-le", "surrogatepass"), "little"
        )
        flags = int.from_bytes(mixed.to_bytes(size, "little").translate(_NONZERO), "little")
        folded = flags | flags >> 8 | flags >> 16 | flags >> 24
        parts.append(folded.to_bytes(size, "little")[::4])
    return b"".join(parts)


def _by_line(text: str, simple: str, particles: bool) -> list[Change]:
    """One change per line, from its first converted character to its last.

    A Traditional page converts hundreds of characters; an edit for each
    would cost more time and memory than the conversion itself. Text and
    conversion have one length, so the edit's two sides still pair up
    character by character for whoever audits it.
    """
    changes: list[Change] = []
    start = end = -1
    for match in _DIFFERS.finditer(_differing(text, simple)):
        low, high = match.span()
        if start >= 0 and text.find("\n", end, low) < 0:
            end = high  # the same line: widen this line's change
            continue
        if start >= 0:
            changes.append(_change(text, simple, start, end, particles))
        start, end = low, high
    if start >= 0:
        changes.append(_change(text, simple, start, end, particles))
    return changes


def _change(text: str, simple: str, start: int, end: int, particles: bool) -> Change:
    after = simple[start:end]
    particle = particles and "着" in after and "着" not in text[start:end]
    return Change(start, end, after, 0, _REASON_PARTICLE if particle else _REASON)


def _line_changes(text: str, simple: str) -> list[Change]:
    # OpenCC kept the length, as it nearly always does: diff character by
    # character. Otherwise fall back to whole lines.
    if len(text) == len(simple):
        return _by_line(text, simple, False)
    changes = []
    offset = 0
    for line in text.split("\n"):
        converted = lexicon.to_simplified(line)
        if converted != line:
            if len(converted) == len(line):
                changes += [
                    Change(c.start + offset, c.end + offset, c.after, 0, c.reason)
                    for c in _by_line(line, converted, False)
                ]
            else:
                changes.append(Change(offset, offset + len(line), converted, 0, _REASON))
        offset += len(line) + 1
    return changes


def find(text: str, options: Options) -> list[Change]:
    """Traditional characters to convert, and converted 著 particles to fix.

    Each line's converted characters make one change, from the first to the last.

    Example:
        >>> [c.after for c in find("國內,看著\\n原著", Options())]
        ['国内,看着']
    """
    simple = lexicon.to_simplified(text)
    if simple == text:
        return []
    if len(text) == len(simple) and "著" in simple:
        # 著 is never changed by t2s: the particles are fixed in the
        # converted text, and the diff takes them in with the rest.
        return _by_line(text, _with_particles(simple), True)
    return _line_changes(text, simple)
