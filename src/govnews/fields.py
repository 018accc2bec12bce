"""Labelled values: 来源, 作者, 编辑, 记者 and the rest, and the names in them.

Meta lines hold several ``label: value`` parts, in any order, with any
spacing, and often with parts missing. They are read by labels, not by
position, on the line's matching key (Simplified, half-width), and each
value is cut from the line's own text at the same offsets.
"""

from __future__ import annotations

import functools
import re

import attrs

from govnews.dates import find_stamp

__all__ = [
    "LABELS",
    "Labelled",
    "dateline_people",
    "names",
    "read_labels",
]

# label -> field; longest labels first so 责任编辑 wins over 编辑.
LABELS: dict[str, str] = {
    "责任编辑": "editors",
    "值班编辑": "editors",
    "信息来源": "source",
    "稿件来源": "source",
    "文章来源": "source",
    "新闻来源": "source",
    "发布时间": "published",
    "发布日期": "published",
    "发表时间": "published",
    "更新时间": "published",
    "浏览字号": "ignore",
    "浏览次数": "ignore",
    "点击次数": "ignore",
    "阅读次数": "ignore",
    "点击数": "ignore",
    "发布者": "poster",
    "原作者": "authors",
    "通讯员": "correspondents",
    "来源": "source",
    "来自": "source",
    "作者": "authors",
    "撰稿": "authors",
    "编辑": "editors",
    "责编": "editors",
    "记者": "reporters",
    "摄影": "photographers",
    "时间": "published",
    "日期": "published",
    "字号": "ignore",
    "字体": "ignore",
    "评论": "ignore",
    "查看": "ignore",
    "阅读": "ignore",
    "浏览": "ignore",
    "点击": "ignore",
    "分享到": "ignore",
    "审核": "ignore",
    "校对": "ignore",
}

_LABEL = re.compile(
    r"(?:^|(?<=[\s|(\[【｜/\d]))(?P<label>"
    + "|".join(sorted(LABELS, key=len, reverse=True))
    + r")\s{0,3}[:：]\s{0,3}"
)
_EDGE = " \t|｜[]【】()（）<>《》:：,，;；、\u3000\ufffd"
_SPLIT = re.compile(r"[\s、,，/;；|]+")
_NEXT_LABEL = re.compile(r"通讯员|实习生|摄影|记者|编辑|来源")
_NAME = re.compile(r"^[\u3400-\u9fff·•]{2,8}$|^[A-Za-z][A-Za-z .'-]{1,30}$")


@attrs.frozen
class Labelled:
    """One labelled value cut from a line.

    Attributes:
        field: the Article field the label fills (``source``, ``editors``, ...).
        label: the label as matched on the key.
        value: the value, cut from the line's text.
    """

    field: str
    label: str
    value: str


def read_labels(key: str, text: str) -> list[Labelled]:
    """The labelled values of a meta line.

    Args:
        key: the line as matched (Simplified, half-width).
        text: the line as returned; same length as ``key`` when possible.

    Example:
        >>> line = "编辑:舒小露    作者:魏星"
        >>> [(x.field, x.value) for x in read_labels(line, line)]
        [('editors', '舒小露'), ('authors', '魏星')]
    """
    if ":" not in key and "：" not in key:
        return []  # every label is followed by a colon: most lines have none
    source = text if len(text) == len(key) else key
    return [
        Labelled(LABELS[label], label, source[start:end].strip(_EDGE))
        for label, start, end in _label_spans(key)
    ]


# The layout finder asks for the labels of a meta line two or three times
# (is it meta, which source closes the body, the fields), and the label
# pattern, led by a lookbehind, is tried at every character of the line.
@functools.lru_cache(maxsize=256)
def _label_spans(key: str) -> tuple[tuple[str, int, int], ...]:
    """Each label of a line with the span of its value, up to the next label."""
    matches = list(_LABEL.finditer(key))
    return tuple(
        (
            match.group("label"),
            match.end(),
            matches[i + 1].start() if i + 1 < len(matches) else len(key),
        )
        for i, match in enumerate(matches)
    )


def names(value: str) -> tuple[str, ...]:
    """The person names in a credit such as ``张三 李四`` or ``张三、李四``.

    Example:
        >>> names("张三、李四 王五")
        ('张三', '李四', '王五')
    """
    value = _NEXT_LABEL.split(value, maxsplit=1)[0]
    out = []
    for part in _SPLIT.split(value):
        part = part.strip(_EDGE)
        if part and _NAME.match(part) and part not in out:
            out.append(part)
    return tuple(out)


_DATELINE = re.compile(
    r"^.{0,40}?[(（【\[]\s{0,2}(?P<credits>(?:记者|通讯员|实习生|特约记者)[^)）】\]]{1,60})[)）】\]]"
)
_CREDIT = re.compile(r"(?P<role>特约记者|记者|通讯员|实习生)\s{0,2}(?P<names>[^记通实特]{1,40})")


def dateline_people(key: str, text: str) -> dict[str, tuple[str, ...]]:
    """Reporters and correspondents named in a dateline such as 本报讯(记者魏星).

    Example:
        >>> line = "本报讯(记者 魏星 通讯员 张三)今天"
        >>> dateline_people(line, line)
        {'reporters': ('魏星',), 'correspondents': ('张三',)}
    """
    if "记者" not in key and "通讯员" not in key and "实习生" not in key:
        return {}  # the dateline's credit needs one of these (特约记者 holds 记者)
    match = _DATELINE.match(key)
    if not match:
        return {}
    source = text if len(text) == len(key) else key
    credits_key = match.group("credits")
    offset = match.start("credits")
    found: dict[str, tuple[str, ...]] = {}
    for credit in _CREDIT.finditer(credits_key):
        field = "correspondents" if credit.group("role") == "通讯员" else "reporters"
        value = source[offset + credit.start("names") : offset + credit.end("names")]
        found[field] = found.get(field, ()) + names(value)
    return {field: value for field, value in found.items() if value}


def has_stamp(key: str) -> bool:
    """Whether a line holds a full date (with its year)."""
    return find_stamp(key) is not None
