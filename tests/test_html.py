"""HTML pages: markup to lines, markup evidence, and HTML bytes against their text."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import pathlib
import re
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govnews
from govnews import evidence, html
from govnews.evidence import fold
from govnews.html import looks_like_html, split_site_name, to_lines
from govnews.lines import keys_for
from tests import compose

FIELDS = (
    "site",
    "kicker",
    "title",
    "subtitle",
    "original_title",
    "published_at",
    "published_date",
    "source",
    "authors",
    "editors",
    "reporters",
    "correspondents",
    "photographers",
    "poster",
    "breadcrumb",
    "summary",
    "paragraphs",
    "captions",
)

# Fields a template cannot yet read right from the text of a composed page;
# the HTML must still agree with the text there. See the report on issue 4.


@functools.lru_cache(maxsize=1)
def _all_pages() -> tuple[compose.Composed, ...]:
    return tuple(compose.pages())


def _keys(lines: Any) -> list[str]:
    text = "\n".join(lines)
    return keys_for(text, text)


# ---------------------------------------------------------------- composed pages


@pytest.mark.parametrize("name", list(compose.BUILDERS))
def test_page_renders_to_its_dump(name: str) -> None:
    page = compose.page(name)
    assert 30_000 <= len(page.data) <= 80_000
    rendered = to_lines(page.html)
    assert _keys(rendered.lines) == _keys(page.dump.split("\n"))


@pytest.mark.parametrize("name", list(compose.BUILDERS))
def test_page_sizes_in_every_encoding(name: str) -> None:
    for variant, *_ in compose.VARIANTS:
        assert 30_000 <= len(compose.page(name, variant).data) <= 80_000


def _same(value: Any, truth: Any) -> bool:
    if isinstance(truth, str):
        return value is not None and fold(value) == fold(truth)
    if isinstance(truth, tuple):
        return tuple(fold(v) for v in value) == tuple(fold(t) for t in truth)
    return bool(value == truth)


@pytest.mark.parametrize("page", _all_pages(), ids=lambda p: f"{p.name}-{p.variant}")
def test_html_gives_the_article_of_its_text(page: compose.Composed) -> None:
    from_html = govnews.parse(page.data, url=page.url)
    from_text = govnews.parse(page.dump, url=page.url)
    assert from_html.site == page.template
    for name in FIELDS:
        html_value, text_value = getattr(from_html, name), getattr(from_text, name)
        if text_value in (None, ()):
            continue  # the markup may add what the text lacks; checked below
        truth = page.expected.get(name)
        if html_value != text_value and truth is not None and _same(html_value, truth):
            continue  # the markup corrected the text's reading
        assert html_value == text_value, name
    for name, truth in page.expected.items():
        if truth in (None, ()):
            continue
        assert _same(getattr(from_html, name), truth), (name, getattr(from_html, name), truth)
    assert not [w for w in from_html.warnings if "markup title" in w]


@pytest.mark.parametrize(
    ("variant", "encoding", "found_by"),
    [
        ("utf-8", "utf-8", "declared"),
        ("gb2312", "gb18030", "declared"),
        ("gbk-undeclared", "gb18030", "gb18030"),
        ("gbk-says-utf8", "gb18030", "gb18030"),
        ("utf8-says-gb2312", "utf-8", "utf-8"),
        ("big5", "big5hkscs", "declared"),
        ("big5-undeclared", "big5hkscs", "detected"),
    ],
)
def test_every_variant_records_its_encoding(variant: str, encoding: str, found_by: str) -> None:
    page = compose.page("jxnews", variant)
    article = govnews.parse(page.data, url=page.url)
    assert (article.encoding, article.encoding_found_by) == (encoding, found_by)


def test_pages_without_url_pick_their_template_by_text() -> None:
    for name in ("jxnews", "discuz", "people-old", "reprint"):
        page = compose.page(name)
        assert govnews.parse(page.data).site == page.template, name


def test_http_header_encoding_wins_when_it_reads() -> None:
    page = compose.page("discuz", "gbk-undeclared")
    article = govnews.parse(page.data, url=page.url, encoding="gb2312")
    assert (article.encoding, article.encoding_found_by) == ("gb18030", "caller")
    assert article.title == "抗击疫情！挺在最前沿，督导落实疫情防控工作"


# ---------------------------------------------------------------- rendering


def test_breaks_blocks_and_cells() -> None:
    page = "<div>甲<br><br/><br />乙</div><p>丙</p><table><tr><td>a</td><td></td><td>b</td></tr></table>"
    assert to_lines(page).lines == ("甲", "乙", "丙", "a | b")


def test_nested_tables_flatten_row_by_row() -> None:
    page = "<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td>尾</td></tr></table>"
    assert to_lines(page).lines == ("外", "内1 | 内2", "尾")


def test_dropped_content() -> None:
    page = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<script>document.write('<p>脚本</p>')</script><!-- 注释 --><noscript>无</noscript>"
        "<div style='display: none'>隐藏</div><p hidden>也隐藏</p>"
        "<ul><li><a href='/'>首页</a></li><li><a href='/x'>新闻</a></li></ul>"
        "<ul><li>正文句子很长，其中有一个<a href='/'>链接</a>。</li></ul>"
        "<select><option>选项</option></select><p>正文</p></body></html>"
    )
    assert to_lines(page).lines == ("正文句子很长，其中有一个链接。", "正文")


def test_entities_and_spaces() -> None:
    page = "<p>&lt;A&gt;&amp;&nbsp;&#x4e2d;&#22269;&bogus;&#12288;x\u3000y   z\t\n w</p>"
    assert to_lines(page).lines == ("<A>&\xa0中国&bogus;\u3000x\u3000y z w",)


def test_label_split_by_inline_tags() -> None:
    plain = to_lines("<p>来源：江西日报</p>").lines
    assert to_lines("<p>来源：<a href='#'><b>江西</b>日报</a></p>").lines == plain
    assert to_lines("<p><span>来源</span>：<font>江西日报</font></p>").lines == plain


def test_no_entity_expansion_and_no_external_entities() -> None:
    bomb = (
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>'
        "<html><body><p>&b;&x;正文</p></body></html>"
    )
    lines = to_lines(bomb).lines
    assert "aaaaaaaaaa" not in "".join(lines)
    assert lines[-1] == "&b;&x;正文"


def test_deep_nesting_stays_linear() -> None:
    start = time.perf_counter()
    page = "<html><body>" + "<div>" * 40_000 + "正文" + "</div>" * 40_000 + "<p>尾</p>"
    assert to_lines(page).lines == ("正文", "尾")
    unclosed = "<section><div class='x'>" * 20_000 + "<p>正文</p>"
    assert to_lines(unclosed).lines == ("正文",)
    assert time.perf_counter() - start < 20


def test_nul_bytes_and_controls_are_dropped() -> None:
    assert to_lines("<p>正\x00文\x07</p>").lines == ("正文",)


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><p>x</p>")
    assert looks_like_html("<div class='a'>x</div>")
    assert not looks_like_html("来源:江西日报\n正文 a<b 和 c>d")


def test_site_name_split() -> None:
    assert split_site_name("标题 - 城事资讯 - 萍乡城事网 - Powered by Discuz!")[0] == "标题"
    assert split_site_name("某某标题-中国吉林网") == ("某某标题", "中国吉林网")
    assert split_site_name("2021-2022年度工作报告") == ("2021-2022年度工作报告", "")


# ---------------------------------------------------------------- hints


def test_hints_of_jxnews_page() -> None:
    hints = to_lines(compose.page("jxnews").html).hints
    assert hints["layout"] == "jxnews"
    assert hints["published"] == "2021-01-22 05:24:11"
    assert (hints["source"], hints["author"], hints["editor"]) == ("江西日报", "魏星", "舒小露")
    assert hints["site_name"] == "江西新闻网_大江网（中国江西网）"
    assert hints["breadcrumb"].startswith("您当前的位置")


def test_hints_of_people_pages() -> None:
    old = to_lines(compose.page("people-old").html).hints
    assert old["layout"] == "people-old"
    assert old["title"] == "景俊海主持召开全省疫情防控工作视频调度会"
    assert old["source"] == "吉林日报"
    assert old["editor"] == "刘洋、杨晓"
    new = to_lines(compose.page("people-new").html).hints
    assert new["layout"] == "people-new"
    assert new["kicker"] == "抓紧抓实外防输入内防扩散各项工作"
    assert new["subtitle"] == "——坚决打好打赢疫情防控阻击战"
    assert new["dateline"].startswith("2024年01月06日08:21")


def test_hints_of_discuz_page() -> None:
    hints = to_lines(compose.page("discuz").html).hints
    assert hints["layout"] == "discuz"
    assert hints["generator"] == "Discuz! X3.4"
    assert hints["title"] == "抗击疫情！挺在最前沿，督导落实疫情防控工作"
    assert "发布者" in hints["dateline"]
    assert hints["summary"].endswith("...")


def test_founder_enpproperty_and_enpcontent() -> None:
    page = (
        "<html><head><title>江西日报</title></head><body>"
        "<!--enpproperty <articleid>7712601</articleid><date>2017-10-09 23:59:57</date>"
        "<author>魏星</author><title>全力守护群众生命安全</title><keyword>疫情</keyword>"
        "<subtitle>省长检查调研</subtitle><introtitle>坚持科学精准防控</introtitle>/enpproperty-->"
        "<div class='nav'><ul><li><a href='/'>版面</a></li></ul></div>"
        "<!--enpcontent--><p>本报讯（记者魏星）省长赴省疫情防控指挥部检查调研。</p><!--/enpcontent-->"
        "</body></html>"
    )
    rendered = to_lines(page)
    assert rendered.lines == ("本报讯（记者魏星）省长赴省疫情防控指挥部检查调研。",)
    hints = rendered.hints
    assert hints["layout"] == "founder"
    assert (hints["title"], hints["subtitle"], hints["kicker"]) == (
        "全力守护群众生命安全",
        "省长检查调研",
        "坚持科学精准防控",
    )
    article = govnews.parse(page.encode("utf-8"))
    assert article.title == "全力守护群众生命安全"
    assert article.published_at == dt.datetime(2017, 10, 9, 23, 59, 57, tzinfo=govnews.BEIJING)
    assert article.authors == ("魏星",)


# ---------------------------------------------------------------- evidence


def test_evidence_fills_only_what_the_text_lacks() -> None:
    fields: dict[str, Any] = {"title": "正题", "source": "江西日报"}
    warnings = evidence.apply(
        fields,
        {
            "title": "正题",
            "source": "别的报",
            "published": "2021-01-22 05:24:11",
            "author": "魏星",
            "editor": "舒小露、张三",
        },
    )
    assert warnings == []
    assert fields["source"] == "江西日报"
    assert fields["authors"] == ["魏星"]
    assert fields["editors"] == ["舒小露", "张三"]
    assert fields["published_date"] == dt.date(2021, 1, 22)


def test_evidence_records_a_disagreeing_title() -> None:
    fields: dict[str, Any] = {"title": "始终坚持科学务实精准防控"}
    warnings = evidence.apply(fields, {"title": "另一篇文章"})
    assert fields["title"] == "始终坚持科学务实精准防控"
    assert len(warnings) == 1
    assert "另一篇文章" in warnings[0]


def test_evidence_compares_titles_on_folded_simplified_text() -> None:
    fields: dict[str, Any] = {"title": "抗击疫情!挺在最前沿", "kicker": None}
    assert evidence.apply(fields, {"title": "抗擊疫情！挺在最前沿"}) == []


def test_markup_title_that_disagrees_becomes_a_warning() -> None:
    page = (
        compose.page("discuz")
        .html.replace('<h1 class="ph">抗击疫情', '<h1 class="ph">抗击疫情', 1)
        .replace("<title>抗击疫情！挺在最前沿", "<title>完全不同的一篇文章", 1)
    )
    page = page.replace('<h1 class="ph">', '<h1 class="ph" data-x="1">', 1)
    hints = dict(to_lines(page).hints)
    hints["title"] = "完全不同的一篇文章"
    fields: dict[str, Any] = {"title": "抗击疫情！挺在最前沿，督导落实疫情防控工作"}
    assert evidence.apply(fields, hints)


def test_people_page_without_rendered_title_takes_it_from_markup() -> None:
    page = compose.page("people-old").html.replace(
        "<h1>景俊海主持召开全省疫情防控工作视频调度会</h1>",
        '<h1 style="display:none">景俊海主持召开全省疫情防控工作视频调度会</h1>',
    )
    article = govnews.parse(page.encode("utf-8"))
    assert article.site == "people"
    assert article.title == "景俊海主持召开全省疫情防控工作视频调度会"
    assert article.source == "吉林日报"


# ---------------------------------------------------------------- markup edge cases

_TEXT = st.sampled_from(
    [
        "正文",
        "来源：",
        "江西日报",
        "2021-01-22 05:24:11",
        "作者：魏星",
        "x",
        " ",
        "\xa0",
        "\u3000",
        "\n",
        "。",
        "|",
        "&",
        "<",
        ">",
    ]
)
_PIECES = st.one_of(
    _TEXT,
    st.sampled_from(
        [
            "<br>",
            "<br/>",
            "<br><br><br>",
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<b>",
            "</i>",
            "<table><tr><td>",
            "</td><td>",
            "</tr></table>",
            "<table><tr><td><table><tr><td>",
            "<!-- 注释 -->",
            "<!--",
            "-->",
            "<![CDATA[ 数据 ]]>",
            "&nbsp;",
            "&amp;",
            "&#x4e2d;",
            "&#20013;",
            "&#0;",
            "&#xD800;",
            "&#99999999;",
            "&bogus;",
            "&amp",
            "&",
            "<a href='#'>",
            "</a>",
            "<span></span>",
            "<p></p>",
            "<td>",
            "</tr>",
            "<li>",
            "<ul>",
            "</ul>",
            "<script>",
            "</script>",
            "<style>",
            "<title>",
            "</title>",
            "\ufeff",
            "\x00",
            "<span id='source_baidu'>",
            "<div class='rm_txt'>",
            "<h1 class='ph'>",
            "</h1>",
            "<!--enpproperty <title>题</title>/enpproperty-->",
            "<meta charset='big5'>",
            "<div style='display:none'>",
            "<?xml version='1.0'?>",
            "<!DOCTYPE html>",
            "<",
        ]
    ),
    st.text(max_size=6),
)
_MARKUP = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKUP)
def test_any_markup_renders_to_clean_lines(markup: str) -> None:
    rendered = to_lines(markup)
    for line in rendered.lines:
        assert line
        assert line == line.strip()
        assert "\n" not in line
        assert "\x00" not in line
    assert all(isinstance(v, str) and v for v in rendered.hints.values())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _MARKUP,
    st.sampled_from(["utf-8", "gb18030", "big5hkscs", "utf-16"]),
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00\x00"]),
)
def test_parsing_markup_bytes_raises_only_govnews_errors(
    markup: str, codec: str, prefix: bytes
) -> None:
    data = prefix + ("<html><body>" + markup).encode(codec, "replace")
    with contextlib.suppress(govnews.GovnewsError):
        govnews.parse(data)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_parsing_any_bytes_raises_only_govnews_errors(data: bytes) -> None:
    with contextlib.suppress(govnews.GovnewsError):
        govnews.parse(b"<html><body><p>" + data)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["<a href='#'>", "<b>", "<span class='x'>", "<font color=red>", ""]),
    st.sampled_from(["：", ":", "： ", "&#65306;"]),
    st.sampled_from(["\xa0", "&nbsp;", " ", "&nbsp;&nbsp;"]),
)
def test_labels_read_through_inline_tags(tag: str, colon: str, space: str) -> None:
    close = "</" + tag[1:].split(" ")[0].split(">")[0] + ">" if tag else ""
    page = (
        "<html><body><h1>省长检查调研疫情防控工作</h1>"
        f"<p>2021-01-22 05:24{space}来源{colon}{tag}江西日报{close}</p>"
        "<p>本报讯（记者魏星）省长赴省疫情防控指挥部检查调研疫情防控工作，看望慰问工作人员。</p>"
        "</body></html>"
    )
    article = govnews.parse(page.encode("utf-8"))
    assert article.source == "江西日报"
    assert article.published_date == dt.date(2021, 1, 22)


# ---------------------------------------------------------------- fast paths
#
# to_lines reads every list of a page through Lexbor's own traversal, cleans
# the text pieces of a page in one pass, skips the deep-nesting rewrite when
# the page cannot nest that deep, and answers the layout hints with one query
# on most pages. Each is checked here against the walk it replaced, written
# out as that walk.


def _reference_events(root: Any) -> list[str]:
    """The page as text pieces, breaks and cell marks: one node at a time."""
    events: list[str] = []
    stack: list[tuple[Any, str | None]] = [(root.child, None)]
    while stack:
        node, closing = stack.pop()
        if closing is not None:
            if closing in html._BLOCK or closing in html._CELL:
                events.append(html._BREAK)
            continue
        if node is None:
            continue
        stack.append((node.next, None))
        tag = node.tag
        if tag == "-text":
            if node.text_content:
                events.append(node.text_content)
            continue
        if tag is None or tag.startswith("-") or tag in html._SKIP:
            continue
        if tag == "br":
            events.append(html._BREAK)
            continue
        attributes = node.attributes
        if (
            html._hidden(attributes)
            or (tag in html._LISTS and html._link_only_walk(node))
            or (tag == "a" and html._control(attributes))
        ):
            continue
        if tag in html._CELL:
            events.append(html._CELL_MARK)
            stack.append((None, "inline"))
        elif tag in html._BLOCK:
            events.append(html._BREAK)
            stack.append((None, tag))
        stack.append((node.child, None))
    return events


def _reference_render(root: Any) -> list[str]:
    """Lines from the events, each piece cleaned on its own."""
    lines: list[str] = []
    parts: list[str] = []
    pending_cell = has_text = False
    for piece in _reference_events(root):
        if piece == html._BREAK:
            line = "".join(parts).strip()
            if line:
                lines.append(line)
            parts, pending_cell, has_text = [], False, False
        elif piece == html._CELL_MARK:
            pending_cell = has_text
        else:
            text = html._SPACES.sub(" ", html._CONTROL.sub("", piece))
            if not text:
                continue
            if pending_cell and text.strip():
                parts.append(" | ")
                text = text.lstrip(" ")
                pending_cell = False
            parts.append(text)
            has_text = has_text or bool(text.strip())
    line = "".join(parts).strip()
    if line:
        lines.append(line)
    return lines


_LIST_ITEMS = st.sampled_from(
    [
        "<li><a href='/n/1.shtml'>江西新闻网热点推荐</a><span>01-12</span></li>",
        "<li><a>短</a>一段比链接长得多的说明文字</li>",
        "<li><a href='javascript:void(0)'>打印</a></li>",
        "<li><a><b>加粗的</b>链接<font>文字</font></a></li>",
        "<li><a>外<a>内</a></a></li>",
        "<li><script>var a = '<a>x</a>';</script><a>脚本旁的链接</a></li>",
        "<li><select><option>选项</option></select></li>",
        "<li><!-- 注释 --><a>【专题】</a> · </li>",
        "<li hidden><a>隐藏</a></li>",
        "<li style='display:none'>隐藏的文字</li>",
        "<li>\u3000|\xa0</li>",
        "<li><ul><li><a>嵌套</a></li></ul>正文</li>",
        "<dt>标题</dt><dd><a>链接</a></dd>",
        "<li><svg><a><text>矢量</text></a></svg></li>",
        "<li><template><a>模板</a></template>文字</li>",
        "<li><input value='x'><br>换行</li>",
        "<li>\n</li>",
        "<li></li>",
    ]
)
_LISTS = st.tuples(
    st.sampled_from(["ul", "ol", "dl", "nav", "menu", "UL"]),
    st.lists(_LIST_ITEMS, max_size=14),
).map(lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>")
_PAGE_PARTS = st.one_of(
    _LISTS,
    _PIECES,
    st.sampled_from(
        [
            "<table><tr><td>甲</td><td> 乙 </td><td></td></tr><tr><th>丙<p>丁</p></th></tr></table>",
            "<p>第一段\t\n  第二行\x01\x7f\ufeff</p>",
            "<p>\n</p>\n\n<p> a <b> b </b> c </p>",
            "<div class='position'>当前位置：<a>首页</a> > <a>要闻</a></div>",
            "<p><a href=' JavaScript:window.print()'>打印本页</a>正文</p>",
            "<p aria-hidden='true'>无障碍隐藏</p><p style='VISIBILITY : hidden'>不可见</p>",
        ]
    ),
)
_PAGES = st.lists(_PAGE_PARTS, max_size=24).map(lambda parts: "<html><body>" + "".join(parts))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGES)
def test_lines_agree_with_the_node_by_node_walk(page: str) -> None:
    """Lines and list verdicts equal those of the walk one node at a time."""
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser(page).root
    assert root is not None
    assert _reference_render(root) == html._render(root)
    for node in root.css("ul, ol, dl, nav, menu"):
        assert html._link_only_walk(node) == html._link_only(node)


def test_link_only_stops_at_the_node_limit() -> None:
    """Past 2,000 nodes a list is kept, by the traversal as by the walk."""
    from selectolax.lexbor import LexborHTMLParser

    for count in (666, 667, 1000):  # three nodes an item: li, a and its text
        page = "<ul>" + "<li><a>链接</a></li>" * count + "</ul>"
        node = LexborHTMLParser(page).css_first("ul")
        assert node is not None
        assert html._link_only_walk(node) == html._link_only(node) == (count * 3 <= 2000)


def test_tag_ids_name_the_skipped_elements() -> None:
    """Lexbor's fixed ids stand for the same elements in every document."""
    from selectolax.lexbor import LexborHTMLParser

    text_id, link_id, skip_ids = html._tag_ids()
    page = "<x-a><x-b></x-b></x-a><a>x</a>" + "".join(
        f"<{name}>y</{name}>" for name in sorted(html._SKIP)
    )
    root = LexborHTMLParser(page).root
    assert root is not None
    for node in root.traverse(include_text=True):
        assert (node.tag == "-text") == (node.tag_id == text_id)
        assert (node.tag == "a") == (node.tag_id == link_id)
        assert (node.tag in html._SKIP) == (node.tag_id in skip_ids), node.tag


_DEEP_NAMES = re.findall(r"[a-z]+(?:\[1-6\])?", html._DEEP.pattern.split("(", 2)[2].split(")")[0])


@pytest.mark.parametrize("name", _DEEP_NAMES)
def test_every_deep_tag_is_counted_in_any_case(name: str) -> None:
    """Each tag the rewrite counts, in any case and case-folding, is counted."""
    names = {name.replace("[1-6]", digit) for digit in "16"}
    for written in names:
        variants = {written, written.upper(), written.title()}
        variants |= {written.replace("i", "\u0130"), written.replace("i", "\u0131")}
        variants |= {written.replace("s", "\u017f")}
        for variant in variants:
            text = f"<{variant} class=x>"
            assert html._DEEP.search(text)
            assert html._DEEP_OPENERS.search(text.encode("utf-8").lower()), variant


_DEEP_PIECES = st.sampled_from(
    ["<div>", "</div>", "<DIV class=a>", "<dıv>", "<aſide>", "<h3>", "<H6 >", "<header>",
     "<head>", "<p>", "<a href=x>", "<li>", "<span>", "<section>", "<Summary>", "<lıſting>",
     "<font>", "<meta>", "x", "<", "<d", "<\u0130>", "</section>"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_DEEP_PIECES, max_size=400).map("".join))
def test_deep_tag_count_is_never_below_the_rewrites_count(text: str) -> None:
    """The cheap count bounds the rewrite's count of start tags from above."""
    openers = sum(1 for match in html._DEEP.finditer(text) if not match.group(1))
    assert len(html._DEEP_OPENERS.findall(text.encode("utf-8", "ignore").lower())) >= openers


def test_pages_nested_deep_are_still_flattened() -> None:
    """256 levels change nothing; deeper pages are still rewritten and read."""
    shallow = "<div>" * html._MAX_DEPTH + "<p>正文</p>" + "<p>x</p>" * 800
    deep = "<dıv>" * (html._MAX_DEPTH + 40) + "<p>正文</p>" + "<p>x</p>" * 800
    assert html._flatten_deep(shallow) == shallow
    assert html._flatten_deep(deep) != deep
    assert "正文" in to_lines(deep).lines


_MARKED = st.lists(
    st.tuples(
        st.sampled_from(["div", "span", "p", "h1", "a"]),
        st.sampled_from(["id", "class", "ID", "title"]),
        st.sampled_from(
            ["pubtime_baidu", "Source_Baidu", "position", " position x", "rwb_navpath", "pt",
             "z", "rm_txt", "TEXT_TITLE", "rwb_zw", "article_content", "click_div", "pos", ""]
        ),
    ),
    max_size=8,
).map(lambda items: "".join(f"<{t} {a}='{v}'>x<i class=z>y</i></{t}>" for t, a, v in items))  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(_MARKED, st.sampled_from(["", "<!DOCTYPE html>"]))
def test_layout_marks_cover_every_layout_selector(markup: str, doctype: str) -> None:
    """Whatever a layout selector matches, the cheap check sees (quirks too)."""
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser(doctype + "<html><body>" + markup).root
    assert root is not None
    selectors = (
        "#pubtime_baidu, #source_baidu, div.position, span#rwb_navpath, #pt .z, div#pt, "
        "div.rm_txt, div.text_title, #rwb_zw, #article_content, #click_div"
    )
    if root.css_first(selectors) is not None:
        assert html._layout_marked(html._scan(root))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PAGE_PARTS, _MARKED), max_size=16).map("".join))
def test_hints_agree_with_every_selector_asked(markup: str) -> None:
    """Skipping the Founder comments and the layout selectors changes nothing."""
    from selectolax.lexbor import LexborHTMLParser

    page = "<html><head><title>标题_某某网</title></head><body>" + markup
    root = LexborHTMLParser(page).root
    assert root is not None
    fast = html._hints(root, page)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html, "_layout_marked", lambda nodes: True)
        assert html._hints(root) == fast


def test_pieces_with_a_nul_are_cleaned_one_by_one() -> None:
    """A piece holding NUL (which Lexbor never gives) is cleaned on its own."""
    pieces = ["a\x00b", " c \t d ", "\x01\n", ""]
    expected = [html._SPACES.sub(" ", html._CONTROL.sub("", piece)) for piece in pieces]
    assert html._clean(pieces) == expected
    assert html._clean(pieces[1:]) == expected[1:]
    assert html._clean([]) == []


def test_render_ids_name_the_elements_they_stand_for() -> None:
    """The ids the walk compares stand for the same tags as the names."""
    from selectolax.lexbor import LexborHTMLParser

    unread_ids, block_ids, cell_ids, list_ids, br_id = html._render_ids()
    names = sorted(html._BLOCK | html._CELL | html._LISTS | html._SKIP | {"br", "span", "x-y"})
    page = "<!DOCTYPE html><!--c-->" + "".join(f"<{name}>y</{name}>" for name in names)
    root = LexborHTMLParser(page).root
    assert root is not None
    assert root.parent is not None
    for node in root.parent.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            assert node.tag_id not in unread_ids
            continue
        unread = tag is None or tag.startswith("-") or tag in html._SKIP
        assert (node.tag_id in unread_ids) == unread, tag
        assert (node.tag_id in block_ids) == (tag in html._BLOCK), tag
        assert (node.tag_id in cell_ids) == (tag in html._CELL), tag
        assert (node.tag_id in list_ids) == (tag in html._LISTS), tag
        assert (node.tag_id == br_id) == (tag == "br"), tag


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\f\va\xa0\u3000\x00", max_size=40))
def test_spaces_collapse_every_run_to_one_space(text: str) -> None:
    """The pattern that leaves lone spaces alone collapses like the plain one."""
    assert html._SPACES.sub(" ", text) == re.sub(r"[ \t\n\r\f\v]+", " ", text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PAGE_PARTS, st.just("\x00"), st.just("a\x00b")), max_size=12))
def test_nul_is_dropped_as_if_never_written(parts: list[str]) -> None:
    """NUL goes before parsing: a page reads as the page without it."""
    page = "<html><body>" + "".join(parts)
    assert to_lines(page) == to_lines(page.replace("\x00", ""))


def test_founder_word_is_read_in_the_text_as_given() -> None:
    """A comment whose word is cut by a lone surrogate is not a Founder one.

    Encoding drops the surrogate and joins the word in the bytes Lexbor
    reads; the text, as given, has no such word.
    """
    page = "<html><body><!--enpprop\ud800erty <title>题</title>--><p>正文</p>"
    rendered = to_lines(page)
    assert rendered.lines == ("正文",)
    assert "layout" not in rendered.hints
    assert to_lines(page.replace("\ud800", "")).hints["layout"] == "founder"


@pytest.mark.parametrize(
    "title",
    ["短_" + "很长的一段不是站名的文字" * 3, "甲_乙_" + "很长的一段不是站名的文字" * 3],
)
def test_title_ending_in_a_long_part_keeps_it(title: str) -> None:
    """A last part too long for a site name stays in the title: no site name."""
    assert split_site_name(title) == (title, "")
    hints = to_lines(f"<html><head><title>{title}</title></head><body><p>x</p>").hints
    assert hints["title"] == title
    assert "site_name" not in hints


def _flatten_by_substitution(text: str) -> str:
    # The first definition of _flatten_deep: every block tag through one
    # re.sub callback, deep ones replaced.
    depth = dropped = 0

    def visit(match: re.Match[str]) -> str:
        nonlocal depth, dropped
        if match.group(1):
            if dropped:
                dropped -= 1
                return "<br>"
            depth = max(0, depth - 1)
            return match.group()
        if depth >= html._MAX_DEPTH:
            dropped += 1
            return "<br>"
        depth += 1
        return match.group()

    return html._DEEP.sub(visit, text)


@given(
    st.lists(
        st.sampled_from(["<div>", "</div>", "<ul>", "</ul>", "<li>", "x", "</p>", "<section a>"]),
        max_size=1200,
    )
)
def test_flattening_cuts_only_at_deep_tags(parts: list[str]) -> None:
    """Deep block tags become <br> exactly as the substitution made them."""
    text = "<div>" * (html._MAX_DEPTH - 8) + "".join(parts)  # near the limit, both ways
    assert html._flatten_deep(text) == _flatten_by_substitution(text)


def test_dense_markup_is_rendered_from_its_text() -> None:
    """Past DENSE_TAGS tags a page is read without a tree: text kept, layout not."""
    cells = "<tr><td>甲</td><td>乙</td></tr>" * (html.DENSE_TAGS // 6 + 1)
    page = (
        f"<html><body><script>var x = '<p>不是正文</p>';</script><p>标题&amp;正文</p><table>{cells}"
    )
    rendered = to_lines(page)
    assert rendered.lines[0] == "标题&正文"
    assert set(rendered.lines[1:]) == {"甲 | 乙"}  # a row a line, as from a tree
    assert "不是正文" not in "".join(rendered.lines)
    assert rendered.hints == {}
    assert len(rendered.warnings) == 1
    assert "without a document tree" in govnews.parse(page).warnings[0]


@given(
    st.lists(
        st.sampled_from(
            ["<script>", "</script>", "<!--", "-->", "<style>", "</STYLE >", "正文", "<p>"]
        ),
        max_size=60,
    )
)
def test_cutting_hidden_blocks_keeps_text_outside_them(parts: list[str]) -> None:
    """What the cut keeps is never inside a comment, script or style, and text before any is kept."""
    text = "".join(parts)
    kept = html._cut_hidden(text)
    first = html._CUT_OPEN.search(text)
    prefix = text if first is None else text[: first.start()]
    assert kept.startswith(prefix)
    assert len(kept) <= len(text)


# ---------------------------------------------------------------- to_lines as it was


def _reference_to_lines(text: str) -> html.Rendered:
    """:func:`to_lines` before the tree was freed ahead of the lines and the
    tag count moved ahead of the search for deep block tags. Dense pages go
    to today's :func:`html._render_dense`, whose change is checked below."""
    from selectolax.lexbor import LexborHTMLParser

    data = text.encode("utf-8", "ignore")
    if b"\x00" in data:
        text = text.replace("\x00", "")
        data = data.replace(b"\x00", b"")
    if data.count(b"<") > html.DENSE_TAGS:
        return html._render_dense(text)
    if html._may_nest_deep(data) and data.count(b"<") > 4 * html._MAX_DEPTH:
        text = html._flatten_deep(text)
        data = text.encode("utf-8", "ignore")
    root = LexborHTMLParser(data).root
    if root is None:
        return html.Rendered(())
    source = text if b"enpproperty" in data else ""
    return html.Rendered(tuple(_reference_render(root)), html._hints(root, source))


_DEEP_PAGES = st.tuples(
    st.sampled_from(["div", "DIV", "dıv", "section", "span", "p"]),
    st.integers(0, 700),
    st.lists(_PAGE_PARTS, max_size=8).map("".join),
    st.sampled_from(["", "<p>x</p>" * 600]),
).map(lambda p: f"<html><body>{f'<{p[0]}>' * p[1]}{p[2]}{p[3]}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_PAGES, _MARKUP, _DEEP_PAGES))
def test_to_lines_agrees_with_its_former_self(page: str) -> None:
    assert _reference_to_lines(page) == to_lines(page)


def test_to_lines_agrees_with_its_former_self_on_composed_pages_and_examples() -> None:
    """Every composed page in every variant, and the example dumps as HTML."""
    texts = [govnews.decode(page.data).text for page in _all_pages()]
    for path in sorted(pathlib.Path(compose.EXAMPLES).glob("*.txt")):
        lines = path.read_text("utf-8").splitlines()
        texts.append("<html><body>" + "".join(f"<p>{line}</p>" for line in lines))
    for text in texts:
        assert _reference_to_lines(text) == to_lines(text)


def _former_dense_lines(text: str) -> tuple[str, ...]:
    """The dense rendering before table cells were joined: every cell a line."""
    from html import unescape as unescape_entities

    text = re.sub(r"</?t[dh]\b[^<>]{0,2000}>", "\n", html._cut_hidden(text), flags=re.I)
    text = html._DENSE_TAG.sub("", html._DENSE_BLOCK.sub("\n", text))
    lines = (
        html._SPACES.sub(" ", html._CONTROL.sub("", unescape_entities(line))).strip()
        for line in text.split("\n")
    )
    return tuple(line for line in lines if line)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_PAGES, _MARKUP))
def test_dense_rendering_changed_only_for_table_cells(page: str) -> None:
    """Without cells the dense lines are what they were; with cells, each line
    is the former lines of its cells joined."""
    page = page.replace("\x00", "")
    dense = html._render_dense(page).lines
    if not re.search(r"<t[dh]\b", page, re.I):
        assert dense == _former_dense_lines(page)
    else:
        cells = [cell for line in dense for cell in line.split(" | ")]
        assert "".join(cells).replace(" ", "") == "".join(_former_dense_lines(page)).replace(
            " ", ""
        )


def test_dense_table_rows_are_lines_of_cells() -> None:
    """Blank cells are left out, a cell's spaces trimmed, entities resolved."""
    row = "<tr><td>甲</td><td> 乙 </td><td>&nbsp;</td><TH class=x>丙&amp;丁</TH></tr>"
    page = f"<p>表前</p><table>{row * 3}</table>尾"
    assert html._render_dense(page).lines == ("表前", *["甲 | 乙 | 丙&丁"] * 3, "尾")
