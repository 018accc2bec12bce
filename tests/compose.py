"""Compose HTML pages of the site families for tests and benchmarks.

No real saved pages of these sites are at hand, so the tests build their own
from article fields, following the markup that ../shared/templates.md
confirms (only its [C] and [S] facts are relied on). Each page comes with the
crawl-style text dump of the same page (tables as `` | `` cells, link-only
lists dropped), so a test can check that the HTML and its text give the same
Article.

A page is a list of :class:`Block` s: an HTML fragment and the dump lines it
renders to. Chrome that a crawl drops (menus, related-news lists) has no
dump lines. Article texts come from the project's own seed dumps in
``examples/``.

Use :func:`pages` for every composed page in every encoding variant, or
:func:`page` for one.
"""

from __future__ import annotations

import functools
import glob
import os
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import govnews
from govnews.repair.lexicon import to_simplified

__all__ = [
    "BUILDERS",
    "VARIANTS",
    "Block",
    "Composed",
    "Story",
    "build",
    "encode",
    "page",
    "pages",
    "stories",
]

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")


@dataclass(frozen=True)
class Story:
    """The fields of one article, as a page shows them."""

    title_lines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    kicker: str | None = None
    subtitle: str | None = None
    published: str | None = None  # as the site writes it
    source: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    breadcrumb: tuple[str, ...] = ()
    summary: str | None = None
    poster: str | None = None
    caption: str | None = None

    @property
    def title(self) -> str:
        return " ".join(self.title_lines)


@dataclass(frozen=True)
class Block:
    """An HTML fragment and the dump lines it renders to."""

    html: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Composed:
    """One composed page: its text, its bytes, and what it says."""

    name: str
    template: str
    url: str
    story: Story
    html: str
    dump: str
    variant: str = "utf-8"
    data: bytes = b""
    traditional: bool = False
    expected: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- article texts

_WIDE = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})


def _unfold(text: str) -> str:
    """Put the full-width punctuation the dumps folded back between Chinese text."""
    return re.sub(
        r"(?<=[\u4e00-\u9fff”’）)])[,:;!?]|[()](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[()]",
        lambda m: m.group().translate(_WIDE),
        text,
    )


@functools.cache
def _seed_paragraphs(prefix: str) -> tuple[str, ...]:
    path = sorted(glob.glob(os.path.join(EXAMPLES, prefix + "_*.txt")))[0]
    with open(path, encoding="utf-8") as handle:
        article = govnews.parse(handle.read())
    out = []
    for text in article.paragraphs:
        if "\ufffd" in text or "?" in text or not re.search(r"[。”！)]$", text):
            continue
        out.append(_unfold(text))
    return tuple(out)


@functools.cache
def stories() -> dict[str, Story]:
    """The articles the pages carry, by name."""
    p0, p1, p2 = _seed_paragraphs("000"), _seed_paragraphs("001"), _seed_paragraphs("002")
    p3, p4 = _seed_paragraphs("003"), _seed_paragraphs("004")
    return {
        "jxnews": Story(
            kicker="易炼红检查调研疫情防控工作时强调",
            title_lines=("始终坚持科学务实精准防控", "全力守护群众生命安全和身体健康"),
            paragraphs=p0,
            published="2021-01-22 05:24:11",
            source="江西日报",
            authors=("魏星",),
            editors=("舒小露",),
            breadcrumb=("大江网（中国江西网）", "江西新闻网", "江西时政", "易炼红"),
        ),
        "channel": Story(
            kicker="刘奇在指挥调度疫情防控工作时强调",
            title_lines=("加强梯队建设 统筹力量使用", "做细做实打持久战消耗战各项工作"),
            subtitle="林彬杨在九江分会场作汇报",
            paragraphs=p2,
        ),
        "reprint": Story(
            title_lines=("今天中秋节，省委书记易炼红送上节日祝福并检查调度疫情防控等工作落实情况",),
            paragraphs=p1,
            published="2022-09-10",
            source="江西日报",
            authors=("魏星",),
            breadcrumb=("首页", "国内国际", "内容"),
            caption="▲摄影｜江西新闻客户端-江西日报首席记者海波",
        ),
        "people-old": Story(
            title_lines=("景俊海主持召开全省疫情防控工作视频调度会",),
            paragraphs=p3,
            published="2021年01月23日13:29",
            source="吉林日报",
            editors=("刘洋", "杨晓"),
            breadcrumb=("人民网", "吉林频道", "时政"),
        ),
        "people-new": Story(
            kicker="抓紧抓实外防输入内防扩散各项工作",
            title_lines=("吉林召开全省疫情防控工作视频调度会",),
            subtitle="——坚决打好打赢疫情防控阻击战",
            paragraphs=p3,
            published="2024年01月06日08:21",
            source="人民网－吉林频道",
            editors=("王珊", "李昂"),
            breadcrumb=("人民网", "吉林频道", "吉林要闻"),
        ),
        "discuz": Story(
            title_lines=("抗击疫情！挺在最前沿，督导落实疫情防控工作",),
            paragraphs=p4,
            published="2020-2-1 12:00",
            source="安源区政府",
            poster="admin",
            breadcrumb=(
                "萍乡城事网—萍乡最具影响力门户网站",
                "门户",
                "城事资讯",
                "安源区政府",
                "查看内容",
            ),
            summary=p4[0][:90] + " ...",
        ),
        "trs": Story(
            title_lines=("省长易炼红赴省疫情防控指挥部办公室检查调研",),
            paragraphs=p0[:5],
            published="2021-01-22 09:15",
            source="中国吉林网",
            editors=("赵敏",),
        ),
        "hanweb": Story(
            title_lines=("安源区全力做好新型冠状病毒感染的肺炎疫情防控工作",),
            paragraphs=p4[1:12],
            published="2020-02-01 12:00:00",
            source="安源区人民政府",
            authors=("陈晨",),
        ),
        "dede": Story(
            title_lines=("省委书记易炼红检查调度节日期间疫情防控工作",),
            paragraphs=p1[:8],
            published="2022-09-10 16:20",
            source="江西日报",
            authors=("魏星",),
        ),
    }


# ---------------------------------------------------------------- chrome

_RNG_SEED = 20260517
_CHANNELS = (
    "首页",
    "时政",
    "要闻",
    "经济",
    "社会",
    "文化",
    "教育",
    "体育",
    "健康",
    "旅游",
    "房产",
    "汽车",
    "科技",
    "法治",
    "理论",
    "评论",
    "图片",
    "视频",
    "专题",
    "县区",
    "民生",
    "公益",
    "党建",
    "廉政",
)


def _menu(rng: random.Random, count: int, cls: str = "menu") -> Block:
    items = "".join(
        f'<li><a href="/{rng.randrange(10**5)}/index.shtml" target="_blank">'
        f"{rng.choice(_CHANNELS)}{rng.choice(_CHANNELS)}</a></li>\n"
        for _ in range(count)
    )
    return Block(f'<ul class="{cls}">\n{items}</ul>\n')


def _links(rng: random.Random, story: Story, count: int) -> str:
    words = [p[5:25] for p in story.paragraphs if len(p) > 30] or ["新闻"]
    return "".join(
        f'<li><a href="/system/2021/0{rng.randrange(1, 9)}/{rng.randrange(10**8):09d}.shtml">'
        f'{rng.choice(words)}</a><span class="time">2021-0{rng.randrange(1, 9)}-1{rng.randrange(9)}'
        "</span></li>\n"
        for _ in range(count)
    )


def _script(rng: random.Random, size: int) -> Block:
    lines = []
    total = 0
    while total < size:
        name = "".join(rng.choice("abcdefghijklmnop") for _ in range(8))
        line = (
            f"function {name}(e){{var t=document.getElementById('{name}');if(t&&e<"
            f"{rng.randrange(999)}){{t.style.display='block';t.innerHTML='<p>\\u4e2d</p>';}}"
            f"return '</div>'+e;}}\n"
        )
        lines.append(line)
        total += len(line)
    return Block(
        '<script type="text/javascript">\n//<![CDATA[\n' + "".join(lines) + "//]]>\n</script>\n"
    )


_STYLE = Block(
    "<style type=\"text/css\">\nbody{margin:0;font:12px/1.5 '宋体',sans-serif}"
    ".hide{display:none}.position a{color:#333}.content p{text-indent:2em}\n</style>\n"
)


def _head(title: str, charset_tag: str, extra: str = "") -> str:
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
        f"{charset_tag}\n<title>{title}</title>\n{extra}"
    )


def _paragraphs(story: Story, indent: str = "　　") -> Block:
    html = "".join(f"<p>{indent}{p}</p>\n" for p in story.paragraphs)
    return Block(html, tuple(story.paragraphs))


def _credits(names: tuple[str, ...]) -> str:
    return "、".join(names)


# ---------------------------------------------------------------- the families


def _jxnews(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    title_html = "".join(f"{line}<br />" for line in story.title_lines)
    crumbs = "&nbsp;&gt;&nbsp;".join(
        f'<a href="/c{i}/">{c}</a>' for i, c in enumerate(story.breadcrumb)
    )
    head = _head(
        f"{story.kicker} {story.title}_江西新闻网_大江网（中国江西网）",
        "{charset}",
        f'<meta name="keywords" content="{story.kicker},疫情防控" />\n'
        f'<meta name="description" content="{story.paragraphs[0][:60]}" />\n'
        '<!--enorth cms page [ enorth parse_date="2021/01/22 05:30:19.019", cost="18", '
        'server=":=$encp$:=a4c8", error_count="0"]-->\n',
    )
    blocks = [
        _STYLE,
        _script(rng, 9000),
        Block("</head>\n<body>\n"),
        Block('<div class="topbar">'),
        _menu(rng, 40),
        Block("</div>\n"),
        Block(
            '<div class="nb_4">新闻热线<br />0791-86849275<br />广告热线<br />0791-86847125</div>\n',
            ("新闻热线", "0791-86849275", "广告热线", "0791-86847125"),
        ),
        Block(
            '<div class="logo"><a href="/"><img src="/logo.gif" /></a><span>江西新闻网</span></div>\n',
            ("江西新闻网",),
        ),
        Block(
            '<!--enorth cms block start [ name="v5.position" ]-->\n'
            f'<div class="position">您当前的位置 ：{crumbs}</div>\n'
            '<!--enorth cms block end [ name="v5.position" cost="13"]-->\n',
            ("您当前的位置 ：" + "\xa0>\xa0".join(story.breadcrumb),),
        ),
        Block(
            f'<div class="title" data-toggle="title"><div class="yt">{story.kicker}</div>'
            f"<h1>{title_html}</h1></div>\n",
            (story.kicker or "", *story.title_lines),
        ),
        Block(
            '<div class="info"><span id="pubtime_baidu">'
            f"{story.published}</span>&nbsp;&nbsp;&nbsp;&nbsp;"
            f'<span id="source_baidu">来源：<a href="http://www.jxnews.com.cn/jxrb/" '
            f'target="_blank">{story.source}</a></span></div>\n'
            f'<div class="info2"><span id="editor_baidu">编辑：{_credits(story.editors)}</span>'
            f'&nbsp;&nbsp;&nbsp;&nbsp;<span id="author_baidu">作者：{_credits(story.authors)}</span>'
            "</div>\n",
            (
                f"{story.published}\xa0\xa0\xa0\xa0来源：{story.source}",
                f"编辑：{_credits(story.editors)}\xa0\xa0\xa0\xa0作者：{_credits(story.authors)}",
            ),
        ),
        Block(
            '<table class="tool"><tr><td>字体：<a href="javascript:doZoom(16)">大</a> '
            '<a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></td><td><a href="http://bbs.jxnews.com.cn/">大江论坛</a></td>'
            '<td><a href="#comment">评论(<span id="cmt_num">0</span>)</a></td></tr></table>\n',
            ("字体：   | 大江论坛 | 评论(0)",),
        ),
        Block(
            '<div class="promo"><p>新闻热线：0791-86849275（欢迎拨打，一经采用，即奉薪酬）</p>'
            "<p>订江西手机报：电信、联通用户发短信JX到10626655，移动用户发短信JXP到10658000，3元/月</p>"
            '<p>爆料投诉请进入<a href="http://bbs.jxnews.com.cn/">大江论坛</a> 问政江西</p></div>\n',
            (
                "新闻热线：0791-86849275（欢迎拨打，一经采用，即奉薪酬）",
                "订江西手机报：电信、联通用户发短信JX到10626655，移动用户发短信JXP到10658000，3元/月",
                "爆料投诉请进入大江论坛 问政江西",
            ),
        ),
        Block('<div class="content" data-toggle="content" id="fontzoom">\n<!--enpcontent-->'),
        _paragraphs(story),
        Block(f"<p>　　{story.source}</p>\n<!--/enpcontent--></div>\n", (story.source or "",)),
        Block(
            '<p class="gz">更多相关新闻及资讯请关注微信公众号“大江网（dajwjx）”和“手机江西网（jxrb_jxnews）”。</p>\n',
            (
                "更多相关新闻及资讯请关注微信公众号“大江网（dajwjx）”和“手机江西网（jxrb_jxnews）”。",
            ),
        ),
        Block(
            f'<div class="xgxw"><h3>相关新闻</h3><ul>{_links(rng, story, 12)}</ul></div>\n',
            ("相关新闻",),
        ),
        Block(
            '<div class="smsm"><h4>大江网（中国江西网）版权与免责声明</h4>'
            "<p>1、凡本网注明“来源：大江网或中国江西网”的所有作品，版权均属于大江网（中国江西网）。</p>"
            "<p>2、凡本网注明“来源：XXX（非大江网或中国江西网）”的作品，均转载自其它媒体。</p>"
            "<p>※联系方式：江西日报社中国江西网 电话：0791-86849032</p></div>\n",
            (
                "大江网（中国江西网）版权与免责声明",
                "1、凡本网注明“来源：大江网或中国江西网”的所有作品，版权均属于大江网（中国江西网）。",
                "2、凡本网注明“来源：XXX（非大江网或中国江西网）”的作品，均转载自其它媒体。",
                "※联系方式：江西日报社中国江西网 电话：0791-86849032",
            ),
        ),
        _menu(rng, 30, "footnav"),
        Block(
            '<div class="footer"><p>增值电信业务经营许可证编号：赣B2-20100072 江西日报社中国江西网版权所有</p></div>\n',
            ("增值电信业务经营许可证编号：赣B2-20100072 江西日报社中国江西网版权所有",),
        ),
        _script(rng, 4000),
        Block("</body>\n</html>\n"),
    ]
    return head, blocks


def _channel(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(f"{story.title}_九江频道_大江网", "{charset}")
    lines = (story.kicker or "", *story.title_lines, story.subtitle or "")
    blocks = [
        _STYLE,
        _script(rng, 12000),
        Block("</head>\n<body>\n"),
        Block(
            '<table class="banner"><tr><td><img src="/images/banner.jpg" /></td><td></td></tr></table>\n'
        ),
        _menu(rng, 60),
        Block(
            '<div class="title" data-toggle="title">'
            + "".join(f"<p>{line}</p>" for line in lines)
            + "</div>\n",
            lines,
        ),
        Block('<div class="content" data-toggle="content">\n'),
        _paragraphs(story, indent=""),
        Block("</div>\n"),
        Block(
            '<table class="copyright"><tr><td>大江网九江频道版权与免责声明</td><td></td></tr>'
            "<tr><td>1、凡本网注明“来源：大江网九江频道”的所有作品，版权均属于大江网九江频道。</td></tr>"
            "<tr><td>※联系方式：大江网九江频道 电话：0792-8275110</td></tr></table>\n",
            (
                "大江网九江频道版权与免责声明",
                "1、凡本网注明“来源：大江网九江频道”的所有作品，版权均属于大江网九江频道。",
                "※联系方式：大江网九江频道 电话：0792-8275110",
            ),
        ),
        Block(
            '<table class="foot"><tr><td></td><td><a href="/about/">关于我们</a></td>'
            '<td><a href="/ad/">广告服务</a></td><td></td></tr>'
            "<tr><td>增值电信业务经营许可证编号：赣B2-20100072 江西日报社中国江西网版权所有</td></tr></table>\n",
            (
                "关于我们 | 广告服务",
                "增值电信业务经营许可证编号：赣B2-20100072 江西日报社中国江西网版权所有",
            ),
        ),
        _menu(rng, 40, "sitemap"),
        _script(rng, 6000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _reprint(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(f"{story.title}-国内国际", "{charset}")
    crumbs = " &gt;&gt; ".join(
        f'<a href="/{i}/">{c}</a>' for i, c in enumerate(story.breadcrumb[:2])
    )
    blocks = [
        _STYLE,
        _script(rng, 10000),
        Block("</head><body>\n"),
        Block(
            '<div class="top"><a href="#">加入收藏</a> | <a href="/old/">进入旧版</a></div>\n',
            ("加入收藏 | 进入旧版",),
        ),
        _menu(rng, 50),
        Block(
            f'<div class="lm"><span>国内国际</span> 您现在的位置：{crumbs} &gt; {story.breadcrumb[-1]}</div>\n',
            (
                f"国内国际 您现在的位置：{' >> '.join(story.breadcrumb[:2])} > {story.breadcrumb[-1]}",
            ),
        ),
        Block(f'<div class="art_tit"><h2>{story.title}</h2></div>\n', (story.title,)),
        Block(
            f'<div class="art_info">来源：{story.source} 作者：{_credits(story.authors)} 时间：{story.published} '
            '浏览字号：[<a href="javascript:fontZoom(16)">大</a> '
            '<a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>]</div>\n',
            (
                f"来源：{story.source} 作者：{_credits(story.authors)} 时间：{story.published} 浏览字号：[  ]",
            ),
        ),
        Block(
            f'<div class="art_con"><p style="text-align:center"><img src="/uploads/a.jpg" /></p>'
            f"<p>{story.caption}</p>\n",
            (story.caption or "",),
        ),
        _paragraphs(story, indent="\xa0\xa0\xa0\xa0\xa0\xa0\xa0"),
        Block("</div>\n"),
        Block(f'<div class="xg"><ul>{_links(rng, story, 10)}</ul></div>\n'),
        _menu(rng, 30, "foot"),
        Block(
            '<div class="copy">Copyright © 2022 本站 版权所有</div>\n',
            ("Copyright © 2022 本站 版权所有",),
        ),
        _script(rng, 5000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _people_old(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(f"{story.title}--吉林频道--人民网", "{charset}")
    crumbs = "&gt;&gt;".join(
        f'<a href="http://jl.people.com.cn/{i}/">{c}</a>' for i, c in enumerate(story.breadcrumb)
    )
    blocks = [
        _STYLE,
        _script(rng, 11000),
        Block("</head><body>\n"),
        _menu(rng, 60, "nav"),
        Block(
            f'<div class="clearfix w1000_320 path path2 pos_re_search"><div class="fl">'
            f'<span id="rwb_navpath">{crumbs}</span></div></div>\n',
            (">>".join(story.breadcrumb),),
        ),
        Block(
            f'<div class="clearfix w1000_320 text_title"><h1>{story.title}</h1>'
            '<p class="author"></p>\n'
            f'<div class="box01"><div class="fl">{story.published}&nbsp;&nbsp;来源：'
            f'<a href="http://jlrbszb.dajilin.com/" target="_blank">{story.source}</a></div>'
            '<div class="fr"><div class="fx"><a href="#">分享</a></div></div></div></div>\n',
            (story.title, f"{story.published}\xa0\xa0来源：{story.source}", "分享"),
        ),
        Block(
            '<div class="clearfix w1000_320 text_con"><div class="fl text_con_left">'
            '<div class="box_con" id="rwb_zw">\n'
        ),
        _paragraphs(story),
        Block(
            f'<div class="edit clearfix">(责编：{_credits(story.editors)})</div>\n</div>\n',
            (f"(责编：{_credits(story.editors)})",),
        ),
        Block(
            '<table class="ztlist"><tr><td>相关专题</td><td></td></tr>'
            '<tr><td><a href="http://jl.people.com.cn/GB/zt/">· 人民战“疫”党旗飘扬</a></td><td></td></tr></table>\n',
            ("相关专题", "· 人民战“疫”党旗飘扬"),
        ),
        Block("</div>\n"),
        Block(
            '<div class="fr"><div class="ewm"><img src="/img/xxdg.png" /><p>微信“扫一扫”添加“学习大国”</p></div></div></div>\n',
            ("微信“扫一扫”添加“学习大国”",),
        ),
        _menu(rng, 40, "foot"),
        Block(
            '<div class="foot">人民网版权所有，未经书面授权禁止使用</div>\n',
            ("人民网版权所有，未经书面授权禁止使用",),
        ),
        _script(rng, 5000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _people_new(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(f"{story.title}--吉林频道--人民网", "{charset}")
    crumbs = "&gt;&gt;".join(f'<a href="/{i}/">{c}</a>' for i, c in enumerate(story.breadcrumb))
    blocks = [
        _STYLE,
        _script(rng, 12000),
        Block("</head><body>\n"),
        _menu(rng, 70, "nav"),
        Block(
            f'<div class="route"><span id="rwb_navpath">{crumbs}</span></div>\n',
            (">>".join(story.breadcrumb),),
        ),
        Block(
            f'<div class="rm_txt cf"><div class="col col-1 fl">'
            f'<h3 class="pre">{story.kicker}</h3><h1>{story.title}</h1>'
            f'<h4 class="sub">{story.subtitle}</h4><div class="author cf"></div>\n'
            f'<div class="channel cf"><div class="col-1-1">{story.published} | 来源：'
            f'<a href="http://jl.people.com.cn/" target="_blank">{story.source}</a></div></div>\n',
            (
                story.kicker or "",
                story.title,
                story.subtitle or "",
                f"{story.published} | 来源：{story.source}",
            ),
        ),
        Block('<div class="rm_txt_con cf">\n'),
        _paragraphs(story),
        Block(
            f'<div class="edit cf">(责编：{_credits(story.editors)})</div>\n</div></div></div>\n',
            (f"(责编：{_credits(story.editors)})",),
        ),
        Block(f'<div class="headingNews"><ul>{_links(rng, story, 10)}</ul></div>\n'),
        _menu(rng, 40, "foot"),
        Block(
            '<div class="foot">人民网版权所有，未经书面授权禁止使用</div>\n',
            ("人民网版权所有，未经书面授权禁止使用",),
        ),
        _script(rng, 5000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _discuz(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    crumbs = story.breadcrumb
    head = _head(
        f"{story.title} - {crumbs[-2]} - {crumbs[0]} - Powered by Discuz!",
        "{charset}",
        '<meta name="generator" content="Discuz! X3.4" />\n'
        f'<meta name="description" content="{story.summary}" />\n',
    )
    crumb_html = (
        '<a href="./" class="nvhm" title="首页">'
        + crumbs[0]
        + "</a> <em>&rsaquo;</em> "
        + (
            " <em>&rsaquo;</em> ".join(
                f'<a href="portal.php?catid={i}">{c}</a>' for i, c in enumerate(crumbs[1:-1])
            )
        )
        + f" <em>&rsaquo;</em> {crumbs[-1]}"
    )
    clicks = "".join(
        f'<td><a href="home.php?mod=spacecp&amp;ac=click&amp;clickid={i + 1}" id="click_aid_1_{i + 1}">'
        f'<img src="static/image/click/{icon}.gif" alt="" /><br />{name}</a></td>'
        for i, (icon, name) in enumerate(
            (
                ("xianhua", "鲜花"),
                ("woshou", "握手"),
                ("leiren", "雷人"),
                ("luguo", "路过"),
                ("jidan", "鸡蛋"),
            )
        )
    )
    blocks = [
        _STYLE,
        _script(rng, 12000),
        Block('</head><body id="nv_portal" class="pg_view">\n'),
        Block('<div id="toptb" class="cl"><div class="wp">'),
        _menu(rng, 50, "nv"),
        Block("</div></div>\n"),
        Block(
            f'<div id="pt" class="bm cl"><div class="z">{crumb_html}</div></div>\n',
            (" › ".join(crumbs),),
        ),
        Block(
            '<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw"><div class="h hm">'
            f'<h1 class="ph">{story.title}</h1>\n'
            f'<p class="xg1">{story.published}<span class="pipe">|</span> 发布者: '
            f'<a href="home.php?mod=space&amp;uid=1">{story.poster}</a><span class="pipe">|</span> 评论: '
            f'<em id="_commentnum">0</em><span class="pipe">|</span>来自: {story.source}</p></div>\n',
            (
                story.title,
                f"{story.published}| 发布者: {story.poster}| 评论: 0|来自: {story.source}",
            ),
        ),
        Block(
            f'<div class="s"><div><strong>摘要</strong>: {story.summary}</div></div>\n',
            (f"摘要: {story.summary}",),
        ),
        Block(
            '<div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">\n'
        ),
        _paragraphs(story, indent="\xa0\xa0\xa0\xa0\xa0\xa0\xa0"),
        Block("</td></tr></table>\n"),
        Block(
            f'<div id="click_div"><table cellpadding="0" cellspacing="0" class="atd"><tr>{clicks}</tr></table></div>\n',
            ("鲜花", "握手", "雷人", "路过", "鸡蛋"),
        ),
        Block("</div></div>\n"),
        Block(
            f'<div id="related_article" class="bm"><div class="bm_h cl"><h3>相关阅读</h3></div>'
            f'<div class="bm_c"><ul class="xl xl2 cl" id="raid_div">{_links(rng, story, 8)}</ul></div></div>\n',
            ("相关阅读",),
        ),
        Block(
            '</div><div class="sd pph"><div class="bm"><div class="bm_h"><h2>相关分类</h2></div>'
            '<div class="bm_c"><ul class="xl xl2 cl"><li><a href="portal.php?catid=2">城事资讯</a></li>'
            '<li><a href="portal.php?catid=3">安源区政府</a></li></ul></div></div></div></div>\n',
            ("相关分类",),
        ),
        Block(
            '<div id="ft" class="wp cl"><div id="flk" class="y"><p><a href="archiver/">Archiver</a>'
            '<span class="pipe">|</span><strong><a href="http://www.cs0799.com">萍乡城事网</a></strong>'
            ' ( <a href="http://beian.miit.gov.cn/">赣ICP备12345678号</a> )</p></div></div>\n',
            ("Archiver|萍乡城事网 ( 赣ICP备12345678号 )",),
        ),
        _script(rng, 4000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _trs(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(
        f"{story.title}-中国吉林网",
        "{charset}",
        f'<meta name="publishdate" content="{story.published[:10]}" />\n'  # type: ignore[index]
        '<script src="//ta.trs.cn/c/js/ta.js?mpid=123"></script>\n',
    )
    blocks = [
        _STYLE,
        _script(rng, 12000),
        Block("</head><body>\n"),
        _menu(rng, 80, "nav"),
        Block(
            '<div class="path">位置 ：<a href="/">首页</a> &gt; <a href="/jwyc/">吉网原创</a></div>\n',
            ("位置 ：首页 > 吉网原创",),
        ),
        Block(
            f'<div class="wz"><h1><span>{story.title}</span></h1>'
            f'<div class="zxdata mt20">{story.published}&nbsp;&nbsp;来源：<a href="#">{story.source}</a></div></div>\n',
            (story.title, f"{story.published}\xa0\xa0来源：{story.source}"),
        ),
        Block('<div class="content"><div class="TRS_Editor">\n'),
        _paragraphs(story),
        Block(
            f"<p>责任编辑：{_credits(story.editors)}</p></div></div>\n",
            (f"责任编辑：{_credits(story.editors)}",),
        ),
        Block(f'<div class="xgwz"><ul>{_links(rng, story, 10)}</ul></div>\n'),
        _menu(rng, 40, "foot"),
        Block(
            '<div class="foot"><p>吉ICP备05001234号 中国吉林网版权所有</p></div>\n',
            ("吉ICP备05001234号 中国吉林网版权所有",),
        ),
        _script(rng, 4000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _hanweb(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(
        f"{story.title}",
        "{charset}",
        f'<meta name="ArticleTitle" content="{story.title}">\n'
        f'<meta name="PubDate" content="{story.published}">\n'
        f'<meta name="ContentSource" content="{story.source}">\n',
    )
    meta = (
        f"发布时间：{story.published}\xa0\xa0来源：{story.source}\xa0\xa0作者：{_credits(story.authors)}"
        "\xa0\xa0浏览次数："
    )
    blocks = [
        _STYLE,
        _script(rng, 12000),
        Block("</head><body>\n"),
        _menu(rng, 80, "nav"),
        Block(
            '<table width="1000" class="bt_position"><tr><td>当前位置：<a href="/">首页</a> &gt; '
            '<a href="/col/col1/">政务动态</a></td></tr></table>\n',
            ("当前位置：首页 > 政务动态",),
        ),
        Block(
            f'<table width="100%"><tr><td class="title">{story.title}</td></tr>\n'
            f'<tr><td class="info">发布时间：{story.published}&nbsp;&nbsp;来源：{story.source}&nbsp;&nbsp;'
            f'作者：{_credits(story.authors)}&nbsp;&nbsp;浏览次数：<script language="javascript" '
            'src="/module/visitcount/articlehits.jsp?colid=1&amp;artid=2"></script></td></tr>\n'
            '<tr><td class="zoom">【字体：<a href="javascript:doZoom(16)">大</a> '
            '<a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>\n'
            '<tr><td id="zoom">\n<!--ZJEG_RSS.content.begin--><meta name="ContentStart">\n',
            (story.title, meta, "【字体：  】"),
        ),
        _paragraphs(story),
        Block('<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></td></tr></table>\n'),
        Block(
            '<table class="foot"><tr><td><a href="javascript:window.print()">【打印本页】</a></td>'
            '<td><a href="javascript:window.close()">【关闭窗口】</a></td></tr></table>\n',
        ),
        _menu(rng, 30, "links"),
        Block(
            '<div class="foot">主办单位：安源区人民政府办公室 赣ICP备05004321号 网站标识码：3603020001</div>\n',
            ("主办单位：安源区人民政府办公室 赣ICP备05004321号 网站标识码：3603020001",),
        ),
        _script(rng, 4000),
        Block("</body></html>\n"),
    ]
    return head, blocks


def _dede(story: Story, rng: random.Random) -> tuple[str, list[Block]]:
    head = _head(
        f"{story.title}_新闻中心_某县人民政府",
        "{charset}",
        '<meta name="keywords" content="疫情防控" />\n',
    )
    blocks = [
        _STYLE,
        _script(rng, 12000),
        Block("</head><body>\n"),
        _menu(rng, 80, "nav"),
        Block(
            '<div class="place"><strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/a/xinwen/">新闻中心</a> &gt; </div>\n',
            ("当前位置: 主页 > 新闻中心 >",),
        ),
        Block(
            f'<div class="viewbox"><div class="title"><h2>{story.title}</h2></div>\n'
            f'<div class="info"><small>时间:</small>{story.published}<small>来源:</small>{story.source} '
            f"<small>作者:</small>{_credits(story.authors)} <small>点击:</small>"
            '<script src="/plus/count.php?view=yes&amp;aid=1234&amp;mid=1" type="text/javascript"></script>次</div>\n',
            (
                story.title,
                f"时间:{story.published}来源:{story.source} 作者:{_credits(story.authors)} 点击:次",
            ),
        ),
        Block('<div class="content"><table width="100%"><tr><td>\n'),
        _paragraphs(story),
        Block("</td></tr></table></div>\n"),
        Block(
            '<div class="context"><ul><li>上一篇：<a href="/a/1.html">上一篇文章</a></li>'
            "<li>下一篇：没有了 </li></ul></div></div>\n",
            ("上一篇：上一篇文章", "下一篇：没有了"),
        ),
        _menu(rng, 30, "links"),
        Block(
            '<div class="footer">Copyright © 2021 某县人民政府 版权所有 Power by DedeCms</div>\n',
            ("Copyright © 2021 某县人民政府 版权所有 Power by DedeCms",),
        ),
        _script(rng, 4000),
        Block("</body></html>\n"),
    ]
    return head, blocks


BUILDERS: dict[str, tuple[str, str, Callable[[Story, random.Random], tuple[str, list[Block]]]]] = {
    "jxnews": (
        "jxnews",
        "https://jiangxi.jxnews.com.cn/system/2021/01/22/019168960.shtml",
        _jxnews,
    ),
    "channel": (
        "jxnews-channel",
        "https://jj.jxnews.com.cn/system/2020/02/08/018750237.shtml",
        _channel,
    ),
    "reprint": ("reprint", "http://mirror.example.cn/news/2022/0910/20220910104041.html", _reprint),
    "people-old": (
        "people",
        "http://jl.people.com.cn/n2/2021/0123/c349771-34544563.html",
        _people_old,
    ),
    "people-new": (
        "people",
        "http://jl.people.com.cn/n2/2024/0106/c349771-40705322.html",
        _people_new,
    ),
    "discuz": ("discuz", "http://www.cs0799.com/portal.php?aid=23700&mod=view", _discuz),
    "trs": ("generic", "http://news.cnjiwang.com/jwyc/202101/3268000.html", _trs),
    "hanweb": ("generic", "http://www.ay.gov.cn/art/2020/2/1/art_1_2.html", _hanweb),
    "dede": ("generic", "http://www.example-xian.gov.cn/a/xinwen/2022/0910/1234.html", _dede),
}
"""Each page name's template, URL and builder."""


def _expected(story: Story) -> dict[str, object]:
    from govnews.dates import find_stamp

    stamp = find_stamp(story.published) if story.published else None
    return {
        "title": story.title,
        "kicker": story.kicker,
        "subtitle": story.subtitle,
        "published_date": stamp.date if stamp else None,
        "source": story.source,
        "authors": story.authors,
        "editors": story.editors,
        "poster": story.poster,
        "paragraphs": story.paragraphs,
    }


def build(name: str, *, min_size: int = 36_000) -> Composed:
    """Compose one page, as text, with a ``{charset}`` slot in its head."""
    template, url, builder = BUILDERS[name]
    story = stories()[name]
    rng = random.Random(f"{_RNG_SEED}-{name}")
    head, blocks = builder(story, rng)
    body = "".join(block.html for block in blocks)
    while len((head + body).encode("utf-8")) < min_size:
        extra = _menu(rng, 40, "more").html
        body = body.replace("</body>", extra + "</body>", 1)
    dump = "\n".join(line for block in blocks for line in block.lines if line)
    return Composed(name, template, url, story, head + body, dump, expected=_expected(story))


_DECLARATIONS = {
    "meta": '<meta http-equiv="Content-Type" content="text/html; charset={label}" />',
    "html5": '<meta charset="{label}">',
    "none": "",
}

VARIANTS: tuple[tuple[str, str, str | None, bool], ...] = (
    # (variant name, codec the bytes are in, label the page declares, Traditional text)
    ("utf-8", "utf-8", "utf-8", False),
    ("gb2312", "gbk", "gb2312", False),
    ("gbk-undeclared", "gbk", None, False),
    ("gbk-says-utf8", "gbk", "utf-8", False),
    ("utf8-says-gb2312", "utf-8", "gb2312", False),
    ("big5", "big5hkscs", "big5", True),
    ("big5-undeclared", "big5hkscs", None, True),
)
"""The encodings every page is served in, with lying and missing declarations."""


@functools.lru_cache(maxsize=1)
def _s2t() -> Callable[[str], str]:
    import opencc

    converter = opencc.OpenCC("s2t")
    return converter.convert  # type: ignore[no-any-return]


def encode(composed: Composed, variant: str) -> Composed:
    """The page served as one of :data:`VARIANTS`."""
    _, codec, label, traditional = next(v for v in VARIANTS if v[0] == variant)
    html, dump = composed.html, composed.dump
    if traditional:
        convert = _s2t()
        html, dump = convert(html), convert(dump)
    style = "html5" if composed.template == "people" and "2024" in composed.url else "meta"
    tag = _DECLARATIONS[style if label else "none"].format(label=label)
    html = html.replace("{charset}", tag, 1)
    data = html.encode(codec, "xmlcharrefreplace")
    return replace(
        composed, html=html, dump=dump, variant=variant, data=data, traditional=traditional
    )


def page(name: str, variant: str = "utf-8") -> Composed:
    """One composed page in one encoding variant."""
    return encode(build(name), variant)


def pages() -> Iterator[Composed]:
    """Every composed page in every encoding variant."""
    for name in BUILDERS:
        base = build(name)
        for variant, *_ in VARIANTS:
            yield encode(base, variant)


def simplified(text: str) -> str:
    """A Traditional text as the parser gives it back."""
    return to_simplified(text)
