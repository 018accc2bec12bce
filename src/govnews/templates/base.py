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

import re
from collections.abc import Mapping
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

    @property
    def host(self) -> str:
        """The URL's host name, lower case, or an empty string."""
        match = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:]+)", self.url or "", re.IGNORECASE)
        return match.group(1).lower() if match else ""


@attrs.define
class Extraction:
    """What a template found: a role for each line and the fields' values."""

    roles: list[Role]
    fields: dict[str, Any] = attrs.field(factory=dict)
    warnings: list[str] = attrs.field(factory=list)


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


GARBAGE = re.compile(r"^[\s|!\[\]()<>#*_\-=~.·•:]*$")
BREADCRUMB = re.compile(
    r"(?:您当前的位置|您现在的位置|当前位置|所在位置|您的位置|现在位置)\s{0,3}[:：]?\s{0,3}"
    r"|^\s{0,8}位置\s{0,3}[:：]\s{0,3}"
)
CRUMB_SPLIT = re.compile(r"(?:>>|>|›|»|→|＞)")
NAVIGATION = _any(
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
PROMO = _any(
    r"扫一扫",
    r"微信公众号",
    r"更多(?:相关)?新闻及资讯请关注",
    r"手机报",
    r"爆料投诉",
    r"^\s*(?:新闻热线|广告热线|投稿邮箱|联系电话)\s*[:：]?",
    r"^\s*[\d\-]{7,14}\s*$",
    r"下载.{0,6}客户端",
)
DISCLAIMER = _any(r"版权与免责声明", r"免责声明", r"版权声明", r"本网所载的?文")
RELATED = _any(
    r"^\s*(?:相关新闻|相关专题|相关阅读|相关链接|相关分类|相关文章|延伸阅读|推荐阅读|热点推荐|热门推荐)\s*[|｜]?\s*$",
)
FOOTER = _any(
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
DISCLAIMER_END = re.compile(r"※\s*联系方式")
CAPTION = _any(
    r"^\s*[▲△■]",
    r"^\s*图为",
    r"^\s*[(（]?图\s*[:：]",
    r"摄影\s*[|｜:：]",
    r"[(（][^()（）]{1,20}\s*摄[)）]\s*$",
)
SUMMARY = re.compile(r"^\s*【?(?:内容)?摘要】?\s*[:：]\s*")
ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[:：]\s*")
SIGNOFF = re.compile(r"^\s*[(（]?(?:完|编辑.{0,8}|责任编辑.{0,10})[)）]?\s*$")
KICKER_END = re.compile(
    r"(?:时强调|时指出|时要求|时表示|时说|强调|指出|要求|表示|提出|寄语|致信|回信)$"
)
SUBTITLE_LIKE = _any(
    r"^\s*[—–-]{1,2}",
    r"^.{1,14}在.{1,16}(?:作汇报|汇报|出席|参加|陪同|讲话|致辞|主持)",
    r"^.{1,10}(?:出席|参加|陪同|主持)$",
)
CLOSING_CREDIT = re.compile(r"^\s*[(（【\[]\s*(?:责编|责任编辑|编辑)\s*[:：]")
SENTENCE_END = re.compile(r"[。!?！？;；]\s*$|[。][”\"]?\s*$")


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
    """

    name: ClassVar[str] = "generic"
    hosts: ClassVar[tuple[str, ...]] = ()
    url_pattern: ClassVar[re.Pattern[str] | None] = None
    signature: ClassVar[re.Pattern[str] | None] = None
    max_headline_lines: ClassVar[int] = 5

    def claims_url(self, page: Page) -> str | None:
        """Why the page's URL belongs to this template, or ``None``."""
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
        head = "\n".join(page.keys[:60])
        tail = "\n".join(page.keys[-60:]) if len(page.keys) > 60 else ""
        match = self.signature.search(head) or (self.signature.search(tail) if tail else None)
        if match:
            return f"page text has {match.group().strip()!r}"
        return None

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
        final = [role if role is not None else Role.GARBAGE for role in roles]
        return Extraction(final, fields)

    def role_of_chrome(self, key: str) -> Role | None:
        """The role a line has wherever it stands, by its own anchors."""
        if not key.strip():
            return Role.BLANK
        if GARBAGE.match(key) or re.fullmatch(r"[\s|]*(?:!\[[^\]]*\]\([^)]*\)[\s|]*)+", key):
            return Role.GARBAGE
        if self.is_breadcrumb(key):
            return Role.BREADCRUMB
        if NAVIGATION.search(key):
            return Role.NAVIGATION
        if PROMO.search(key):
            return Role.PROMO
        return None

    def is_breadcrumb(self, key: str) -> bool:
        """Whether a line is the page's breadcrumb: a position label, or a short chain of ``>``."""
        if len(key) >= 160:
            return False
        if BREADCRUMB.search(key):
            return True
        separators = CRUMB_SPLIT.findall(key)
        return (
            len(key) <= 80
            and (len(separators) >= 2 or ">>" in key)
            and not SENTENCE_END.search(key)
            and bool(re.match(r"\s*(?:首页|网站首页|主页|[^\s>]{1,12}\s*(?:>>|>|›|»))", key))
        )

    def mark_chrome(self, page: Page, roles: list[Role | None]) -> None:
        """Blank lines, residue, breadcrumb, navigation and promotions."""
        for i, key in enumerate(page.keys):
            roles[i] = self.role_of_chrome(key)

    def footer_role(self, key: str) -> Role | None:
        """The role of a line that starts (or sits in) the page footer."""
        if DISCLAIMER.search(key) or DISCLAIMER_END.search(key):
            return Role.DISCLAIMER
        if RELATED.search(key):
            return Role.RELATED
        if FOOTER.search(key):
            return Role.FOOTER
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
            reaction = roles[i] is Role.NAVIGATION and re.fullmatch(r"\s*鲜花\s*", key)
            if seen_text and (self.footer_role(key) is not None or reaction):
                return i
        return len(page.keys)

    def mark_footer(self, page: Page, roles: list[Role | None], footer: int) -> None:
        """Roles of the footer lines: by their anchors, else by the block they sit in."""
        region = Role.FOOTER
        for i in range(footer, len(page.keys)):
            key = page.keys[i]
            own = self.footer_role(key)
            if roles[i] in (Role.BLANK, Role.GARBAGE, Role.PROMO, Role.NAVIGATION):
                continue
            if region is Role.DISCLAIMER and own in (None, Role.FOOTER):
                own = Role.DISCLAIMER  # a disclaimer's items may name 版权所有 too
            if own is not None:
                roles[i] = own
                region = own
                if DISCLAIMER_END.search(key):
                    region = Role.FOOTER
            else:
                roles[i] = region

    def is_meta(self, key: str) -> bool:
        """Whether a line is a meta line (dates and labelled credits)."""
        stripped = key.strip()
        if not stripped or len(stripped) > 160:
            return False
        labels = read_labels(key, key)
        if any(x.field != "ignore" for x in labels) and (len(stripped) < 90 or len(labels) >= 2):
            return not SENTENCE_END.search(stripped) or len(labels) >= 2
        stamp = find_stamp(key)
        return stamp is not None and len(stripped) <= 40 and stamp.start <= 4

    def mark_meta(self, page: Page, roles: list[Role | None], footer: int) -> None:
        """Meta lines, summary, original title and captions, above the footer."""
        for i in range(footer):
            if roles[i] is not None:
                continue
            key = page.keys[i]
            if SUMMARY.match(key):
                roles[i] = Role.SUMMARY
            elif ORIGINAL_TITLE.match(key):
                roles[i] = Role.META
            elif CAPTION.search(key) and len(key) < 120:
                roles[i] = Role.CAPTION
            elif self.is_meta(key):
                roles[i] = Role.META

    def is_headline_like(self, key: str) -> bool:
        """Whether a line could be part of the headline block."""
        stripped = key.strip()
        return (
            1 < len(stripped) <= 64
            and not SENTENCE_END.search(stripped)
            and not stripped.endswith((":", "："))
            and bool(re.search(r"[\u4e00-\u9fff]", stripped))
        )

    def is_paragraph_like(self, key: str) -> bool:
        """Whether a line reads as running text rather than a heading."""
        stripped = key.strip()
        return len(stripped) > 64 or bool(SENTENCE_END.search(stripped))

    def mark_headline(
        self, page: Page, roles: list[Role | None], footer: int, fields: dict[str, Any]
    ) -> int:
        """Find the headline block; return the index where the body may begin."""
        open_lines = [i for i in range(footer) if roles[i] is None]
        metas = [i for i in range(footer) if roles[i] is Role.META]
        first_text = next((i for i in open_lines if self.is_paragraph_like(page.keys[i])), footer)
        if metas and metas[0] < first_text:
            block = self._run_before(page, roles, metas[0])
            after = max(i for i in metas if i < first_text)
        else:
            block = self._run_from_top(page, roles, first_text)
            after = block[-1] if block else -1
        for i in range(block[0] if block else after + 1):
            if roles[i] is None:
                roles[i] = Role.NAVIGATION
        self.split_headline(page, roles, block, fields)
        return after + 1

    def _run_before(self, page: Page, roles: list[Role | None], meta: int) -> list[int]:
        run: list[int] = []
        for i in range(meta - 1, -1, -1):
            if roles[i] is Role.BLANK:
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
                if run and roles[i] is not Role.BLANK:
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
            roles[block[kicker]] = Role.KICKER
            fields["kicker"] = texts[kicker]
        for j in rest:
            roles[block[j]] = Role.TITLE
        fields["title"] = " ".join(texts[j] for j in rest)
        if subtitle is not None:
            roles[block[subtitle]] = Role.SUBTITLE
            fields["subtitle"] = texts[subtitle].lstrip("—–- ")

    def is_signoff(self, key: str, source: str | None) -> bool:
        """Whether a short line after the body closes it (outlet name, 完, 责编)."""
        stripped = key.strip()
        if SIGNOFF.match(stripped):
            return True
        if len(stripped) > 12:
            return False
        return bool(source and stripped == source) or bool(
            re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?:日报|晚报|新闻网|报|网|电视台)", stripped)
        )

    def mark_body(self, page: Page, roles: list[Role | None], start: int, footer: int) -> None:
        """Open lines between the headline block and the footer are the body."""
        body = [i for i in range(start, footer) if roles[i] is None]
        closing = next(
            (
                i
                for i in range(start, footer)
                if roles[i] is Role.META
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
                roles[i] = Role.NAVIGATION
        for i in body:
            roles[i] = Role.BODY
        for i in range(start):
            if roles[i] is None:
                roles[i] = Role.NAVIGATION
        # Close the body: trailing outlet names and sign-offs are not text.
        source = None
        for i in range(footer):
            if roles[i] is Role.META:
                for item in read_labels(page.keys[i], page.keys[i]):
                    if item.field == "source" and item.value:
                        source = item.value
        for i in reversed(body):
            if self.is_signoff(page.keys[i], source):
                roles[i] = Role.SIGNOFF
                continue
            break

    def read_fields(self, page: Page, roles: list[Role | None], fields: dict[str, Any]) -> None:
        """Read dates, credits, breadcrumb, summary and body from the roled lines."""
        for i, role in enumerate(roles):
            key, text = page.keys[i], page.lines[i]
            if role is Role.META:
                self.read_meta(key, text, fields)
            elif role is Role.BREADCRUMB and "breadcrumb" not in fields:
                fields["breadcrumb"] = self.read_breadcrumb(key, text)
            elif role is Role.SUMMARY and "summary" not in fields:
                fields["summary"] = text[SUMMARY.match(key).end() :].strip()  # type: ignore[union-attr]
            elif role is Role.CAPTION:
                fields.setdefault("captions", []).append(text.strip())
                fields.setdefault("photographers", []).extend(self.read_photographer(key, text))
        paragraphs = [
            page.lines[i].strip(" \t\ufffd") for i, r in enumerate(roles) if r is Role.BODY
        ]
        fields["paragraphs"] = [p for p in paragraphs if p]
        body_keys = [page.keys[i] for i, r in enumerate(roles) if r is Role.BODY][:2]
        body_texts = [page.lines[i] for i, r in enumerate(roles) if r is Role.BODY][:2]
        for key, text in zip(body_keys, body_texts, strict=True):
            found = dateline_people(key.strip(), text.strip())
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
        value = re.split(r"\s{2,}|\s[|｜]|\s(?=\d{4}[-年])", value)[0].strip(" |｜")
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
        match = re.search(r"(?:记者|摄影[|｜:：]\s*)([\u4e00-\u9fff]{2,4})\s*$", key)
        if match:
            return [source[match.start(1) : match.end(1)]]
        match = re.search(
            r"[(（](?:本报|特约)?(?:记者|通讯员)?\s*([\u4e00-\u9fff]{2,4})\s*摄[)）]\s*$", key
        )
        if match:
            return [source[match.start(1) : match.end(1)]]
        return []
