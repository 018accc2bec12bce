"""What every template shares: the page it reads and the layout it finds.

A news page is chrome around an article: a header and breadcrumb, a headline
block (引题, 正题, 副题), meta lines (date, 来源, 作者, 编辑), the body, and a
footer of related links, disclaimers and licences. :class:`Template` finds
these blocks by text anchors and labels, in steps a site template can
override; each site module says only what is particular to its site.

Lines are matched on their *key*: the repaired text in Simplified characters
with full-width forms folded to ASCII, so one set of anchors serves pages in
either script and either punctuation width. Values are cut from the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import attrs

from govnews.dates import find_stamp
from govnews.fields import dateline_people, names, read_labels
from govnews.records import Role

__all__ = ["Extraction", "Page", "Template"]


@attrs.frozen
class Page:
    """A page ready for a template: its repaired lines and what is known of it.

    Attributes:
        lines: each line as repaired.
        keys: each line for matching: Simplified, full-width folded to ASCII.
        url: the page's address, if known.
        hints: evidence from the markup (``title``, ``published``, ...),
            empty for text input.
    """

    lines: tuple[str, ...]
    keys: tuple[str, ...]
    url: str | None = None
    hints: Mapping[str, str] = attrs.field(factory=dict)
    # What every template asks of the page alike (the host, the joined head
    # and tail that signatures are searched in), worked out once per page
    # rather than once per template tried.
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @property
    def host(self) -> str:
        """The URL's host name, lower case, or an empty string."""
        host = self._memo.get("host")
        if host is None:
            match = HOST.match(self.url or "")
            host = self._memo["host"] = match.group(1).lower() if match else ""
        return str(host)

    @property
    def head_and_tail(self) -> tuple[str, str]:
        """The first 60 keys and, on a longer page, the last 60, each joined by line breaks.

        Example:
            >>> Page(lines=("a", "b"), keys=("a", "b")).head_and_tail
            ('a\\nb', '')
        """
        found = self._memo.get("head")
        if found is None:
            keys = self.keys
            tail = "\n".join(keys[-60:]) if len(keys) > 60 else ""
            found = self._memo["head"] = ("\n".join(keys[:60]), tail)
        return found


@attrs.define
class Extraction:
    """What a template found: a role for each line and the fields' values."""

    roles: list[Role]
    fields: dict[str, Any] = attrs.field(factory=dict)
    warnings: list[str] = attrs.field(factory=list)


def _alternatives(*patterns: str) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile(_alternatives(*patterns))


def _on_first_use(pattern: str) -> Callable[[], re.Pattern[str]]:
    # A class of Han characters costs a millisecond or two to compile (the
    # compiler walks the whole range in Python); patterns that only some pages
    # need are compiled when first asked for.
    return functools.cache(lambda: re.compile(pattern))


# How the line classifiers stay cheap. Python's regex engine skips through a
# line in C only for a pattern whose every branch opens with a literal
# character. A branch that opens with a class or a lookbehind has it try the
# whole pattern at every character; a ``^\s*`` before a dozen branches is
# tried again for every branch and every space of an indented line. So each
# set of anchors is kept in parts:
#
# - ``*_ANYWHERE``: the branches that may match anywhere, each led by a
#   literal, used with ``search`` on the key;
# - ``*_LEAD``: the branches that must open the line's text, written without
#   their ``^\s*`` and used with ``match`` on ``key.lstrip()``. No such branch
#   can begin with white space, so this answers as ``^\s*`` on the key would.
#
# tests/test_templates.py checks each part against the single pattern it
# replaced, on random lines.

WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""The white space of ``str.isspace``, ``str.strip`` and a regex's ``\\s``: the same set."""
GARBAGE_CHARS = WHITESPACE + "|![]()<>#*_-=~.·•:"
"""The characters of a line of residue: it holds nothing else."""
IMAGES = re.compile(r"[\s|]*(?:!\[[^\]]*\]\([^)]*\)[\s|]*)+")
"""A line of nothing but Markdown images (``![alt](src)``), matched whole."""
BREADCRUMB = re.compile(
    r"(?:您当前的位置|您现在的位置|当前位置|所在位置|您的位置|现在位置)\s{0,3}[:：]?\s{0,3}"
    r"|^\s{0,8}位置\s{0,3}[:：]\s{0,3}"
)
CRUMB_SPLIT = re.compile(r"(?:>>|>|›|»|→|＞)")
CRUMBS_START = re.compile(r"\s*(?:首页|网站首页|主页|[^\s>]{1,12}\s*(?:>>|>|›|»))")
NAVIGATION_LEAD = _alternatives(
    r"加入收藏|设为首页|进入旧版|返回首页|打印本页|关闭窗口|【打印】|【关闭】",
    r"字体\s*[:：]",
    r"(?:字号|浏览字号)\s*[:：]",
    r"分享到\s*[:：]?",
    r"分享让更多人看到",
    r"分享\s*$",
    r"【\s*字体\s*[:：]",
    r"【(?:打印本页|关闭窗口|打印|关闭|收藏)】",
    r"(?:鲜花|握手|雷人|路过|鸡蛋)\s*$",
    r"(?:上一篇|下一篇)\s*[:：]",
    r"【?(?:大|中|小)\s+(?:大|中|小)\s+(?:大|中|小)】?\s*$",
)
PROMO_LEAD = r"(?:新闻热线|广告热线|投稿邮箱|联系电话)\s*[:：]?|[\d\-]{7,14}\s*$"
PROMO_ANYWHERE = re.compile(
    r"扫一扫|微信公众号|更多(?:相关)?新闻及资讯请关注|手机报|爆料投诉|下载.{0,6}客户端"
)
CHROME_LEAD = re.compile(f"(?P<nav>{NAVIGATION_LEAD})|(?P<promo>{PROMO_LEAD})")
"""Navigation or a promotion opening the line, in one match; ``lastgroup`` says which.

Navigation is tried first, as :meth:`Template.role_of_chrome` gives it precedence.
"""
DISCLAIMER = re.compile(r"版权与免责声明|免责声明|版权声明|本网所载的?文")
DISCLAIMER_END = re.compile(r"※\s*联系方式")
RELATED_LEAD = re.compile(
    r"(?:相关新闻|相关专题|相关阅读|相关链接|相关分类|相关文章|延伸阅读|推荐阅读|热点推荐|热门推荐)"
    r"\s*[|｜]?\s*$"
)
FOOTER_ANYWHERE = re.compile(
    r"增值电信业务经营许可证|ICP备|备案号|版权所有|Copyright|copyright|©|关于我们|网站地图"
    r"|广告服务|举报中心|主办单位\s*[:：]|网站标识码"
)
FOOTER_LEAD = re.compile(r"-\s*电子报\s*-\s*$")
FOOTER_START_ANYWHERE = re.compile(
    f"{DISCLAIMER.pattern}|{DISCLAIMER_END.pattern}|{FOOTER_ANYWHERE.pattern}"
)
"""Every footer anchor that may stand anywhere: a line without one, nor
:data:`FOOTER_START_LEAD`, is no footer line, and most lines are settled by the two."""
FOOTER_START_LEAD = re.compile(f"{RELATED_LEAD.pattern}|{FOOTER_LEAD.pattern}")
CAPTION_LEAD = r"[▲△■]|图为|[(（]?图\s*[:：]"
CAPTION_ANYWHERE = re.compile(r"摄影\s*[|｜:：]|[(（][^()（）]{1,20}\s*摄[)）]\s*$")
"""The caption anchors past the line's start; each holds 摄, looked for first."""
SUMMARY = re.compile(r"^\s*【?(?:内容)?摘要】?\s*[:：]\s*")
ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[:：]\s*")
META_LEAD = re.compile(
    r"(?P<summary>【?(?:内容)?摘要】?\s*[:：])|(?P<original>原标题\s*[:：])"
    f"|(?P<caption>{CAPTION_LEAD})"
)
"""A summary, an original title or a caption opening the line, in that precedence.

One match where :meth:`Template.mark_meta` would make three; ``lastgroup``
says which.
"""
SIGNOFF = re.compile(r"^\s*[(（]?(?:完|编辑.{0,8}|责任编辑.{0,10})[)）]?\s*$")
OUTLET = _on_first_use(r"[\u4e00-\u9fff]{2,8}(?:日报|晚报|新闻网|报|网|电视台)")
KICKER_END = re.compile(
    r"(?:时强调|时指出|时要求|时表示|时说|强调|指出|要求|表示|提出|寄语|致信|回信)$"
)
SUBTITLE_LIKE = _any(
    r"^\s*[—–-]{1,2}",
    r"^.{1,14}在.{1,16}(?:作汇报|汇报|出席|参加|陪同|讲话|致辞|主持)",
    r"^.{1,10}(?:出席|参加|陪同|主持)$",
)
CLOSING_CREDIT = re.compile(r"^\s*[(（【\[]\s*(?:责编|责任编辑|编辑)\s*[:：]")
_SENTENCE_ENDS = ("。", "!", "?", "！", "？", ";", "；", "。”", '。"')
HAN = re.compile(r"[\u4e00-\u9fff]")
REACTION = re.compile(r"\s*鲜花\s*")
SOURCE_END = re.compile(r"\s{2,}|\s[|｜]|\s(?=\d{4}[-年])")
PHOTOGRAPHER = _on_first_use(r"(?:记者|摄影[|｜:：]\s*)([\u4e00-\u9fff]{2,4})\s*$")
PHOTO_CREDIT = _on_first_use(
    r"[(（](?:本报|特约)?(?:记者|通讯员)?\s*([\u4e00-\u9fff]{2,4})\s*摄[)）]\s*$"
)
HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#:]+)", re.IGNORECASE)


def ends_sentence(text: str) -> bool:
    """Whether a text ends a sentence: 。!?;, or 。” , then only white space.

    ``rstrip`` strips exactly what a regex's ``\\s`` matches, so this is the
    pattern ``[。!?！？;；]\\s*$|。[”"]?\\s*$`` without a regex tried at every
    character.

    Example:
        >>> ends_sentence("会议要求。 "), ends_sentence("会议要求")
        (True, False)
    """
    return text.rstrip().endswith(_SENTENCE_ENDS)


# The roles bound to module names once: in Python 3.11 ``Role.BODY`` goes
# through the enum's metaclass, about ten times the cost of a global, and the
# layout finder compares roles a dozen times a line.
_R_BLANK = Role.BLANK
_R_BODY = Role.BODY
_R_BREADCRUMB = Role.BREADCRUMB
_R_CAPTION = Role.CAPTION
_R_DISCLAIMER = Role.DISCLAIMER
_R_FOOTER = Role.FOOTER
_R_GARBAGE = Role.GARBAGE
_R_KICKER = Role.KICKER
_R_META = Role.META
_R_NAVIGATION = Role.NAVIGATION
_R_PROMO = Role.PROMO
_R_RELATED = Role.RELATED
_R_SIGNOFF = Role.SIGNOFF
_R_SUBTITLE = Role.SUBTITLE
_R_SUMMARY = Role.SUMMARY
_R_TITLE = Role.TITLE


class Template:
    """A site family's page layout; subclasses name their sites and quirks.

    A template is chosen for a page by :meth:`claims_url` (its hosts and URL
    paths) or, without a telling URL, by :meth:`claims_page` (anchors in the
    text). :meth:`extract` then gives every line a role and reads the fields.

    Attributes:
        name: the template id that becomes ``Article.site``.
        hosts: host names (or their suffixes) the template owns.
        url_pattern: a pattern URLs of the family match, on any host.
        signature: a pattern whose presence in the first lines identifies the family.
        signature_needs: texts (or patterns) one of which every match of
            ``signature`` holds; the signature is searched only where one is
            found. Empty means always search. A speed-up only: a search over
            some 60 lines is slow for a signature that opens with ``^``, a
            class or ``.``, where looking for a literal is fast.
    """

    name: ClassVar[str] = "generic"
    hosts: ClassVar[tuple[str, ...]] = ()
    url_pattern: ClassVar[re.Pattern[str] | None] = None
    signature: ClassVar[re.Pattern[str] | None] = None
    signature_needs: ClassVar[tuple[str | re.Pattern[str], ...]] = ()
    max_headline_lines: ClassVar[int] = 5

    def claims_url(self, page: Page) -> str | None:
        """Why the page's URL belongs to this template, or ``None``."""
        if not page.url:
            return None  # no host and no path to claim
        host = page.host
        for suffix in self.hosts:
            if host == suffix or host.endswith("." + suffix):
                return f"host {host} is a {self.name} site"
        if self.url_pattern is not None and page.url and self.url_pattern.search(page.url):
            return f"URL path has the {self.name} shape"
        return None

    def claims_page(self, page: Page) -> str | None:
        """Why the page's text looks like this template's, or ``None``."""
        if self.signature is None:
            return None
        head, tail = page.head_and_tail
        match = self.signature.search(head) if self.may_sign(head) else None
        if match is None and tail and self.may_sign(tail):
            match = self.signature.search(tail)
        if match:
            return f"page text has {match.group().strip()!r}"
        return None

    def may_sign(self, text: str) -> bool:
        """Whether ``text`` holds one of :attr:`signature_needs` (or none are given).

        Example:
            >>> from govnews.templates.discuz import Discuz
            >>> Discuz().may_sign("Powered by Discuz! X3.4"), Discuz().may_sign("正文")
            (True, False)
        """
        if not self.signature_needs:
            return True
        for need in self.signature_needs:
            if need in text if isinstance(need, str) else need.search(text) is not None:
                return True
        return False

    # The extraction steps, in order. Each fills roles it is sure of and
    # leaves the rest as None for the next step.

    def extract(self, page: Page) -> Extraction:
        """Give every line a role and read the article's fields."""
        roles: list[Role | None] = [None] * len(page.lines)
        fields: dict[str, Any] = {}
        self.mark_chrome(page, roles)
        footer = self.find_footer(page, roles)
        self.mark_footer(page, roles, footer)
        self.mark_meta(page, roles, footer)
        body_start = self.mark_headline(page, roles, footer, fields)
        self.mark_body(page, roles, body_start, footer)
        self.read_fields(page, roles, fields)
        final = [role if role is not None else _R_GARBAGE for role in roles]
        return Extraction(final, fields)

    def role_of_chrome(self, key: str) -> Role | None:
        """The role a line has wherever it stands, by its own anchors."""
        lead = key.lstrip()
        if not lead:
            return _R_BLANK
        if not lead.lstrip(GARBAGE_CHARS) or ("![" in key and IMAGES.fullmatch(key)):
            return _R_GARBAGE
        if self.is_breadcrumb(key):
            return _R_BREADCRUMB
        opening = CHROME_LEAD.match(lead)
        if opening is not None:
            return _R_NAVIGATION if opening.lastgroup == "nav" else _R_PROMO
        if PROMO_ANYWHERE.search(key):
            return _R_PROMO
        return None

    def is_breadcrumb(self, key: str) -> bool:
        """Whether a line is the page's breadcrumb: a position label, or a short chain of ``>``."""
        if len(key) >= 160:
            return False
        if "位置" in key and BREADCRUMB.search(key):  # every position label holds 位置
            return True
        return (
            len(key) <= 80
            and not ends_sentence(key)
            and (len(CRUMB_SPLIT.findall(key)) >= 2 or ">>" in key)
            and CRUMBS_START.match(key) is not None
        )

    def mark_chrome(self, page: Page, roles: list[Role | None]) -> None:
        """Blank lines, residue, breadcrumb, navigation and promotions."""
        for i, key in enumerate(page.keys):
            roles[i] = self.role_of_chrome(key)

    def footer_role(self, key: str) -> Role | None:
        """The role of a line that starts (or sits in) the page footer."""
        lead = key.lstrip()
        if not lead or (
            FOOTER_START_ANYWHERE.search(key) is None and FOOTER_START_LEAD.match(lead) is None
        ):
            return None  # most lines: no footer anchor of any kind
        if DISCLAIMER.search(key) or DISCLAIMER_END.search(key):
            return _R_DISCLAIMER
        if RELATED_LEAD.match(lead):
            return _R_RELATED
        if FOOTER_ANYWHERE.search(key) or FOOTER_LEAD.match(lead):
            return _R_FOOTER
        return None

    def find_footer(self, page: Page, roles: list[Role | None]) -> int:
        """Index of the first footer line (``len(lines)`` when there is none).

        The footer begins at the first footer anchor after some article text,
        so a disclaimer at the top of a page does not swallow the article.
        """
        seen_text = False
        for i, key in enumerate(page.keys):
            if roles[i] is None and len(key.strip()) >= 20:
                seen_text = True
            reaction = roles[i] is _R_NAVIGATION and REACTION.fullmatch(key)
            if seen_text and (self.footer_role(key) is not None or reaction):
                return i
        return len(page.keys)

    def mark_footer(self, page: Page, roles: list[Role | None], footer: int) -> None:
        """Roles of the footer lines: by their anchors, else by the block they sit in."""
        region = _R_FOOTER
        for i in range(footer, len(page.keys)):
            if roles[i] in (_R_BLANK, _R_GARBAGE, _R_PROMO, _R_NAVIGATION):
                continue
            key = page.keys[i]
            own = self.footer_role(key)
            if region is _R_DISCLAIMER and own in (None, _R_FOOTER):
                own = _R_DISCLAIMER  # a disclaimer's items may name 版权所有 too
            if own is not None:
                roles[i] = own
                region = own
                if DISCLAIMER_END.search(key):
                    region = _R_FOOTER
            else:
                roles[i] = region

    def is_meta(self, key: str) -> bool:
        """Whether a line is a meta line (dates and labelled credits)."""
        stripped = key.strip()
        if not stripped or len(stripped) > 160:
            return False
        labels = read_labels(key, key)
        if any(x.field != "ignore" for x in labels) and (len(stripped) < 90 or len(labels) >= 2):
            return not ends_sentence(stripped) or len(labels) >= 2
        stamp = find_stamp(key)
        return stamp is not None and len(stripped) <= 40 and stamp.start <= 4

    def mark_meta(self, page: Page, roles: list[Role | None], footer: int) -> None:
        """Meta lines, summary, original title and captions, above the footer."""
        keys = page.keys
        for i in range(footer):
            if roles[i] is not None:
                continue
            key = keys[i]
            opening = META_LEAD.match(key.lstrip())
            kind = opening.lastgroup if opening is not None else None
            if kind == "summary":
                roles[i] = _R_SUMMARY
            elif kind == "original":
                roles[i] = _R_META
            elif len(key) < 120 and (
                kind == "caption" or ("摄" in key and CAPTION_ANYWHERE.search(key) is not None)
            ):
                roles[i] = _R_CAPTION
            elif self.is_meta(key):
                roles[i] = _R_META

    def is_headline_like(self, key: str) -> bool:
        """Whether a line could be part of the headline block."""
        stripped = key.strip()
        return (
            1 < len(stripped) <= 64
            and not ends_sentence(stripped)
            and not stripped.endswith((":", "："))
            and HAN.search(stripped) is not None
        )

    def is_paragraph_like(self, key: str) -> bool:
        """Whether a line reads as running text rather than a heading."""
        stripped = key.strip()
        return len(stripped) > 64 or ends_sentence(stripped)

    def mark_headline(
        self, page: Page, roles: list[Role | None], footer: int, fields: dict[str, Any]
    ) -> int:
        """Find the headline block; return the index where the body may begin."""
        open_lines = [i for i in range(footer) if roles[i] is None]
        metas = [i for i in range(footer) if roles[i] is _R_META]
        first_text = next((i for i in open_lines if self.is_paragraph_like(page.keys[i])), footer)
        if metas and metas[0] < first_text:
            block = self._run_before(page, roles, metas[0])
            after = max(i for i in metas if i < first_text)
        else:
            block = self._run_from_top(page, roles, first_text)
            after = block[-1] if block else -1
        for i in range(block[0] if block else after + 1):
            if roles[i] is None:
                roles[i] = _R_NAVIGATION
        self.split_headline(page, roles, block, fields)
        return after + 1

    def _run_before(self, page: Page, roles: list[Role | None], meta: int) -> list[int]:
        run: list[int] = []
        for i in range(meta - 1, -1, -1):
            if roles[i] is _R_BLANK:
                continue
            if roles[i] is not None or not self.is_headline_like(page.keys[i]):
                break
            run.insert(0, i)
            if len(run) == self.max_headline_lines:
                break
        return run

    def _run_from_top(self, page: Page, roles: list[Role | None], first_text: int) -> list[int]:
        run: list[int] = []
        for i in range(first_text):
            if roles[i] is not None:
                if run and roles[i] is not _R_BLANK:
                    break
                continue
            if not self.is_headline_like(page.keys[i]):
                break
            run.append(i)
        # A headline leads into the body; a short first line of a body-only
        # page or of a list of links is not one.
        if not run or len(run) > self.max_headline_lines or first_text >= len(page.keys):
            return []
        return run

    def split_headline(
        self, page: Page, roles: list[Role | None], block: list[int], fields: dict[str, Any]
    ) -> None:
        """Split the headline block into kicker, title and subtitle."""
        if not block:
            return
        texts = [page.lines[i].strip() for i in block]
        keys = [page.keys[i].strip() for i in block]
        kicker = None
        if len(block) > 1 and KICKER_END.search(keys[0]):
            kicker = 0
        rest = list(range(1 if kicker is not None else 0, len(block)))
        subtitle = None
        last_is_subtitle = bool(SUBTITLE_LIKE.search(keys[-1]))
        if kicker is None and len(block) == 3 and last_is_subtitle:
            # 引题, 正题, 副题: the newspaper's three-deck headline.
            kicker = 0
            rest = [1, 2]
        if len(rest) >= 2 and (last_is_subtitle or len(rest) >= 3):
            subtitle = rest.pop()
        if kicker is not None:
            roles[block[kicker]] = _R_KICKER
            fields["kicker"] = texts[kicker]
        for j in rest:
            roles[block[j]] = _R_TITLE
        fields["title"] = " ".join(texts[j] for j in rest)
        if subtitle is not None:
            roles[block[subtitle]] = _R_SUBTITLE
            fields["subtitle"] = texts[subtitle].lstrip("—–- ")

    def is_signoff(self, key: str, source: str | None) -> bool:
        """Whether a short line after the body closes it (outlet name, 完, 责编)."""
        stripped = key.strip()
        if SIGNOFF.match(stripped):
            return True
        if len(stripped) > 12:
            return False
        return bool(source and stripped == source) or OUTLET().fullmatch(stripped) is not None

    def mark_body(self, page: Page, roles: list[Role | None], start: int, footer: int) -> None:
        """Open lines between the headline block and the footer are the body."""
        body = [i for i in range(start, footer) if roles[i] is None]
        closing = next(
            (
                i
                for i in range(start, footer)
                if roles[i] is _R_META
                and CLOSING_CREDIT.match(page.keys[i])
                and body
                and body[0] < i
            ),
            footer,
        )
        # A (责编:…) line closes the article: what follows is page furniture.
        body = [i for i in body if i < closing]
        for i in range(closing, footer):
            if roles[i] is None:
                roles[i] = _R_NAVIGATION
        for i in body:
            roles[i] = _R_BODY
        for i in range(start):
            if roles[i] is None:
                roles[i] = _R_NAVIGATION
        # Close the body: trailing outlet names and sign-offs are not text.
        source = None
        for i in range(footer):
            if roles[i] is _R_META:
                for item in read_labels(page.keys[i], page.keys[i]):
                    if item.field == "source" and item.value:
                        source = item.value
        for i in reversed(body):
            if self.is_signoff(page.keys[i], source):
                roles[i] = _R_SIGNOFF
                continue
            break

    def read_fields(self, page: Page, roles: list[Role | None], fields: dict[str, Any]) -> None:
        """Read dates, credits, breadcrumb, summary and body from the roled lines."""
        keys, lines = page.keys, page.lines
        body: list[int] = []
        for i, role in enumerate(roles):
            if role is _R_BODY:
                body.append(i)
            elif role is _R_META:
                self.read_meta(keys[i], lines[i], fields)
            elif role is _R_BREADCRUMB and "breadcrumb" not in fields:
                fields["breadcrumb"] = self.read_breadcrumb(keys[i], lines[i])
            elif role is _R_SUMMARY and "summary" not in fields:
                fields["summary"] = lines[i][SUMMARY.match(keys[i]).end() :].strip()  # type: ignore[union-attr]
            elif role is _R_CAPTION:
                key, text = keys[i], lines[i]
                fields.setdefault("captions", []).append(text.strip())
                fields.setdefault("photographers", []).extend(self.read_photographer(key, text))
        paragraphs = [lines[i].strip(" \t\ufffd") for i in body]
        fields["paragraphs"] = [p for p in paragraphs if p]
        for i in body[:2]:
            found = dateline_people(keys[i].strip(), lines[i].strip())
            for field, value in found.items():
                fields.setdefault(field, []).extend(value)
            if found:
                break

    def read_meta(self, key: str, text: str, fields: dict[str, Any]) -> None:
        """The labelled values and the date of one meta line."""
        if ORIGINAL_TITLE.match(key):
            fields.setdefault("original_title", text[ORIGINAL_TITLE.match(key).end() :].strip())  # type: ignore[union-attr]
            return
        stamp = find_stamp(key)
        if stamp is not None and "published_date" not in fields:
            fields["published_date"] = stamp.date
            fields["published_at"] = stamp.moment
        for item in read_labels(key, text):
            if item.field in ("ignore", "published") or not item.value:
                continue
            if item.field in ("source", "poster"):
                fields.setdefault(item.field, self.clean_source(item.value))
            else:
                fields.setdefault(item.field, []).extend(names(item.value))

    def clean_source(self, value: str) -> str | None:
        """A source or poster value without trailing chrome."""
        value = SOURCE_END.split(value, maxsplit=1)[0].strip(" |｜")
        return value or None

    def read_breadcrumb(self, key: str, text: str) -> list[str]:
        """The crumbs of a breadcrumb line, from the top."""
        source = text if len(text) == len(key) else key
        match = BREADCRUMB.search(key)
        start = match.end() if match else 0
        parts = CRUMB_SPLIT.split(source[start:].strip())
        return [p.strip() for p in parts if p.strip()]

    def read_photographer(self, key: str, text: str) -> list[str]:
        """The photographer named in a caption, if any."""
        source = text if len(text) == len(key) else key
        match = PHOTOGRAPHER().search(key)
        if match:
            return [source[match.start(1) : match.end(1)]]
        match = PHOTO_CREDIT().search(key)
        if match:
            return [source[match.start(1) : match.end(1)]]
        return []
