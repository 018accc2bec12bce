"""Bytes to text: BOMs, declared and lying charsets, widened labels, mixed pages."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews.decode import declared_charset, decode, plausible, widen
from govnews.errors import DecodeError

NEWS = "省委书记主持召开全省疫情防控工作视频调度会，强调要深入贯彻重要讲话精神。来源：江西日报"
TRADITIONAL = (
    "省委書記主持召開全省疫情防控工作視頻調度會，強調要深入貫徹重要講話精神。來源：江西日報"
)


def _page(text: str, declaration: str = "") -> str:
    return f"<html><head>{declaration}<title>news</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        ("x-gbk", "gb18030"),
        ("cp936", "gb18030"),
        ("gb18030", "gb18030"),
        ("big5", "big5hkscs"),
        ("Big5-HKSCS", "big5hkscs"),
        ("utf8", "utf-8"),
        ("UTF-8", "utf-8"),
        ("us-ascii", "utf-8"),
        ("nonsense", None),
    ],
)
def test_labels_widen(label: str, codec: str | None) -> None:
    assert widen(label) == codec


@pytest.mark.parametrize(
    ("head", "label"),
    [
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', "gb2312"),
        ("<meta charset='utf-8'>", "utf-8"),
        ("<META CHARSET=GBK>", "GBK"),
        ('<?xml version="1.0" encoding="big5"?>', "big5"),
        ("<title>无声明</title>", None),
    ],
)
def test_declared_charset(head: str, label: str | None) -> None:
    assert declared_charset(head.encode("ascii", "xmlcharrefreplace")) == label


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_wins(bom: bytes, codec: str) -> None:
    data = bom + _page(NEWS, "<meta charset='gb2312'>").encode(codec)
    decoded = decode(data, "gbk")
    assert decoded.found_by == "bom"
    assert NEWS in decoded.text
    assert not decoded.text.startswith("\ufeff")


def test_caller_then_declaration() -> None:
    data = _page(NEWS, "<meta charset='gb2312'>").encode("gbk")
    assert decode(data, "GB2312").found_by == "caller"
    assert decode(data, "utf-8").found_by == "declared"  # the header lies; the page does not
    assert decode(data).found_by == "declared"


@pytest.mark.parametrize(
    ("codec", "label", "encoding"),
    [
        ("gbk", "utf-8", "gb18030"),
        ("utf-8", "gb2312", "utf-8"),
        ("big5hkscs", "gb2312", "big5hkscs"),
        ("big5hkscs", "utf-8", "big5hkscs"),
        ("gbk", "big5", "gb18030"),
    ],
)
def test_lying_declarations(codec: str, label: str, encoding: str) -> None:
    text = TRADITIONAL if codec.startswith("big5") else NEWS
    data = _page(text, f"<meta charset='{label}'>").encode(codec)
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert text in decoded.text


def test_undeclared_pages() -> None:
    assert decode(_page(NEWS).encode("gbk")).encoding == "gb18030"
    assert decode(_page(NEWS).encode("utf-8")).encoding == "utf-8"
    big5 = decode(_page(TRADITIONAL).encode("big5"))
    assert (big5.encoding, big5.found_by) == ("big5hkscs", "detected")
    assert TRADITIONAL in big5.text


def test_gbk_characters_in_a_page_declared_gb2312() -> None:
    text = "镕基同志与喆、玥、堃一同出席"  # 镕, 喆, 玥, 堃 are GBK, not GB2312
    data = _page(text * 3, "<meta charset='gb2312'>").encode("gbk")
    assert text in decode(data).text


def test_mixed_page_is_decoded_segment_by_segment() -> None:
    body = _page(NEWS * 4, "<meta charset='utf-8'>").encode("utf-8")
    footer = "<div>江西日报社中国江西网版权所有 赣ICP备05004321号</div>".encode("gbk")
    decoded = decode(body.replace(b"</body>", footer + b"</body>"))
    assert (decoded.encoding, decoded.found_by) == ("utf-8+gb18030", "mixed")
    assert "江西日报社中国江西网版权所有" in decoded.text
    assert NEWS in decoded.text


def test_no_silent_cp1252() -> None:
    data = _page(NEWS, "<meta charset='iso-8859-1'>").encode("gbk")
    assert decode(data).encoding == "gb18030"
    with pytest.raises(DecodeError):
        decode(b"\x80\x81\xff<p>\xff</p>\xfe\x80", "windows-1252")


def test_plausible() -> None:
    assert plausible(NEWS, "gb18030")
    assert not plausible(NEWS.encode("utf-8").decode("gb18030", "replace"), "gb18030")
    assert plausible(TRADITIONAL, "big5hkscs")
    assert not plausible(NEWS.encode("gbk").decode("big5hkscs", "replace"), "big5hkscs")
    assert plausible("短", "gb18030")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "gb2312", "utf-8", "big5", "latin-1", "x"]))
def test_any_bytes_decode_or_raise_decode_error(data: bytes, encoding: str | None) -> None:
    try:
        decoded = decode(data, encoding)
    except DecodeError:
        return
    assert decoded.encoding not in ("cp1252", "latin-1", "iso8859-1", "windows-1252")
    assert isinstance(decoded.text, str)


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="省委书记主持召开全省疫情防控工作会议来源江西日报，。：“”",
        min_size=10,
        max_size=80,
    ),
    st.sampled_from(["utf-8", "gbk"]),
    st.sampled_from(["", "<meta charset='utf-8'>", "<meta charset='gb2312'>"]),
)
def test_chinese_text_round_trips_whatever_the_declaration(
    text: str, codec: str, declaration: str
) -> None:
    assert text in decode(_page(text, declaration).encode(codec)).text
