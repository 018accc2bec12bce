"""UTF-8 read as GBK one to three times: the seed footer and generated mojibake.

Where every round kept its bytes (each stretch between ASCII characters had
an even number of UTF-8 bytes), the text must come back exactly. Where a
round lost the last byte of a stretch (it paired with the ASCII character
after it), each such stretch may end in a lost or wrongly guessed character
(or stay as it was, when it is that one character alone). Clean text is
never changed.
"""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import govnews
from govnews.records import Options
from govnews.repair import mojibake
from tests.damage import HAN, apply, distance
from tests.test_misalign import clean_text, sentence

OPTIONS = Options()


def garble(text: str, rounds: int) -> tuple[str, bool]:
    """``text`` read as UTF-8-as-GB18030 ``rounds`` times, and whether no byte was lost."""
    lossless = True
    for _ in range(rounds):
        damaged = text.encode("utf-8").decode("gb18030", "replace")
        lossless = lossless and damaged.encode("gb18030").decode("utf-8", "replace") == text
        text = damaged
    return text, lossless


def test_seed_000_footer() -> None:
    """Seed 000's footer is 中国人保 read as GBK twice."""
    result = govnews.repair("      娑擃厼娴楁禍杞扮箽", Options(simplified=False))
    assert result.text == "      中国人保"
    assert [(e.kind, e.reason) for e in result.edits] == [("mojibake", "UTF-8 read as GBK 2 times")]


def test_undo_counts_rounds() -> None:
    """Each round undone is counted, up to three, even when later rounds lost a byte."""
    for rounds in (1, 2, 3):
        damaged, _ = garble("疫情防控工作", rounds)
        assert mojibake.undo(damaged) == ("疫情防控工作", rounds)


def test_a_lost_last_byte_is_chosen_by_fit() -> None:
    """An odd stretch loses its last byte: the last character fits its neighbour, or is lost."""
    damaged, lossless = garble("检查督导疫情防控工作,", 1)
    assert not lossless
    assert damaged.endswith("\ufffd,")
    assert apply(damaged, mojibake.find(damaged, OPTIONS)) == "检查督导疫情防控工作,"


# Han text in multiples of eight characters: 24 bytes, 12 characters of
# mojibake, 36 bytes, 18 characters: every round keeps its bytes, unless a
# round makes a character of two UTF-8 bytes (Greek, pinyin letters).
han_text = sentence.map(lambda s: "".join(HAN.findall(s))).map(lambda h: h[: len(h) // 8 * 8])


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=han_text.filter(bool), rounds=st.integers(1, 3))
def test_lossless_rounds_are_undone_exactly(text: str, rounds: int) -> None:
    """UTF-8 read as GBK one to three times comes back exactly when no byte was lost."""
    damaged, lossless = garble(text, rounds)
    assume(lossless)
    assert apply(damaged, mojibake.find(damaged, OPTIONS)) == text


@settings(max_examples=40, deadline=None, derandomize=True)
@given(text=sentence)
def test_lossy_round_costs_at_most_a_character_a_stretch(text: str) -> None:
    """One lossy round costs at most two characters per stretch.

    The last character of each odd stretch lost a byte: it is chosen by fit
    or marked lost; a stretch of one such character alone may stay as it is.
    """
    damaged, _ = garble(text, 1)
    stretches = len(re.findall(r"[^\x00-\x7f]+", text))
    assert distance(apply(damaged, mojibake.find(damaged, OPTIONS)), text) <= 2 * stretches


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=clean_text)
def test_clean_text_is_never_changed(text: str) -> None:
    """Clean Simplified, Traditional and mixed ASCII text comes back unchanged."""
    assert mojibake.find(text, OPTIONS) == []


def test_other_scripts_are_not_mojibake() -> None:
    """Text whose bytes happen to be UTF-8 but read as Latin or Cyrillic is left alone."""
    for text in ("脙茅", "Café 咖啡", "袛芯", "鍀"):
        assert mojibake.find(text, OPTIONS) == []
