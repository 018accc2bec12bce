"""The layout finder and the site templates, on pages composed from parts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govnews
from govnews import Role
from govnews.templates import TEMPLATES, Page, choose
from tests import strategies

moments = st.datetimes(min_value=dt.datetime(2005, 1, 1), max_value=dt.datetime(2025, 12, 31)).map(
    lambda m: m.replace(microsecond=0)
)
TITLES = [
    "全省疫情防控工作会议召开",
    "省委常委会召开会议",
    "关于做好春节期间安全生产工作的通知",
    "省政府与企业签署战略合作协议",
    "全力守护群众生命安全和身体健康",
]
SOURCES = ["江西日报", "吉林日报", "中国江西网", "县政府办", "人民网"]
HEADER = ["设为首页 | 加入收藏", "新闻热线", "0791-86849275"]
FOOTER = [
    "相关新闻",
    "版权与免责声明",
    "1、本网所载的文/图等稿件均出于为公众传播有益资讯信息之目的。",
    "※联系方式:电话:0791-86849032",
    "增值电信业务经营许可证编号:赣B2--20100072 备案号:赣ICP备05005386号-1",
]


@st.composite
def pages(draw: st.DrawFn) -> dict[str, object]:
    """A page in the common layout, with the fields it was built from."""
    title = draw(st.sampled_from(TITLES))
    source = draw(st.sampled_from(SOURCES))
    author = draw(strategies.name)
    editor = draw(strategies.name)
    reporter = draw(strategies.name)
    moment = draw(moments)
    with_header = draw(st.booleans())
    with_title = draw(st.booleans())
    meta_after = draw(st.booleans())
    with_footer = draw(st.booleans())
    paragraphs = draw(st.lists(strategies.paragraph, min_size=1, max_size=5))
    paragraphs[0] = f"本报讯(记者{reporter}){paragraphs[0]}"
    parts = [("来源", source), ("作者", author), ("编辑", editor)]
    order = draw(st.permutations(parts))
    meta = f"{moment:%Y-%m-%d %H:%M:%S}    " + "    ".join(f"{k}:{v}" for k, v in order)
    lines: list[str] = []
    if with_header:
        lines += [*HEADER, "您当前的位置 : 大江网  >  江西新闻网  >  江西时政"]
    if with_title:
        lines.append(title)
    if not meta_after:
        lines.append(meta)
    lines += paragraphs
    if meta_after:
        lines.append(meta)
    if with_footer:
        lines += FOOTER
    return {
        "text": "\n".join(lines),
        "title": title if with_title else None,
        "source": source,
        "author": author,
        "editor": editor,
        "reporter": reporter,
        "moment": moment,
        "paragraphs": paragraphs,
        "lines": lines,
    }


@given(pages())
def test_composed_pages_give_their_fields(page: dict[str, object]) -> None:
    """Title, meta fields, dateline reporter and body come back from any arrangement."""
    article = govnews.parse(str(page["text"]))
    assert page["title"] == article.title
    assert page["source"] == article.source
    assert (page["author"],) == article.authors
    assert (page["editor"],) == article.editors
    assert (page["reporter"],) == article.reporters
    moment = page["moment"]
    assert isinstance(moment, dt.datetime)
    assert moment.replace(tzinfo=govnews.BEIJING) == article.published_at
    assert tuple(page["paragraphs"]) == article.paragraphs  # type: ignore[arg-type]


@given(pages())
def test_every_line_gets_one_role(page: dict[str, object]) -> None:
    """Each input line has exactly one role, and footer lines never become body."""
    article = govnews.parse(str(page["text"]))
    assert len(article.lines) == len(page["lines"])  # type: ignore[arg-type]
    for line in article.lines:
        assert isinstance(line.role, Role)
        if line.raw in FOOTER or line.raw in HEADER:
            assert line.role is not Role.BODY


@given(pages(), st.integers(min_value=1, max_value=60))
def test_truncated_pages_parse(page: dict[str, object], cut: int) -> None:
    """A page cut off mid-body still parses, without invented fields."""
    text = str(page["text"])
    body_end = text.find(str(page["paragraphs"][-1]))  # type: ignore[index]
    truncated = text[: body_end + cut] if body_end > 0 else text[:cut]
    if not truncated.strip():
        return
    article = govnews.parse(truncated)
    for name in article.authors + article.editors + article.reporters:
        assert name in (page["author"], page["editor"], page["reporter"])


def test_body_only_page_has_no_headline() -> None:
    """A page of running text alone gives paragraphs and nothing else."""
    text = "本报讯 今天上午,全省安全生产工作会议在南昌召开,会议总结了去年的工作。\n会议要求各地各部门认真落实安全生产责任,坚决遏制重特大事故发生。"
    article = govnews.parse(text)
    assert (None, None, None, None) == (
        article.title,
        article.kicker,
        article.source,
        article.published_date,
    )
    assert 2 == len(article.paragraphs)


def test_page_without_title_line() -> None:
    """A page whose dump starts at its meta line has no title, and all else."""
    text = "2021年01月23日13:29 来源:吉林日报\n本报1月22日讯(记者黄鹭)今天,省委召开会议。\n会议强调,要抓紧抓实各项工作。"
    article = govnews.parse(text)
    assert article.title is None
    assert "吉林日报" == article.source
    assert ("黄鹭",) == article.reporters


def test_headline_block_roles() -> None:
    """A kicker ending in 强调, a two-line title and a subtitle naming another speaker."""
    text = "\n".join(
        [
            "刘奇在指挥调度疫情防控工作时强调",
            "加强梯队建设 统筹力量使用",
            "做细做实打持久战消耗战各项工作",
            "林彬杨在九江分会场作汇报",
            "2月7日,省委书记刘奇在省疫情防控应急指挥部召开调度会,部署推进重点工作,会议强调要加强防控。",
        ]
    )
    article = govnews.parse(text)
    assert "刘奇在指挥调度疫情防控工作时强调" == article.kicker
    assert "加强梯队建设 统筹力量使用 做细做实打持久战消耗战各项工作" == article.title
    assert "林彬杨在九江分会场作汇报" == article.subtitle
    assert article.published_date is None


def test_discuz_poster_is_not_an_author() -> None:
    """发布者 is the posting account; 来自 is the source."""
    text = "抗击疫情\n2020-2-6 17:10| 发布者: cs小编网网| 评论: 0|来自: 亮丽城郊\n正文第一段,记录了基层干部的工作情况。"
    article = govnews.parse(text)
    assert ("discuz", "cs小编网网", "亮丽城郊", ()) == (
        article.site,
        article.poster,
        article.source,
        article.authors,
    )


def test_people_editor_line() -> None:
    """The (责编:…) line after a people.cn body gives the editors."""
    text = "2021年01月23日13:29 来源:吉林日报\n本报讯(记者黄鹭)今天,省委召开会议,部署了下一阶段的工作。\n(责编:王明、李红)"
    article = govnews.parse(text, url="http://jl.people.com.cn/n2/2021/0123/c349771-34543210.html")
    assert ("people", ("王明", "李红")) == (article.site, article.editors)
    assert 1 == len(article.paragraphs)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://jiangxi.jxnews.com.cn/system/2021/01/22/019168960.shtml", "jxnews"),
        ("https://jj.jxnews.com.cn/system/2020/02/08/018750237.shtml", "jxnews-channel"),
        ("http://px.jxnews.com.cn/system/2020/02/08/018750238.shtml", "jxnews-channel"),
        ("http://jl.people.com.cn/n2/2021/0123/c349771-34543210.html", "people"),
        ("http://m.example.com/n1/2021/0123/c117005-32009617.html", "people"),
        ("http://www.cs0799.com/portal.php?aid=23736&mod=view", "discuz"),
        ("http://b1fwbu.cn/news/2022/0910/20220910104041.html", "reprint"),
        ("https://www.example.gov.cn/art/2022/1/5/art_1_2.html", "generic"),
    ],
)
def test_template_by_url(url: str, site: str) -> None:
    """The URL picks the template when it names the site or has its path shape."""
    page = Page(lines=("x",), keys=("x",), url=url)
    template, reason = choose(page)
    assert site == template.name
    assert reason


def test_generic_is_last() -> None:
    """The generic template is the fallback, tried last."""
    assert "generic" == TEMPLATES[-1].name
    assert len({t.name for t in TEMPLATES}) == len(TEMPLATES)
