"""Pinyin glosses: stripped exactly where the syllable is a reading of its character."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govnews
from govnews.repair import glosses, lexicon
from tests import strategies

GLOSS_ONLY = govnews.Options(repairs=frozenset({"gloss"}), simplified=False)


@functools.lru_cache(maxsize=1)
def _s2t() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("s2t").convert
    return convert


def traditional(text: str) -> str:
    """The text in Traditional characters, as a mirror would serve it."""
    return _s2t()(text)


def gloss(text: str, picks: list[bool]) -> str:
    """Paste the first reading after the characters the picks select, as mirrors do."""
    out = []
    for char, pick in zip(text, [*picks, *[False] * len(text)], strict=False):
        out.append(char)
        readings = sorted(lexicon.readings(char))
        if pick and lexicon.is_han(char) and readings:
            out.append(f"({readings[0]})")
    return "".join(out)


@given(strategies.paragraph, st.lists(st.booleans(), max_size=400))
def test_glossed_traditional_text_comes_back(text: str, picks: list[bool]) -> None:
    """Glossing Traditional text and repairing it gives the Simplified text back."""
    damaged = gloss(traditional(text), picks)
    assert lexicon.to_simplified(traditional(text)) == govnews.repair(damaged).text


@given(strategies.paragraph)
def test_text_without_glosses_is_never_changed(text: str) -> None:
    """The gloss repair leaves text with no glosses exactly as it is."""
    for sample in (text, traditional(text)):
        result = govnews.repair(sample, GLOSS_ONLY)
        assert (sample, ()) == (result.text, result.edits)


@given(strategies.paragraph, st.lists(st.booleans(), max_size=400))
def test_edits_replay(text: str, picks: list[bool]) -> None:
    """Replaying the recorded edits on the input gives the output."""
    damaged = gloss(traditional(text), picks)
    result = govnews.repair(damaged)
    assert result.text == govnews.replay(damaged, result.edits)


@pytest.mark.parametrize(
    "text",
    [
        "大江网(dajwjx)",
        "本报讯(记者魏星)",
        "各设区市和县(市、区)",
        "肖(人毛)根",
        "手机江西网(jxrb_jxnews)",
        "李(ā)",
        "(bào)",
    ],
)
def test_not_glosses(text: str) -> None:
    """Parentheses that are not a reading of the character before them stay."""
    assert text == govnews.repair(text, GLOSS_ONLY).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("國內(nèi)國際", "國內國際"),
        ("縣(市、區(qū))", "縣(市、區)"),
        ("(擴(kuò)大)", "(擴大)"),
        ("長(zhǎng)春", "長春"),
    ],
)
def test_glosses(text: str, expected: str) -> None:
    """Glosses after their character go, also inside real parentheses."""
    assert expected == govnews.repair(text, GLOSS_ONLY).text


def test_lost_glossed_character_is_restored_from_context() -> None:
    """A glossed character lost to ? comes back when its reading and neighbours agree."""
    result = govnews.repair("來源:吉林日?qǐng)?bào)", GLOSS_ONLY)
    assert result.text == "來源:吉林日報"
    assert [edit.kind for edit in result.edits] == ["gloss"]


def test_lost_glossed_character_without_fit_is_marked() -> None:
    """Without a fitting candidate the character is marked lost, not guessed."""
    result = govnews.repair("的?xiǎng)", GLOSS_ONLY)
    assert "\ufffd" in result.text or "(" not in result.text
    assert result.text.count("?") == 0


def test_a_toneless_gloss_alone_is_removed() -> None:
    """A neutral-tone reading has no tone mark: 地(de) is a gloss all the same."""
    assert govnews.repair("農村地(de)區").text == "农村地区"


# The gloss pattern before its second branch was written to start with a literal.
_OLD_GLOSS = re.compile(
    rf"\((?P<syllable>{glosses._SYLLABLE})\)"
    rf"|(?P<lost>(?:\?{{1,3}}\(?{glosses._SYLLABLE}\)){{1,4}})"
)
_GLOSS_PIECES = st.sampled_from(
    ["(", ")", "?", "??", "????", "nèi", "de", "guó", "a", "zhēng", "國", "中", " ", "\n", "ü"]
)


@settings(max_examples=3000)
@given(st.lists(_GLOSS_PIECES, max_size=24).map("".join))
def test_gloss_pattern_matches_as_the_one_it_replaced(text: str) -> None:
    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int, str | None]]:
        return [(m.start(), m.end(), m.group("syllable")) for m in pattern.finditer(text)]

    assert spans(glosses._GLOSS) == spans(_OLD_GLOSS)
