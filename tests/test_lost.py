"""The lost-character repair: what it marks, and its patterns against the ones they replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govnews.records import Options
from govnews.repair import lexicon, lost

# The patterns before the search was made literal-led: the oracle.
_PUNCT = ",.;:!、，。；：！…"
_OLD_LOST = re.compile(
    r"(?<=[^\x00-\x7f])\?{2,8}|\?{2,8}(?=[^\x00-\x7f])"
    rf"|(?<=[{_PUNCT}])\?(?=[{lexicon.HAN}])|(?<=[{lexicon.HAN}])\?(?=[{_PUNCT}])"
    r"|[\ud800-\udfff]+"
)
_OLD_LINE_START = re.compile(
    rf"^([ \t\u00a0\u3000]*)(\?{{1,8}})(?=[{lexicon.HAN}\u2014])", re.MULTILINE
)


def _old_spans(text: str) -> list[tuple[int, int]]:
    spans: dict[int, int] = {}
    for match in _OLD_LINE_START.finditer(text):
        spans[match.start(2)] = match.end(2)
    for match in _OLD_LOST.finditer(text):
        if match.end() > match.start() and match.start() not in spans:
            spans[match.start()] = match.end()
    return sorted(spans.items())


def _spans(text: str) -> list[tuple[int, int]]:
    return [(change.start, change.end) for change in lost.find(text, Options())]


def _kept(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # What find() keeps of them: the first of any that overlap.
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


_PIECES = st.sampled_from(
    [
        "?",
        "??",
        "????",
        "?" * 9,
        "中",
        "國",
        "—",
        ",",
        "，",
        "。",
        "…",
        "a",
        " ",
        "\u3000",
        "\t",
        "\n",
        "\ud800",
        "\udc00",
        "\ufffd",
        "1",
    ]
)


@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_same_spans_as_the_patterns_they_replaced(text: str) -> None:
    assert _spans(text) == _kept(_old_spans(text))


def test_what_is_marked() -> None:
    assert _spans("???各设区市") == [(0, 3)]
    assert _spans("  \u3000??要求") == [(3, 5)]
    assert _spans("他说?要求") == []  # one ? between Han characters: a folded question mark
    assert _spans("好吗?") == []
    assert _spans("中国??人") == [(2, 4)]
    assert _spans("a ?中") == []  # not at the line's start
    assert _spans("文\n?中") == [(2, 3)]
    assert _spans("正文\ud800\udc00") == [(2, 4)]


def test_a_long_line_of_candidates_is_read_once() -> None:
    # Each candidate looks back to its line's start only across the text
    # since the last one; a quadratic scan would show as a slow test run.
    text = " " * 100_000 + "?中" * 100_000
    assert _spans(text) == [(100_000, 100_001)]
