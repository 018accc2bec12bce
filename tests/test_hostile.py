"""Hostile input: parse and repair never crash, never hang, never guess silently.

Whatever comes in (random bytes, random text with lone surrogates and NULs,
pages in UTF-16 or UTF-32 with or without a byte-order mark, charsets that are
declared wrongly or do not exist, markup storms, enormous lines), ``parse``
and ``repair`` return a result or raise a :class:`govnews.GovnewsError`.

Three kinds of test:

- Hypothesis over arbitrary bytes and text, and over structured pages that
  mix real template lines, markup and crawl damage (see :func:`pages`).
- Adversarial inputs of moderate size (a few hundred kilobytes) with a
  structural check on the result. Their cost is measured at full size in
  ``benchmarks/scaling.py``; no test here asserts a time.
- Regression tests, one per crash found by hypothesis or by the fuzzing
  harness in ``fuzz/parse_fuzz.py``; the input is kept verbatim.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govnews
from govnews import Article, GovnewsError, Options, Role

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Hostile tests draw bigger, odder examples than the rest of the suite; the
# health checks would otherwise complain about slow or large draws.
HOSTILE = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    report_multiple_bugs=False,
)


def outcome(data: bytes | str, **kwargs: object) -> Article | GovnewsError:
    """Parse, turning a govnews error into a value; anything else propagates."""
    try:
        article = govnews.parse(data, **kwargs)  # type: ignore[arg-type]
    except GovnewsError as error:
        failure = error
    else:
        check_article(article)
        return article
    assert str(failure), "a govnews error always says what went wrong"
    return failure


def check_article(article: Article) -> None:
    """What holds of every Article, however bad the page."""
    assert isinstance(article, Article)
    assert [line.index for line in article.lines] == list(range(len(article.lines)))
    for line in article.lines:
        assert isinstance(line.role, Role)
        assert "\n" not in line.text
        assert "\n" not in line.raw
    for value in (article.title, article.kicker, article.subtitle, article.source):
        assert value is None or value.strip() != ""
    assert all(paragraph for paragraph in article.paragraphs)
    # Whatever was parsed can be written out as UTF-8 (no lone surrogates left).
    for paragraph in article.paragraphs:
        paragraph.encode("utf-8")
    assert Article.from_dict(article.to_dict()) == article


def repaired(text: str, options: Options | None = None) -> govnews.Repaired | GovnewsError:
    try:
        result = govnews.repair(text, options)
    except GovnewsError as error:
        return error
    assert result.text.count("\n") == text.count("\n"), "repairs never move line breaks"
    assert govnews.replay(text, result.edits) == result.text
    return result


# --------------------------------------------------------------------------
# Structured pages: template lines, markup and damage
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def example_lines() -> tuple[str, ...]:
    """Every non-blank line of the example dumps: real titles, meta lines, body, chrome."""
    lines: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text("utf-8", errors="replace")
        lines.extend(line for line in text.splitlines() if line.strip())
    return tuple(lines)


TEMPLATE_LINES = (
    "来源:江西日报 作者:魏星 时间:2022-09-10",
    "2021-01-22 05:24:11 来源: 大江网 编辑: 舒小露",
    "2020-2-1 12:00| 发布者: admin| 来自: 安源区政府",
    "2021年01月23日13:29 来源:吉林日报",
    "当前位置:首页 > 新闻中心 > 江西新闻",
    "您现在的位置: 首页 >> 要闻",
    "本报讯(记者魏星 通讯员张三)今天,省委召开会议。",
    "(责任编辑:张三)",
    "责任编辑:李四",
    "原标题:抗击疫情",
    "摘要:生命重于泰山。",
    "▲图为会议现场(魏星 摄)",
    "相关新闻",
    "版权所有 © 大江网",
    "赣ICP备05000000号",
    "扫一扫,关注微信公众号",
    "字号:大 中 小",
    "分享到:",
    "国內(nèi)外(wài)疫情(qíng)",
    "吉林日?(bào)",
    "???各设区市",
    "省委书记易炼红主持召开会议",
    "(完)",
    "",
    "   ",
)

MARKUP = (
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div>",
    "</div>",
    "<td>",
    "</td><td>",
    "<tr>",
    "<table>",
    "<span style='display:none'>",
    "<ul><li><a href='#'>链接</a></li></ul>",
    "&nbsp;",
    "&amp;",
    "&lt;",
    "&#20013;",
    "&#x4e2d;",
    "&#xD800;",
    "&#0;",
    "&#1114112;",
    "&bogus;",
    "<!--",
    "-->",
    "<script>var a = '<p>';</script>",
    "<style>p{}</style>",
    "<",
    ">",
    "<![CDATA[",
    "<?xml version='1.0'?>",
    '<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd">',
    '<!ENTITY a "aaaaaaaaaa">',
    "&a;&a;&a;",
    "<meta charset='utf-8'>",
    "<meta charset='gbk'>",
    "<meta charset='no-such-charset'>",
    "<title>标题_大江网</title>",
)


def _gloss(line: str, index: int) -> str:
    cut = index % (len(line) + 1)
    return line[:cut] + "(guó)" + line[cut:]


def _lose(line: str, index: int) -> str:
    if not line:
        return "?"
    cut = index % len(line)
    return line[:cut] + "??" + line[cut + 1 :]


def _mojibake(line: str, index: int) -> str:
    return line.encode("utf-8", "surrogatepass").decode("gbk", "replace")


def _truncate(line: str, index: int) -> str:
    return line[: index % (len(line) + 1)]


def _insert(piece: str) -> Callable[[str, int], str]:
    def damage(line: str, index: int) -> str:
        cut = index % (len(line) + 1)
        return line[:cut] + piece + line[cut:]

    return damage


DAMAGE: tuple[Callable[[str, int], str], ...] = (
    _gloss,
    _lose,
    _mojibake,
    _truncate,
    _insert("\x00"),
    _insert("\ud800"),
    _insert("\udfff"),
    _insert("\ufffd"),
    _insert("\u3000\u3000"),
    _insert("\xa0"),
    _insert("\u200b"),
    _insert(",,"),
    _insert("。。"),
    _insert("&nbsp;"),
    _insert("<br>"),
    _insert("(((((("),
    _insert("國("),
    _insert("\r"),
    _insert("\u2028"),
    _insert("\x85"),
)


@st.composite
def damaged_line(draw: st.DrawFn) -> str:
    line = draw(
        st.one_of(
            st.sampled_from(TEMPLATE_LINES),
            st.sampled_from(example_lines()),
            st.text(max_size=12),
        )
    )
    for damage in draw(st.lists(st.sampled_from(DAMAGE), max_size=3)):
        line = damage(line, draw(st.integers(0, 200)))
    return line


@st.composite
def page_text(draw: st.DrawFn) -> str:
    """A text dump: template and example lines, damaged, with any line breaks."""
    lines = draw(st.lists(damaged_line(), min_size=1, max_size=14))
    return draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"])).join(lines)


@st.composite
def page_html(draw: st.DrawFn) -> str:
    """An HTML page: damaged lines in blocks, with stray and hostile markup between."""
    parts = [draw(st.sampled_from(["", "<html><head>", "<!DOCTYPE html><html><head>"]))]
    parts.append(
        draw(st.sampled_from(["", "<meta charset='utf-8'>", "<title>标题_大江网</title>"]))
    )
    parts.append("<body>")
    for line in draw(st.lists(damaged_line(), min_size=1, max_size=10)):
        tag = draw(st.sampled_from(["p", "div", "td", "span", "li", "h1"]))
        parts.append(f"<{tag}>{line}</{tag}>")
        parts.extend(draw(st.lists(st.sampled_from(MARKUP), max_size=2)))
    return "".join(parts)


pages = st.one_of(page_text(), page_html())
"""A structured page, text dump or HTML."""

ENCODINGS = (
    "utf-8",
    "gb18030",
    "gbk",
    "big5",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-8-sig",
)
LABELS = (
    None,
    "utf-8",
    "gbk",
    "gb2312",
    "big5",
    "utf-16",
    "utf-32",
    "latin-1",
    "ascii",
    "no-such-charset",
    "undefined",
    "unicode_escape",
    "utf-7",
    "x-user-defined",
    "",
    "utf\x00",
    "\ud800",
    "hz",
    "iso-2022-jp",
)


@st.composite
def encoded_pages(draw: st.DrawFn) -> tuple[bytes, str | None]:
    """A structured page as bytes, in some encoding, with a declared label that may lie."""
    text = draw(pages)
    codec = draw(st.sampled_from(ENCODINGS))
    data = (
        text.encode(codec, "replace")
        if codec.startswith(("utf-8", "gb", "big"))
        else (text.encode(codec, "surrogatepass"))
    )
    if draw(st.booleans()) and codec in ("utf-16-le", "utf-16-be", "utf-32-le"):
        bom = {
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE,
        }[codec]
        data = bom + data
    if draw(st.integers(0, 5)) == 0:
        data = data[: draw(st.integers(0, len(data)))]  # a truncated download
    return data, draw(st.sampled_from(LABELS))


# --------------------------------------------------------------------------
# Arbitrary input
# --------------------------------------------------------------------------

SURROGATE = re.compile("[\ud800-\udfff]")

hostile_chars = st.one_of(
    st.characters(),
    st.sampled_from(
        ["\ud800", "\udbff", "\udc00", "\udfff", "\x00", "\ufffd", "\ufeff", "國", "("]
    ),
)


@HOSTILE
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_raise_govnews_error(data: bytes) -> None:
    outcome(data)


@HOSTILE
@given(st.text(hostile_chars, max_size=400))
def test_any_text_parses_or_raises_govnews_error(text: str) -> None:
    outcome(text)


@HOSTILE
@given(st.text(hostile_chars, max_size=400), st.booleans(), st.booleans())
def test_any_text_repairs(text: str, simplified: bool, fullwidth: bool) -> None:
    result = repaired(text, Options(simplified=simplified, fullwidth=fullwidth))
    assert isinstance(result, govnews.Repaired)


@HOSTILE
@given(
    st.text(hostile_chars, max_size=200),
    st.sets(st.sampled_from([r.name for r in govnews.REPAIRS])),
)
def test_any_text_repairs_with_any_repairs_chosen(text: str, chosen: set[str]) -> None:
    options = Options(repairs=frozenset(chosen))  # type: ignore[arg-type]  # attrs converter
    assert isinstance(repaired(text, options), govnews.Repaired)


@HOSTILE
@given(st.binary(max_size=600), st.sampled_from(LABELS), st.one_of(st.none(), st.text(max_size=40)))
def test_any_bytes_with_any_declared_charset(
    data: bytes, label: str | None, url: str | None
) -> None:
    outcome(data, encoding=label, url=url)


@HOSTILE
@given(st.sampled_from(LABELS), st.sampled_from(ENCODINGS), st.sampled_from(example_lines()))
def test_meta_charset_that_lies_or_does_not_exist(label: str | None, codec: str, line: str) -> None:
    declared = (label or "").encode("utf-8", "surrogatepass")
    data = b'<html><head><meta charset="' + declared + b'"></head><body><p>'
    data += line.encode(codec, "replace") + b"</p></body></html>"
    outcome(data)


# --------------------------------------------------------------------------
# Structured pages
# --------------------------------------------------------------------------


@HOSTILE
@given(pages)
def test_structured_pages_as_text(text: str) -> None:
    result = outcome(text)
    if isinstance(result, Article):
        assert isinstance(repaired(text), govnews.Repaired)


@HOSTILE
@given(encoded_pages())
def test_structured_pages_as_bytes_in_any_encoding(page: tuple[bytes, str | None]) -> None:
    data, label = page
    outcome(data, encoding=label)


@HOSTILE
@given(pages, st.sampled_from(["utf-16", "utf-32", "utf-8-sig"]))
def test_text_behind_a_byte_order_mark_is_read_as_written(text: str, codec: str) -> None:
    # With a BOM the encoding is not a guess: the page reads as it was written.
    # (A lone surrogate cannot be written in any UTF; those pages are not this test's.)
    if not text.strip() or SURROGATE.search(text):
        return
    data = text.encode(codec, "surrogatepass")
    as_bytes = outcome(data)
    as_text = outcome(text)
    if isinstance(as_bytes, Article) and isinstance(as_text, Article):
        assert as_bytes.paragraphs == as_text.paragraphs
        assert as_bytes.title == as_text.title


# --------------------------------------------------------------------------
# Adversarial inputs, moderate size (the benchmark runs them at megabytes)
# --------------------------------------------------------------------------

SIZE = 200_000


def han_count(article: Article, char: str) -> int:
    return sum(line.raw.count(char) for line in article.lines)


def test_a_run_of_open_parentheses() -> None:
    article = outcome("正文" + "(" * SIZE)
    assert isinstance(article, Article)
    assert sum(line.raw.count("(") for line in article.lines) == SIZE


def test_guo_paren_repeated() -> None:
    article = outcome("國(" * (SIZE // 2))
    assert isinstance(article, Article)
    assert han_count(article, "國") == SIZE // 2
    assert sum(line.text.count("国") for line in article.lines) == SIZE // 2


def test_guo_gloss_open_repeated() -> None:
    article = outcome("國(guó" * (SIZE // 6))
    assert isinstance(article, Article)
    assert len(article.lines) == 1


def test_one_long_line() -> None:
    line = "省委书记主持召开全省疫情防控工作会议," * (SIZE // 19)
    article = outcome(line.encode("utf-8"))
    assert isinstance(article, Article)
    assert len(article.lines) == 1
    assert article.lines[0].raw == line


def test_one_long_line_of_spaces_and_tabs() -> None:
    article = outcome("标题\n" + " \t\u3000" * (SIZE // 3) + "正文")
    assert isinstance(article, Article)
    assert article.lines[-1].raw.endswith("正文")


def test_many_empty_lines() -> None:
    article = outcome("标题\n" + "\n" * SIZE + "正文。")
    assert isinstance(article, Article)
    assert len(article.lines) == SIZE + 2


def test_nested_tags() -> None:
    depth = 10_000
    article = outcome("<html><body>" + "<div>" * depth + "正文" + "</div>" * depth)
    assert isinstance(article, Article)
    assert article.paragraphs == ("正文",)


def test_nested_inline_tags() -> None:
    depth = 10_000
    article = outcome("<html><body><p>" + "<span><b>" * depth + "正文" + "</b></span>" * depth)
    assert isinstance(article, Article)
    assert "正文" in article.paragraphs


def test_nested_lists() -> None:
    # Each nested list used to be searched for links all the way down.
    depth = 500
    article = outcome("<html><body>" + "<ul><li>" * depth + "正文。" + "</li></ul>" * depth)
    assert isinstance(article, Article)
    assert any("正文" in paragraph for paragraph in article.paragraphs)


def test_title_of_ideographic_spaces() -> None:
    # The site-name split of <title> searched each start of a long run of spaces.
    page = (
        "<html><head><title>标题" + "\u3000" * 2_000 + "_大江网</title></head><body><p>正文。</p>"
    )
    article = outcome(page)
    assert isinstance(article, Article)
    assert article.paragraphs == ("正文。",)


def test_unclosed_tags_and_brackets() -> None:
    article = outcome("<html><body><p>正文</p>" + "<" * SIZE)
    assert not isinstance(article, Exception)


def test_entity_storm_in_html() -> None:
    count = SIZE // 20
    article = outcome("<html><body><p>" + "&amp;&lt;&#x4e2d;&nbsp;" * count + "</p>")
    assert isinstance(article, Article)
    text = "".join(article.paragraphs)
    assert text.count("中") == count
    assert text.count("&") == count


def test_entity_storm_in_text() -> None:
    count = SIZE // 16
    article = outcome("正文" + "&amp;&#20013;&nbsp;" * count)
    assert isinstance(article, Article)
    assert article.lines[0].text.count("中") == count


def test_entity_bomb_is_not_expanded() -> None:
    # A billion-laughs DTD: an HTML5 parser knows no DTDs, so nothing expands.
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">'
            for i in range(1, 10)
        )
        + "]><html><body><p>正文&lol9;</p></body></html>"
    )
    article = outcome(bomb)
    assert isinstance(article, Article)
    assert sum(len(line.text) for line in article.lines) < 10 * len(bomb)


def test_external_entities_are_not_fetched() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY ext SYSTEM "http://example.invalid/secret">]>'
        "<html><body><p>正文&ext;</p></body></html>"
    )
    article = outcome(page)
    assert isinstance(article, Article)
    assert any("正文" in paragraph for paragraph in article.paragraphs)


def test_table_of_many_cells_in_rows() -> None:
    rows = SIZE // 60
    page = "<html><body><table>" + "<tr><td>甲</td><td>乙</td><td>丙</td></tr>" * rows
    article = outcome(page + "</table>")
    assert isinstance(article, Article)
    assert sum(line.raw.count("乙") for line in article.lines) == rows


def test_table_of_many_cells_in_one_row() -> None:
    cells = 3_000
    article = outcome("<html><body><table><tr>" + "<td>格</td>" * cells + "</tr></table>")
    assert isinstance(article, Article)
    assert sum(line.raw.count("格") for line in article.lines) == cells


def test_many_lost_glosses() -> None:
    count = 3_000
    page = "日?(bào)" * count
    article = outcome(page)
    assert isinstance(article, Article)
    # Every lost character is restored, in edits of at most 64 changes each.
    assert article.lines[0].text == "日报" * count
    assert govnews.replay(page, article.edits) == article.lines[0].text
    assert count / 64 <= len(article.edits) <= count


def test_many_question_marks() -> None:
    article = outcome("正文" + "?" * SIZE)
    assert isinstance(article, Article)
    assert article.lines[0].raw.count("?") == SIZE


def test_many_dates_and_labels() -> None:
    line = "来源:江西日报 时间:2021-01-01 12:00 作者:魏星 " * (SIZE // 40)
    article = outcome(line + "\n正文。")
    assert isinstance(article, Article)


def test_unclosed_markup_in_undecodable_bytes() -> None:
    # Bytes no codec reads whole go to charset detection, which strips tags first.
    for unit in (b"<", b"<!--", b"<script>"):
        data = unit * (20_000 // len(unit)) + "正文".encode() + b"\xff"
        assert isinstance(outcome(data), (Article, GovnewsError))


def test_binary_garbage() -> None:
    data = bytes(range(256)) * (SIZE // 256)
    result = outcome(data)
    assert isinstance(result, (Article, govnews.DecodeError, govnews.NotAnArticleError))


# --------------------------------------------------------------------------
# Encodings, NULs and surrogates
# --------------------------------------------------------------------------

PAGE = "抗击疫情\n来源:江西日报 作者:魏星 时间:2022-09-10\n省委书记主持召开全省疫情防控工作会议。"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks(codec: str) -> None:
    article = outcome(PAGE.encode(codec))
    assert isinstance(article, Article)
    assert article.encoding is not None
    assert article.encoding_found_by == "bom"
    assert article.source == "江西日报"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark(codec: str) -> None:
    # No crash; whether the text is recognised is the decoder's judgement.
    outcome(PAGE.encode(codec))


def test_nul_bytes_in_text_and_html() -> None:
    article = outcome(PAGE.replace("。", "\x00。\x00"))
    assert isinstance(article, Article)
    assert outcome(b"\x00" * 1000) is not None
    html_article = outcome("<html><body><p>正\x00文</p></body></html>")
    assert isinstance(html_article, Article)
    assert html_article.paragraphs == ("正文",)


@pytest.mark.parametrize(
    "text",
    [
        "正文\ud800",
        "\udfff正文",
        "標題\n正\udc00文。",
        "<html><body><p>正文\ud800</p>",
    ],
)
def test_lone_surrogates(text: str) -> None:
    article = outcome(text)
    assert isinstance(article, Article)
    for line in article.lines:
        line.text.encode("utf-8")  # the surrogate is marked lost, not kept


def test_lone_surrogate_is_recorded_as_lost() -> None:
    result = govnews.repair("正文\ud800。")
    assert result.text == "正文\ufffd。"
    assert result.lost == 1
    assert [edit.kind for edit in result.edits] == ["lost"]


def test_lone_surrogate_with_only_the_script_repair() -> None:
    options = Options(repairs=frozenset({"to-simplified"}))  # type: ignore[arg-type]
    result = repaired("國內\ud800", options)
    assert isinstance(result, govnews.Repaired)
    assert result.text.startswith("国内")


@pytest.mark.parametrize(
    "label",
    [
        "undefined",
        "utf\x00",
        "\ud800",
        "unicode_escape",
        "no-such-charset",
        "",
        " ",
    ],
)
def test_declared_charsets_that_do_not_exist_or_are_not_text(label: str) -> None:
    data = "来源:江西日报\n正文。".encode()
    assert isinstance(outcome(data, encoding=label), Article)
    meta = (
        b'<meta charset="'
        + label.encode("utf-8", "surrogatepass")
        + b'"><p>\xe6\xad\xa3\xe6\x96\x87</p>'
    )
    # A surrogate label written as bytes is not UTF-8; the page may fail to decode.
    expected = Article if "\ud800" not in label else (Article, GovnewsError)
    assert isinstance(outcome(meta), expected)
    assert isinstance(outcome(meta + b"\xff"), (Article, GovnewsError))


def test_a_charset_that_lies() -> None:
    page = '<meta charset="utf-8"><p>省委书记主持召开全省疫情防控工作会议</p>'
    article = outcome(page.encode("gbk"), encoding="utf-8")
    assert isinstance(article, Article)
    assert article.paragraphs == ("省委书记主持召开全省疫情防控工作会议",)


def test_unicode_escape_cannot_smuggle_a_surrogate() -> None:
    data = b'<meta charset="unicode_escape"><p>\\ud800\xe6\xad\xa3\xe6\x96\x87</p>'
    article = outcome(data)
    assert isinstance(article, Article)
    for line in article.lines:
        line.text.encode("utf-8")


# --------------------------------------------------------------------------
# Limits and types
# --------------------------------------------------------------------------


def test_default_size_limit_is_sensible() -> None:
    assert 1 << 20 <= Options().max_bytes <= 1 << 30


@pytest.mark.parametrize("data", [b"x" * 101, "x" * 101, bytearray(b"x" * 101)])
def test_input_over_the_limit_is_rejected(data: bytes | str) -> None:
    with pytest.raises(govnews.InputTooLargeError, match="max_bytes") as caught:
        govnews.parse(data, options=Options(max_bytes=100))
    assert caught.value.size == 101
    assert caught.value.limit == 100
    assert isinstance(caught.value, ValueError)


def test_input_at_the_limit_is_parsed() -> None:
    data = "来源:江西日报\n正文。".encode()
    assert isinstance(govnews.parse(data, options=Options(max_bytes=len(data))), Article)


def test_repair_has_the_limit_too() -> None:
    with pytest.raises(govnews.InputTooLargeError):
        govnews.repair("国" * 11, Options(max_bytes=10))


def test_limit_is_checked_before_any_work() -> None:
    # One byte over the default limit, of the worst kind of input, is refused at once.
    with pytest.raises(govnews.InputTooLargeError):
        govnews.parse(b"<" * (Options().max_bytes + 1))


@pytest.mark.parametrize("data", [None, 3, 3.5, ["正文"], {"a": 1}, object()])
def test_wrong_types(data: object) -> None:
    with pytest.raises(govnews.InputTypeError):
        govnews.parse(data)  # type: ignore[arg-type]
    with pytest.raises(govnews.InputTypeError):
        govnews.repair(data)  # type: ignore[arg-type]


def test_empty_and_blank_pages() -> None:
    for data in (
        b"",
        "",
        " \n\t\r\n",
        "\u3000\xa0",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"<html></html>",
    ):
        with pytest.raises(govnews.NotAnArticleError):
            govnews.parse(data)


# --------------------------------------------------------------------------
# Regressions: each crash found by hypothesis or the fuzzer, input verbatim
# --------------------------------------------------------------------------

REGRESSIONS: list[tuple[str, bytes | str, dict[str, str]]] = [
    # OpenCC encodes to UTF-8, which cannot hold a lone surrogate (UnicodeEncodeError).
    ("surrogate-text", "\ud800", {}),
    ("surrogate-after-text", "正文\ud800", {}),
    # Python's "undefined" codec raises UnicodeError, not UnicodeDecodeError.
    ("undefined-declared", b'<meta charset="undefined"><p>\xe6\xad\xa3\xe6\x96\x87\xff</p>', {}),
    ("undefined-caller", "正文".encode(), {"encoding": "undefined"}),
    # codecs.lookup raises ValueError on an embedded NUL and UnicodeEncodeError on a surrogate.
    ("nul-label", "正文".encode(), {"encoding": "utf\x00"}),
    ("surrogate-label", "正文".encode(), {"encoding": "\ud800"}),
    # unicode_escape is a codec but no charset: it warns on a backslash and makes surrogates.
    (
        "unicode-escape-declared",
        b'<meta charset="unicode_escape"><p>\\O\\ud800\xe6\xad\xa3</p>',
        {},
    ),
]


def fuzz_text(data: bytes) -> str:
    """Text as fuzz/parse_fuzz.py makes it from an input (modes 2 and 3)."""
    rest = data[1:]
    return rest[: len(rest) // 2 * 2].decode("utf-16-le", "surrogatepass")


# Inputs the fuzzer wrote (crash-<sha1> files), kept as hex.
FUZZ_CRASHES = {
    # A run of lone surrogates in an HTML-looking text reached OpenCC.
    "crash-49b4e62f": (
        "023c689b746d6c3e3c686561243e3c6d65746120636861727365743d2767626b273e3c749a74dddddddddddd"
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddddddddddddddddddddddd6c653e783c2f749a746c653e783c2f7469746c653e3c2f6865610a3e"
        "3c626f64793e3c7461626c653e3c74723e3c74643e613c2f00000000000000000000000069746c653e3c2f68"
        "65610a3e3c626f64793e3c7461626c653e3c74723e3c74643e613c2f00000000000000f70000000000000000"
        "000000000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000074643e3c2f74723e"
    ),
}
REGRESSIONS += [
    (f"fuzz-{name}", fuzz_text(bytes.fromhex(hexdata)), {})
    for name, hexdata in FUZZ_CRASHES.items()
]


@pytest.mark.parametrize(
    ("data", "kwargs"),
    [pytest.param(data, kwargs, id=name) for name, data, kwargs in REGRESSIONS],
)
def test_regressions(data: bytes | str, kwargs: dict[str, str]) -> None:
    outcome(data, **kwargs)
