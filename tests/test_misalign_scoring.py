"""How the misalignment repair scores candidates: all at once, as one at a time would.

The repair prices a place's hundred-odd candidates together, context by
context, in the small word tables of each first character. These tests
hold that against the plain definition: for each candidate alone, the
character's cost, plus the best word bonus on each side, where a word is
looked up whole with :func:`lexicon.phrase_count`; marks are placed by
where they stand instead.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from govnews.repair import lexicon, misalign

# Characters that make words with each other, rare ones, marks and ASCII.
_POOL = "中国人民日报一步进目了然发展经济建设疫情防控要求加强確保護會議，。、“”!?,.aZ7亍囯\ue026"
_chars = st.text(alphabet=_POOL, max_size=3)
_candidates = st.lists(st.sampled_from(_POOL), min_size=1, max_size=40).map(tuple)


def _one_fit(char: str, left: str, right: str, between_han: bool) -> float:
    # The definition, one candidate and one whole-word lookup at a time.
    simple = lexicon.to_simplified(char)
    score = -lexicon.char_cost(char)
    if simple in misalign._PUNCTUATION or simple in misalign._ASCII_MARKS or char.isascii():
        return score + misalign._mark_fit(simple, left, right, between_han)
    best_left = best_right = 0.0
    for k in range(4):
        for m in range(4):
            if not 2 <= k + m + 1 <= 4 or k > len(left) or m > len(right):
                continue
            word = left[len(left) - k :] + simple + right[:m]
            found = lexicon.phrase_count(word)
            if found:
                bonus = 1.0 + len(word) / 2 + math.log1p(found) * misalign._WORD_WEIGHT
                if k:
                    best_left = max(best_left, bonus)
                if m:
                    best_right = max(best_right, bonus)
    return score + best_left + best_right


_WORDS = ["中国人民", "进一步", "一目了然", "日报", "发展经济", "疫情防控", "要求", "加强", "確保"]


@st.composite
def _places(draw: st.DrawFn) -> tuple[tuple[str, ...], str, str]:
    # Candidates and the context around them: half the time the context is
    # cut from a real word around one of its characters, which then stands
    # among the candidates, so that words are found on either side.
    chars = draw(_candidates)
    if draw(st.booleans()):
        return chars, draw(_chars), draw(_chars)
    word = draw(st.sampled_from(_WORDS))
    index = draw(st.integers(0, len(word) - 1))
    where = draw(st.integers(0, len(chars)))
    chars = (*chars[:where], word[index], *chars[where:])
    return chars, word[max(index - 3, 0) : index], word[index + 1 : index + 4]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(place=_places(), between=st.booleans())
def test_candidates_scored_together_as_alone(
    place: tuple[tuple[str, ...], str, str], between: bool
) -> None:
    """Scores for a set of candidates equal each candidate's score on its own."""
    chars, before, after = place
    left = "".join(lexicon.to_simplified(c) for c in before)
    right = "".join(lexicon.to_simplified(c) for c in after)
    together = misalign._fits(chars, left, right, between, misalign._contexts(left, right))
    assert together == [_one_fit(char, left, right, between) for char in chars]


def test_a_word_found_in_context_raises_its_candidate() -> None:
    """Between 进 and 步, 一 makes 进一步 and 一步, and outscores a character that makes none."""
    scores = misalign._fits(("一", "亍"), "进", "步", True, misalign._contexts("进", "步"))
    assert scores[0] > 0 > scores[1]
    assert scores[0] == _one_fit("一", "进", "步", True)


def test_no_candidates_no_scores() -> None:
    """A place whose candidates were all ruled out scores nothing, in any context."""
    for left, right in (("纭", ""), ("进", "步"), ("", "步")):
        assert misalign._fits((), left, right, True, misalign._contexts(left, right)) == []
        assert misalign._counts(left, right, len(left) + len(right) + 1, ()) == []


def test_a_line_break_in_a_context_keeps_each_word_its_own() -> None:
    """Were a context to hold a line break, each candidate still gets its own word's count."""
    counts = misalign._counts("进\n", "", 3, ("一", "步"))
    assert counts == [None, None]
    assert misalign._counts("进", "步", 3, ("一", "\n")) == [lexicon.phrase_count("进一步"), None]
