"""Publish dates in every form these sites write them, and no invented ones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews import dates
from govnews.dates import Stamp, find_stamp
from govnews.records import BEIJING

moments = st.datetimes(min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2026, 12, 31))


def forms(moment: dt.datetime) -> list[tuple[str, bool]]:
    """The ways the sites write a moment, and whether the form carries the time."""
    m = moment
    return [
        (f"{m:%Y-%m-%d %H:%M:%S}", True),
        (f"{m.year}-{m.month}-{m.day} {m.hour}:{m:%M}", True),
        (f"{m:%Y}年{m:%m}月{m:%d}日{m:%H}:{m:%M}", True),
        (f"{m:%Y}年{m.month}月{m.day}日 {m:%H:%M}", True),
        (f"{m:%Y-%m-%d}", False),
        (f"{m:%Y/%m/%d}", False),
        (f"{m.year}年{m.month}月{m.day}日", False),
    ]


@given(
    moments,
    st.sampled_from(["", "时间:", "发布时间:", "来源:江西日报 "]),
    st.sampled_from(["", " 来源:吉林日报", "浏览字号:[ ]", "| 发布者: admin"]),
)
def test_every_form_is_read(moment: dt.datetime, before: str, after: str) -> None:
    """A date written in any site's form, glued to labels or not, reads back exactly."""
    for written, has_time in forms(moment):
        stamp = find_stamp(before + written + after)
        assert stamp is not None
        assert moment.date() == stamp.date
        if has_time:
            assert stamp.moment is not None
            seconds = moment.second if written.count(":") == 2 else 0
            assert moment.replace(second=seconds, microsecond=0, tzinfo=BEIJING) == stamp.moment
        else:
            assert stamp.moment is None


@given(st.integers(1, 12), st.integers(1, 28), st.text(alphabet="省委书记召开会议,", max_size=20))
def test_yearless_dates_are_not_dates(month: int, day: int, rest: str) -> None:
    """2月7日 in a sentence has no year, so it is no publish date."""
    assert find_stamp(f"{month}月{day}日,{rest}") is None


@pytest.mark.parametrize(
    "text",
    [
        "赣B2--20100072",
        "赣ICP备05005386号-1",
        "2021-02-30",
        "1888-01-01",
        "网络视听许可证1406143号 36120170002",
        "电话:0791-86849032",
    ],
)
def test_not_dates(text: str) -> None:
    """Licence numbers, phone numbers and impossible dates are not dates."""
    assert find_stamp(text) is None


def test_time_is_beijing() -> None:
    """Times carry the Asia/Shanghai zone, UTC+8."""
    stamp = find_stamp("2021-01-22 05:24:11")
    assert stamp is not None
    assert stamp.moment is not None
    assert stamp.moment.utcoffset() == dt.timedelta(hours=8)
    assert stamp.moment.astimezone(dt.timezone.utc).hour == 21


def _old_find_stamp(text: str) -> Stamp | None:
    """find_stamp as it was before the year look-first: every match, built in turn."""
    latest_year = dt.date.today().year + 1
    for match in dates._STAMP.finditer(text):
        stamp = dates._build(match, latest_year)
        if stamp is not None:
            return stamp
    return None


def _words(text: str) -> list[str]:
    """The space-separated pieces of a text."""
    return text.split()


_DATE_PIECES = [
    *_words("19 20 2021 1999 2020 1888 0 1 2 9 12 31 05 - / . 年 月 日 时 分 : ： T"),
    *_words("来源 时间 江西日报 赣ICP备 号 电话 0791-86849032"),
    " ",
    "  ",
    "\u3000",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join))
def test_year_look_first_finds_every_stamp(text: str) -> None:
    """A line without 19 or 20 in it is passed over; every other reads as before."""
    assert _old_find_stamp(text) == find_stamp(text)
