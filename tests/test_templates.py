"""The layout finder and the site templates, on pages composed from parts."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govnews
from govnews import Role, fields
from govnews.templates import TEMPLATES, Page, Template, base, choose
from tests import compose, strategies

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


# -- the fast paths against the patterns they replaced ---------------------
#
# The line classifiers were rewritten for speed: anchor sets split into the
# branches searched anywhere and the branches that open a line, a gate before
# a slow pattern, string methods for a regex. Each answers as the single
# pattern it replaced did; the oracles below are those patterns and that
# code, as they stood before.

_OLD_GARBAGE = re.compile(r"^[\s|!\[\]()<>#*_\-=~.·•:]*$")
_OLD_IMAGES = r"[\s|]*(?:!\[[^\]]*\]\([^)]*\)[\s|]*)+"
_OLD_NAVIGATION = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^\s*(?:加入收藏|设为首页|进入旧版|返回首页|打印本页|关闭窗口|【打印】|【关闭】)",
            r"^\s*字体\s*[:：]",
            r"^\s*(?:字号|浏览字号)\s*[:：]",
            r"^\s*分享到\s*[:：]?",
            r"^\s*分享让更多人看到",
            r"^\s*分享\s*$",
            r"^\s*【\s*字体\s*[:：]",
            r"^\s*【(?:打印本页|关闭窗口|打印|关闭|收藏)】",
            r"^\s*(?:鲜花|握手|雷人|路过|鸡蛋)\s*$",
            r"^\s*(?:上一篇|下一篇)\s*[:：]",
            r"^\s*【?(?:大|中|小)\s+(?:大|中|小)\s+(?:大|中|小)】?\s*$",
        )
    )
)
_OLD_PROMO = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"扫一扫",
            r"微信公众号",
            r"更多(?:相关)?新闻及资讯请关注",
            r"手机报",
            r"爆料投诉",
            r"^\s*(?:新闻热线|广告热线|投稿邮箱|联系电话)\s*[:：]?",
            r"^\s*[\d\-]{7,14}\s*$",
            r"下载.{0,6}客户端",
        )
    )
)
_OLD_DISCLAIMER = re.compile(r"(?:版权与免责声明)|(?:免责声明)|(?:版权声明)|(?:本网所载的?文)")
_OLD_RELATED = re.compile(
    r"^\s*(?:相关新闻|相关专题|相关阅读|相关链接|相关分类|相关文章|延伸阅读|推荐阅读|热点推荐|热门推荐)"
    r"\s*[|｜]?\s*$"
)
_OLD_FOOTER = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"增值电信业务经营许可证",
            r"ICP备",
            r"备案号",
            r"版权所有",
            r"[Cc]opyright",
            r"©",
            r"关于我们",
            r"网站地图",
            r"广告服务",
            r"举报中心",
            r"主办单位\s*[:：]",
            r"网站标识码",
            r"^\s*-\s*电子报\s*-\s*$",
        )
    )
)
_OLD_DISCLAIMER_END = re.compile(r"※\s*联系方式")
_OLD_CAPTION = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^\s*[▲△■]",
            r"^\s*图为",
            r"^\s*[(（]?图\s*[:：]",
            r"摄影\s*[|｜:：]",
            r"[(（][^()（）]{1,20}\s*摄[)）]\s*$",
        )
    )
)
_OLD_SUMMARY = re.compile(r"^\s*【?(?:内容)?摘要】?\s*[:：]\s*")
_OLD_ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[:：]\s*")
_OLD_SENTENCE_END = re.compile(r"[。!?！？;；]\s*$|[。][”\"]?\s*$")
_OLD_BREADCRUMB = re.compile(
    r"(?:您当前的位置|您现在的位置|当前位置|所在位置|您的位置|现在位置)\s{0,3}[:：]?\s{0,3}"
    r"|^\s{0,8}位置\s{0,3}[:：]\s{0,3}"
)
_OLD_CRUMB_SPLIT = re.compile(r"(?:>>|>|›|»|→|＞)")


def _old_is_breadcrumb(key: str) -> bool:
    if len(key) >= 160:
        return False
    if _OLD_BREADCRUMB.search(key):
        return True
    separators = _OLD_CRUMB_SPLIT.findall(key)
    return (
        len(key) <= 80
        and (len(separators) >= 2 or ">>" in key)
        and not _OLD_SENTENCE_END.search(key)
        and bool(re.match(r"\s*(?:首页|网站首页|主页|[^\s>]{1,12}\s*(?:>>|>|›|»))", key))
    )


def _old_discuz_is_breadcrumb(key: str) -> bool:
    return (bool(re.search(r"\s查看内容\s*$", key)) and len(key) < 160) or _old_is_breadcrumb(key)


def _old_role_of_chrome(key: str, is_breadcrumb: Callable[[str], bool]) -> Role | None:
    if not key.strip():
        return Role.BLANK
    if _OLD_GARBAGE.match(key) or re.fullmatch(_OLD_IMAGES, key):
        return Role.GARBAGE
    if is_breadcrumb(key):
        return Role.BREADCRUMB
    if _OLD_NAVIGATION.search(key):
        return Role.NAVIGATION
    if _OLD_PROMO.search(key):
        return Role.PROMO
    return None


def _old_footer_role(key: str) -> Role | None:
    if _OLD_DISCLAIMER.search(key) or _OLD_DISCLAIMER_END.search(key):
        return Role.DISCLAIMER
    if _OLD_RELATED.search(key):
        return Role.RELATED
    if _OLD_FOOTER.search(key):
        return Role.FOOTER
    return None


def _old_meta_role(key: str) -> Role | None:
    """What the old mark_meta gave an open line above the footer."""
    if _OLD_SUMMARY.match(key):
        return Role.SUMMARY
    if _OLD_ORIGINAL_TITLE.match(key):
        return Role.META
    if _OLD_CAPTION.search(key) and len(key) < 120:
        return Role.CAPTION
    if _GENERIC.is_meta(key):
        return Role.META
    return None


_OLD_LABEL = re.compile(
    r"(?:^|(?<=[\s|(\[【｜/\d]))(?P<label>"
    + "|".join(sorted(fields.LABELS, key=len, reverse=True))
    + r")\s{0,3}[:：]\s{0,3}"
)


def _old_read_labels(key: str, text: str) -> list[fields.Labelled]:
    source = text if len(text) == len(key) else key
    matches = list(_OLD_LABEL.finditer(key))
    found = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(key)
        value = source[match.end() : end].strip(fields._EDGE)
        label = match.group("label")
        found.append(fields.Labelled(fields.LABELS[label], label, value))
    return found


# Pieces of lines: every anchor of every set, the characters around them,
# white space of several kinds, and plain text, so that random joins make
# lines that nearly match, match at the start or in the middle, or twice.
def _words(text: str) -> list[str]:
    """The space-separated pieces of a text."""
    return text.split()


_PIECES = [
    *_words(
        "加入收藏 设为首页 打印本页 【打印】 【关闭】 【收藏】 字体 字号 浏览字号 分享到 分享 分享让更多人看到"
    ),
    *_words(
        "鲜花 握手 雷人 路过 鸡蛋 上一篇 下一篇 大 中 小 扫一扫 微信公众号 更多相关新闻及资讯请关注 更多"
    ),
    *_words(
        "手机报 爆料投诉 新闻热线 广告热线 投稿邮箱 联系电话 0791-86849275 下载 客户端 版权与免责声明"
    ),
    *_words(
        "免责声明 版权声明 本网所载的文 本网所载文 ※ 联系方式 相关新闻 相关分类 热点推荐 增值电信业务经营许可证"
    ),
    *_words(
        "ICP备 备案号 版权所有 Copyright copyright COPYRIGHT © 关于我们 网站地图 主办单位 网站标识码 电子报"
    ),
    *_words(
        "▲ △ ■ 图为 图 摄影 摄 记者 通讯员 陈七 摘要 内容 【 】 原标题 位置 您当前的位置 当前位置 首页 >> > › » → ＞"
    ),
    *_words(
        '。 ! ? ！ ？ ; ； ” " : ： | ｜ ( ) （ ） [ ] ![图](a.jpg) - — _ = ~ . · • # * < 2021 2021-01-22 19 20 年 月 日'
    ),
    *_words(
        "来源 作者 编辑 责任编辑 时间 发布者 江西日报 会议 强调 全省 工作 查看内容 人民网 学习大国 吉林频道"
    ),
    *_words(
        "进入旧版 返回首页 关闭窗口 【打印本页】 【关闭窗口】 延伸阅读 推荐阅读 热门推荐 相关专题 相关阅读"
    ),
    *_words(
        "相关链接 相关文章 广告服务 举报中心 您现在的位置 所在位置 您的位置 现在位置 网站首页 主页 特约记者"
    ),
    *_words(
        "实习生 本报 特约 日报 晚报 新闻网 网 电视台 完 责编 点击数 浏览次数 原作者 来自 撰稿 审核 校对"
    ),
    " ",
    "  ",
    "\t",
    "\u3000",
    "\xa0",
    "\n",
    "x",
]
lines = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=10).map("".join),
    st.tuples(
        st.sampled_from(["", " ", "  \t", "\u3000"]),
        st.sampled_from(_PIECES),
        st.sampled_from(["", " ", "|", " ｜ ", ":", "：正文", "\n"]),
    ).map("".join),
)
_GENERIC = TEMPLATES[-1]
_DISCUZ = next(t for t in TEMPLATES if t.name == "discuz")


@settings(max_examples=400)
@given(lines)
def test_chrome_roles_as_before(key: str) -> None:
    """role_of_chrome gives every line the role the single patterns gave it."""
    assert _old_role_of_chrome(key, _old_is_breadcrumb) == _GENERIC.role_of_chrome(key)
    assert _old_role_of_chrome(key, _old_discuz_is_breadcrumb) == _DISCUZ.role_of_chrome(key)


@settings(max_examples=400)
@given(lines)
def test_footer_roles_as_before(key: str) -> None:
    """footer_role, gated by one search and one match, answers as the three patterns did."""
    assert _old_footer_role(key) == _GENERIC.footer_role(key)


@settings(max_examples=400)
@given(lines)
def test_meta_roles_as_before(key: str) -> None:
    """mark_meta's one opening match gives summary, original title and caption as before."""
    roles: list[Role | None] = [None]
    _GENERIC.mark_meta(Page(lines=(key,), keys=(key,)), roles, 1)
    assert _old_meta_role(key) == roles[0]


@settings(max_examples=400)
@given(lines)
def test_sentence_end_and_garbage_by_string_methods(key: str) -> None:
    """ends_sentence and the residue check answer as their regexes."""
    assert bool(_OLD_SENTENCE_END.search(key)) == base.ends_sentence(key)
    assert bool(_OLD_GARBAGE.match(key)) == (not key.lstrip().lstrip(base.GARBAGE_CHARS))
    assert _old_is_breadcrumb(key) == _GENERIC.is_breadcrumb(key)


@settings(max_examples=400)
@given(lines, st.booleans())
def test_labels_as_before(key: str, same_text: bool) -> None:
    """read_labels, gated on a colon and cached, reads the same labelled values."""
    text = key if same_text else key.replace("来源", "來源")
    assert _old_read_labels(key, text) == fields.read_labels(key, text)


def test_whitespace_is_what_the_regex_calls_white_space() -> None:
    """WHITESPACE holds exactly the characters that ``\\s``, isspace and strip agree on."""
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert spaces == set(base.WHITESPACE)
    assert all(re.fullmatch(r"\s", c) for c in spaces)
    assert "" == base.WHITESPACE.strip()


def test_fast_paths_agree_on_real_lines() -> None:
    """Every line of the example and composed pages gets the same answers from both forms."""
    texts = [path.read_text("utf-8") for path in sorted(strategies.EXAMPLES.glob("*.txt"))]
    texts += [composed.dump for composed in compose.pages()]
    keys = {line.text for text in texts for line in govnews.parse(text).lines}
    assert len(keys) > 150
    for key in keys:
        roles: list[Role | None] = [None]
        _GENERIC.mark_meta(Page(lines=(key,), keys=(key,)), roles, 1)
        assert _old_meta_role(key) == roles[0]
        assert _old_role_of_chrome(key, _old_is_breadcrumb) == _GENERIC.role_of_chrome(key)
        assert _old_role_of_chrome(key, _old_discuz_is_breadcrumb) == _DISCUZ.role_of_chrome(key)
        assert _old_footer_role(key) == _GENERIC.footer_role(key)
        assert _old_read_labels(key, key) == fields.read_labels(key, key)
        assert bool(_OLD_SENTENCE_END.search(key)) == base.ends_sentence(key)


def test_fast_paths_agree_on_every_piece() -> None:
    """Each anchor alone, padded, or followed by a bar or a colon, is read as before."""
    for piece in _PIECES:
        for before in ("", "  ", "\u3000"):
            for after in ("", " ", " |", ":", "：正文", "。"):
                key = before + piece + after
                roles: list[Role | None] = [None]
                _GENERIC.mark_meta(Page(lines=(key,), keys=(key,)), roles, 1)
                assert _old_meta_role(key) == roles[0], key
                assert _old_role_of_chrome(key, _old_is_breadcrumb) == _GENERIC.role_of_chrome(key)
                assert _old_footer_role(key) == _GENERIC.footer_role(key), key
                assert _old_read_labels(key, key) == fields.read_labels(key, key), key


def _old_claims_page(template: Template, page: Page) -> str | None:
    if template.signature is None:
        return None
    head = "\n".join(page.keys[:60])
    tail = "\n".join(page.keys[-60:]) if len(page.keys) > 60 else ""
    match = template.signature.search(head) or (template.signature.search(tail) if tail else None)
    return f"page text has {match.group().strip()!r}" if match else None


_SIGNATURE_PIECES = [
    "大江网",
    "中国江西网",
    "江西新闻网",
    "频道版权与免责声明",
    "版权与免责声明",
    "(中国江西网)",
    '讯"的所有文字',
    "您当前的位置",
    "您现在的位置",
    ":",
    "首页",
    ">>",
    "来源",
    "江西日报",
    "作者",
    "魏星",
    "时间",
    "2021年01月23日",
    "13:29",
    "2020-2-1 12:00",
    "|",
    "发布者",
    "查看内容",
    "Powered by Discuz",
    "学习大国",
    "人民网",
    "吉林频道",
    " ",
    "  ",
    "\n",
    "正文",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_SIGNATURE_PIECES), max_size=25).map("".join))
def test_signature_needs_never_hide_a_signature(text: str) -> None:
    """Each template's signature is found wherever it was, with the literal look-first."""
    keys = tuple(text.split("\n"))
    page = Page(lines=keys, keys=keys)
    for template in TEMPLATES:
        if template.signature is not None and template.signature.search(text):
            assert template.may_sign(text), template.name
        assert _old_claims_page(template, page) == template.claims_page(page)


def test_signatures_on_real_pages() -> None:
    """Every composed page is claimed by the same template, with the same reason, as before."""
    for composed in compose.pages():
        for text in (composed.dump, composed.html):
            keys = tuple(text.split("\n"))
            page = Page(lines=keys, keys=keys)
            for template in TEMPLATES:
                assert _old_claims_page(template, page) == template.claims_page(page)


_OLD_DATELINE = re.compile(
    r"^.{0,40}?[(（【\[]\s{0,2}(?P<credits>(?:记者|通讯员|实习生|特约记者)[^)）】\]]{1,60})[)）】\]]"
)


@settings(max_examples=300)
@given(lines)
def test_dateline_look_first(key: str) -> None:
    """A line with no 记者, 通讯员 or 实习生 has no dateline credit, as the pattern says."""
    if _OLD_DATELINE.match(key) is None:
        assert {} == fields.dateline_people(key, key)
    else:
        assert "记者" in key or "通讯员" in key or "实习生" in key
