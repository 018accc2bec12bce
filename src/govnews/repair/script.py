"""Traditional characters back to Simplified, the script of these sites.

OpenCC's ``t2s`` does the conversion. It leaves 著 alone, since 著 is also a
Simplified character (著名, 著作); but a mirror that machine-converted a
mainland page to Traditional also wrote the particle 着 as 著, so in text that
was converted, 著 becomes 着 except in the words where it is zhù.
"""

from __future__ import annotations

import operator
import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["find"]

# Words in which 著 is zhù and stays 著 in Simplified text.
_ZHU_BEFORE = set("原名编所专巨论合遗译新拙显卓昭土撰")
_ZHU_AFTER = set("作名称述者录书")
_PARTICLE = re.compile("著")


def _particle_changes(simple: str) -> list[Change]:
    changes = []
    for match in _PARTICLE.finditer(simple):
        i = match.start()
        before = simple[i - 1] if i else ""
        after = simple[i + 1] if i + 1 < len(simple) else ""
        if before in _ZHU_BEFORE or after in _ZHU_AFTER:
            continue
        changes.append(Change(i, i + 1, "着", reason="the particle 着, written 著 by a converter"))
    return changes


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


def _runs(text: str, simple: str) -> list[Change]:
    # Each run of differing characters is one change. (Positional arguments:
    # a Traditional page makes hundreds of these, and keywords cost a fifth more.)
    return [
        Change(start, end, simple[start:end], 0, "OpenCC t2s")
        for start, end in map(_span, _DIFFERS.finditer(_differing(text, simple)))
    ]


_span = operator.methodcaller("span")


def _line_changes(text: str, simple: str) -> list[Change]:
    # OpenCC kept the length, as it nearly always does: diff character by
    # character. Otherwise fall back to line by line.
    if len(text) == len(simple):
        return _runs(text, simple)
    changes = []
    offset = 0
    for line in text.split("\n"):
        converted = lexicon.to_simplified(line)
        if converted != line:
            if len(converted) == len(line):
                changes += [
                    Change(c.start + offset, c.end + offset, c.after, reason=c.reason)
                    for c in _runs(line, converted)
                ]
            else:
                changes.append(Change(offset, offset + len(line), converted, reason="OpenCC t2s"))
        offset += len(line) + 1
    return changes


def find(text: str, options: Options) -> list[Change]:
    """Traditional characters to convert, and converted 著 particles to fix.

    Example:
        >>> [c.after for c in find("國內,看著", Options())]
        ['国内', '着']
    """
    simple = lexicon.to_simplified(text)
    if simple == text:
        return []
    changes = _line_changes(text, simple)
    if len(text) == len(simple) and "著" in simple:
        # 著 is never changed by t2s, so a particle never overlaps a t2s run.
        changes = sorted(changes + _particle_changes(simple), key=lambda c: c.start)
    return changes
