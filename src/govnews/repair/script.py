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


def _runs(text: str, simple: str) -> list[Change]:
    changes = []
    i = 0
    size = len(text)
    while i < size:
        if text[i] == simple[i]:
            i += 1
            continue
        j = i + 1
        while j < size and text[j] != simple[j]:
            j += 1
        changes.append(Change(i, j, simple[i:j], reason="OpenCC t2s"))
        i = j
    return changes


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
    if len(text) == len(simple):
        # 著 is never changed by t2s, so a particle never overlaps a t2s run.
        changes = sorted(changes + _particle_changes(simple), key=lambda c: c.start)
    return changes
