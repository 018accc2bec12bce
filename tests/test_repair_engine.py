"""The repair engine: order, fixed point, edit records and replay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govnews
from govnews.repair import REPAIRS
from tests import strategies

AS_FOUND = govnews.Options(simplified=False)


@given(strategies.paragraph)
def test_clean_text_is_unchanged(text: str) -> None:
    """Clean Simplified text passes through byte for byte."""
    assert (text, ()) == (govnews.repair(text).text, govnews.repair(text).edits)


@given(
    st.text(
        alphabet=st.characters(codec="ascii", exclude_categories=["Cc"], exclude_characters="?&<")
        | st.sampled_from("\t\n"),
        max_size=200,
    )
)
def test_ascii_is_unchanged(text: str) -> None:
    """Printable ASCII with no markup and no question marks is never touched."""
    assert text == govnews.repair(text, AS_FOUND).text


@given(st.text(max_size=300))
def test_replay_reproduces_output(text: str) -> None:
    """Replaying the recorded edits on any input gives the repaired text."""
    result = govnews.repair(text)
    assert result.text == govnews.replay(text, result.edits)


@given(st.text(max_size=300))
def test_line_breaks_are_kept(text: str) -> None:
    """Repairs never add or remove a line break, so line numbers hold."""
    assert text.count("\n") == govnews.repair(text).text.count("\n")


@given(st.text(max_size=200))
def test_repair_is_idempotent(text: str) -> None:
    """Repairing repaired text changes nothing more."""
    once = govnews.repair(text).text
    assert once == govnews.repair(once).text


@given(strategies.paragraph, st.lists(st.integers(0, 400), max_size=4))
def test_lost_characters_are_marked(text: str, positions: list[int]) -> None:
    """Runs of ?? in Chinese text become U+FFFD, counted as lost, position kept."""
    damaged = text
    for position in sorted({p % len(text) for p in positions}, reverse=True):
        damaged = damaged[:position] + "??" + damaged[position:]
    result = govnews.repair(damaged, AS_FOUND)
    assert len(damaged) == len(result.text)
    assert "?" not in result.text
    assert damaged.count("?") == result.lost


def test_edit_records_say_where() -> None:
    """An edit names its repair, line, span, text before and after, and why."""
    result = govnews.repair("第一行\n國內(nèi)")
    gloss = next(edit for edit in result.edits if edit.kind == "gloss")
    assert (1, "(nèi)", "") == (gloss.line, gloss.before, gloss.after)
    assert "nèi" in gloss.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议,,强调", "会议,强调"),
        ("会议,、强调", "会议、强调"),
        ("会议强调,。", "会议强调。"),
        ("\u00a0\u00a0本报讯\u3000今天", "  本报讯 今天"),
        ("会议召开。</p>", "会议召开。"),
        ("正文\x00第一段\x07", "正文第一段"),
        ("&ldquo;两个&rdquo;", "“两个”"),
        ("他看著我", "他看著我"),
    ],
)
def test_small_repairs(text: str, expected: str) -> None:
    """Doubled punctuation, odd spaces, stray tags and entities."""
    assert expected == govnews.repair(text, AS_FOUND).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他看著我們", "他看着我们"),
        ("隨著時間推移", "随着时间推移"),
        ("這部原著很著名", "这部原著很著名"),
        ("魯迅所著的書", "鲁迅所著的书"),
    ],
)
def test_particle_zhe(text: str, expected: str) -> None:
    """After conversion 著 is the particle 着, except in words where it is zhù.

    Text that needed no conversion keeps its 著: it was written in Simplified.
    """
    assert expected == govnews.repair(text).text


def test_fullwidth_is_an_option() -> None:
    """Full-width punctuation is restored only when asked for."""
    text = "来源:江西日报,作者:魏星"
    assert text == govnews.repair(text).text
    restored = govnews.repair(text, govnews.Options(fullwidth=True)).text
    assert "来源：江西日报，作者：魏星" == restored


def test_repairs_can_be_chosen() -> None:
    """Options.repairs runs only the named repairs."""
    names = [item.name for item in REPAIRS]
    assert len(names) == len(set(names))
    only = govnews.Options(repairs=frozenset({"punctuation"}), simplified=False)
    assert "國內(nèi),,".replace(",,", ",") == govnews.repair("國內(nèi),,", only).text


def test_wrong_type_is_a_govnews_error() -> None:
    """Repair takes str; anything else is a typed error."""
    with pytest.raises(govnews.InputTypeError):
        govnews.repair(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [",;", "a,,b,,c", "1,,2;,"])
def test_ascii_doubled_marks_are_left(text: str) -> None:
    """Marks doubled in ASCII text (a CSV line) are not a converter's doing."""
    assert text == govnews.repair(text).text


def test_engine_reruns_only_changed_lines() -> None:
    """A repair that is not final sends the earlier repairs back to its lines only.

    The misread run on the second line is decoded in step; the first line,
    Traditional text with a gloss, is converted once and never looked at again.
    """
    text = "國內(nèi)新聞\n暫;钋菰讱⒔灰椎纫咔榉雷o(hù)措施"
    result = govnews.repair(text)
    kinds = [edit.kind for edit in result.edits]
    assert kinds.count("misaligned") == 1
    assert "停活禽宰杀交易等疫情防护措施" in result.text
    assert result.text.startswith("国内新闻\n")


def test_near_changes_of_one_reason_make_one_edit() -> None:
    """Changes of one reason on one line, at most 8 characters apart, are one edit.

    An entity storm is one edit per 64 changes, not one per entity; text
    between merged changes stands on both sides, so replay stays exact.
    """
    text = "标题&amp;&lt;&gt;&#20013;正文&amp;。这一段有九个字符长&amp;\n&amp;"
    result = govnews.repair(text, AS_FOUND)
    assert result.text == "标题&<>中正文&。这一段有九个字符长&\n&"
    assert [(e.kind, e.before, e.after, e.line) for e in result.edits] == [
        ("markup", "&amp;&lt;&gt;&#20013;正文&amp;", "&<>中正文&", 0),
        ("markup", "&amp;", "&", 0),  # ten characters after the last
        ("markup", "&amp;", "&", 1),  # on the next line
    ]
    assert govnews.replay(text, result.edits) == result.text
    storm = "正文" + "&amp;x" * 1000
    edits = govnews.repair(storm, AS_FOUND).edits
    assert len(edits) == -(-1000 // 64)
    assert govnews.replay(storm, edits) == "正文" + "&x" * 1000


def test_unchanged_lines_share_one_string() -> None:
    """A line no repair touched is one string as raw text, text and key."""
    article = govnews.parse("标题\n正文第一段。\n國內新聞")
    first = article.lines[1]
    assert first.text is first.raw
    converted = article.lines[2]
    assert converted.text == "国内新闻"
    assert converted.raw == "國內新聞"
