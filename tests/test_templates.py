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


JXNEWS_VARIANT = """您当前的位置 : 大江网(中国江西网)  >  江西新闻网  >  江西要闻
全省经济工作会议在南昌召开
——奋力谱写全面建设社会主义现代化国家江西篇章
2022-12-20 07:12:33    来源:江西日报
编辑:王一    作者:李二 张三
字体:   | 大江论坛 | 评论(
      本报讯(记者李二 张三 通讯员刘五)12月19日,全省经济工作会议在南昌召开。会议深入学习贯彻党的二十大精神。
      会议指出,今年以来全省上下坚持稳中求进工作总基调。
    江西日报
相关新闻
大江网(中国江西网)版权与免责声明"""

PEOPLE_NEW_LAYOUT = """吉林频道 >> 要闻
政府工作报告解读
吉林:奋力推进高质量发展
——省政协十三届一次会议开幕
2024年01月06日08:28 | 来源:人民网－吉林频道
人民网长春1月6日电 (记者 王某某)1月5日上午,政协吉林省第十三届委员会第一次会议在长春开幕。
会议号召全省各级政协组织和广大政协委员,凝心聚力、担当作为。
(责编:刘洋、陈阳)
分享让更多人看到"""

GOVERNMENT_CMS = """首页 > 政务公开 > 工作动态
县委召开常委会会议研究部署安全生产工作
发布时间：2022-01-05 10:00:00 来源：县人民政府办公室 浏览次数：123 【字体：大 中 小】【打印】【关闭】
　　1月4日，县委书记张某主持召开县委常委会会议，传达学习全省安全生产电视电话会议精神。
　　会议强调，各级各部门要压紧压实安全生产责任。
（责任编辑：李某某）
主办单位：某某县人民政府 网站标识码：3601000001 赣ICP备12345678号"""


def test_jxnews_dash_subtitle_and_correspondent() -> None:
    """A —— subtitle, two authors, and a correspondent in the dateline."""
    article = govnews.parse(JXNEWS_VARIANT)
    assert ("jxnews", None) == (article.site, article.kicker)
    assert "全省经济工作会议在南昌召开" == article.title
    assert "奋力谱写全面建设社会主义现代化国家江西篇章" == article.subtitle
    assert (("李二", "张三"), ("李二", "张三"), ("刘五",)) == (
        article.authors,
        article.reporters,
        article.correspondents,
    )
    assert 2 == len(article.paragraphs)


def test_people_new_layout() -> None:
    """The rm_txt layout: 引题, title, —— subtitle, `date | 来源:`, (责编:…) closing."""
    url = "http://jl.people.com.cn/n2/2024/0106/c349771-40705322.html"
    article = govnews.parse(PEOPLE_NEW_LAYOUT, url=url)
    assert ("政府工作报告解读", "吉林:奋力推进高质量发展", "省政协十三届一次会议开幕") == (
        article.kicker,
        article.title,
        article.subtitle,
    )
    assert ("人民网－吉林频道", ("刘洋", "陈阳"), ("王某某",)) == (
        article.source,
        article.editors,
        article.reporters,
    )
    assert ("吉林频道", "要闻") == article.breadcrumb
    assert 2 == len(article.paragraphs)
    assert Role.NAVIGATION is article.lines[-1].role


def test_government_cms_page() -> None:
    """A TRS-style page with full-width labels, read by labels alone."""
    article = govnews.parse(GOVERNMENT_CMS)
    assert "generic" == article.site
    assert "县委召开常委会会议研究部署安全生产工作" == article.title
    assert "县人民政府办公室" == article.source
    assert ("李某某",) == article.editors
    assert "2022-01-05T10:00:00+08:00" == article.published_at.isoformat()  # type: ignore[union-attr]
    assert 2 == len(article.paragraphs)
    assert Role.FOOTER is article.lines[-1].role


def test_discuz_original_author_and_views() -> None:
    """原作者 is the author; 查看 and 评论 counts are ignored."""
    text = (
        "萍乡城事网 门户 城事资讯 查看内容\n我市召开疫情防控工作调度会\n"
        "2020-2-6 17:10| 发布者: cs小编网网| 查看: 512| 评论: 0|原作者: 李明|来自: 萍乡日报\n"
        "  2月5日下午,市委书记主持召开全市疫情防控工作调度会。\n鲜花\n握手\n相关分类"
    )
    article = govnews.parse(text)
    assert ("discuz", ("李明",), "萍乡日报", "cs小编网网") == (
        article.site,
        article.authors,
        article.source,
        article.poster,
    )
    assert 1 == len(article.paragraphs)


def test_original_title_line() -> None:
    """A 原标题 line gives original_title and stays out of the body."""
    text = (
        "省委常委会召开会议\n来源:江西日报 作者:魏星 时间:2022-09-10\n"
        "原标题:省委常委会召开扩大会议\n9月9日,省委常委会召开会议。"
    )
    article = govnews.parse(text)
    assert "省委常委会召开扩大会议" == article.original_title
    assert ("9月9日,省委常委会召开会议。",) == article.paragraphs


def test_caption_photographer_without_job_title() -> None:
    """(记者陈七 摄) names the photographer 陈七; the caption stays out of the body."""
    text = "标题\n正文第一段,很长的内容在这里写着。\n图为会议现场。(记者陈七 摄)\n第二段。"
    article = govnews.parse(text)
    assert (("陈七",), ("图为会议现场。(记者陈七 摄)",)) == (
        article.photographers,
        article.captions,
    )
    assert ("正文第一段,很长的内容在这里写着。", "第二段。") == article.paragraphs
