"""Publish dates and times in the forms these sites write them.

``2021-01-22 05:24:11``, ``2020-2-1 12:00``, ``2021年01月23日13:29``,
``2022-09-10``, ``2017/10/19``, and any of them glued to a label or to the
text after it. Times are Beijing time. A date needs its year: ``2月7日`` in a
sentence is not a publish date, and nothing is ever filled in.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from govnews.records import BEIJING

__all__ = ["Stamp", "find_stamp"]

_STAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s{0,2}(?:[-/.]|年)\s{0,2}(?P<m>\d{1,2})\s{0,2}(?:[-/.]|月)"
    r"\s{0,2}(?P<d>\d{1,2})(?!\d)\s{0,2}日?"
    r"(?:[\sT]{0,4}(?P<H>\d{1,2})\s{0,2}[:：时]\s{0,2}(?P<M>\d{1,2})(?!\d)"
    r"(?:\s{0,2}[:：分]\s{0,2}(?P<S>\d{1,2})(?!\d))?)?"
)


@attrs.frozen
class Stamp:
    """A date found in text, with its time when the text gives one.

    Attributes:
        date: the calendar date.
        moment: the time in Beijing time, or ``None`` when only a date is given.
        start: where the stamp begins in the text.
        end: where it ends.
    """

    date: dt.date
    moment: dt.datetime | None
    start: int
    end: int


def _build(match: re.Match[str], latest_year: int) -> Stamp | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1990 <= year <= latest_year:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    moment = None
    if match["H"] is not None:
        hour, minute = int(match["H"]), int(match["M"])
        second = int(match["S"]) if match["S"] is not None else 0
        if hour < 24 and minute < 60 and second < 60:
            moment = dt.datetime(year, month, day, hour, minute, second, tzinfo=BEIJING)
    return Stamp(date, moment, match.start(), match.end())


def find_stamp(text: str, *, latest_year: int | None = None) -> Stamp | None:
    """The first full date in a line of text, with its time if given.

    Args:
        text: one line, such as a meta line.
        latest_year: reject years after this (default: next year).

    Example:
        >>> find_stamp("2021年01月23日13:29 来源:吉林日报").moment.isoformat()
        '2021-01-23T13:29:00+08:00'
        >>> find_stamp("时间:2022-09-10浏览字号").date.isoformat()
        '2022-09-10'
        >>> find_stamp("2月7日,省委书记") is None
        True
    """
    if "20" not in text and "19" not in text:
        # A stamp's year starts with 19 or 20, and most lines hold neither:
        # the stamp pattern, led by a lookbehind, would be tried at every
        # character of them.
        return None
    for match in _STAMP.finditer(text):
        if latest_year is None:
            latest_year = dt.date.today().year + 1
        stamp = _build(match, latest_year)
        if stamp is not None:
            return stamp
    return None
