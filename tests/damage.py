"""Damage made from clean text, the way crawls made it: shared by tests and benchmarks.

Each function takes clean text and returns it as a crawl would have left
it, so a repair can be checked by whether it gives the clean text back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from govnews.repair import lexicon
from govnews.repair.change import Change

HAN = re.compile(f"[{lexicon.HAN}]")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GLOSS = re.compile(r"\([a-zü\u00e0-\u01dc]{1,6}\)")
# Lines of the example pages with damage of their own (lost or misread characters).
DAMAGED = re.compile("[\ue000-\uf8ff\ufffd?]|娑擃|確;|確!")


def clean_sentences() -> list[str]:
    """Clean sentences of the example pages: glosses stripped, damaged lines left out."""
    found: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = GLOSS.sub("", line).strip()
            if DAMAGED.search(line):
                continue
            for sentence in re.split(r"(?<=[。;!])", line):
                sentence = sentence.strip()
                if 6 <= len(sentence) <= 160 and len(HAN.findall(sentence)) >= 4:
                    found.append(sentence)
    return found


def fold(text: str) -> str:
    """Full-width ASCII forms folded to ASCII, as the crawl did."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


def drop_byte(text: str, position: int, errors: str) -> str:
    """``text`` as GB18030 with the byte at ``position`` lost, decoded and folded."""
    data = text.encode("gb18030")
    return fold((data[:position] + data[position + 1 :]).decode("gb18030", errors))


def han_bytes(text: str) -> list[int]:
    """Byte offsets in the GB18030 encoding of ``text`` that belong to Han characters."""
    offsets: list[int] = []
    offset = 0
    for char in text:
        size = len(char.encode("gb18030"))
        if HAN.match(char):
            offsets.extend(range(offset, offset + size))
        offset += size
    return offsets


def apply(text: str, changes: Iterable[Change]) -> str:
    """``text`` with a repair's sorted, disjoint changes made."""
    pieces: list[str] = []
    cursor = 0
    for change in changes:
        pieces.append(text[cursor : change.start])
        pieces.append(change.after)
        cursor = change.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def distance(first: str, second: str) -> int:
    """Levenshtein distance (damage is local: the common ends are cut first)."""
    while first and second and first[0] == second[0]:
        first, second = first[1:], second[1:]
    while first and second and first[-1] == second[-1]:
        first, second = first[:-1], second[:-1]
    if len(first) < len(second):
        first, second = second, first
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]
