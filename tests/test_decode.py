"""Bytes to text: BOMs, declared and lying charsets, widened labels, mixed pages."""

from __future__ import annotations

import codecs
import importlib
import pathlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews.decode import declared_charset, decode, plausible, widen
from govnews.errors import DecodeError

# The package exports the function decode under the module's name.
decode_module = importlib.import_module("govnews.decode")

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


# ---------------------------------------------------------------- fast paths
#
# The plausibility test and the proofs that a step of the chain fails were
# loops over characters and runs; they are now a few passes of C over the
# text or the bytes. Each fast path is checked here against the definition it
# replaces, written out as that loop.


def _slow_gb_counts(text: str) -> tuple[int, int]:
    """The definition: non-ASCII characters, and those GB2312 puts in its symbol
    rows or level-1 hanzi, one character at a time."""
    chars = [ch for ch in text if ch >= "\u0080"]
    common = 0
    for ch in chars:
        try:
            pair = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if len(pair) == 2 and (0xA1 <= pair[0] <= 0xA3 or 0xB0 <= pair[0] <= 0xD7):
            common += 1
    return len(chars), common


def _slow_big5_counts(text: str) -> tuple[int, int]:
    """The definition for Big5: symbols and frequent hanzi, 0xA140-0xC67E."""
    chars = [ch for ch in text if ch >= "\u0080"]
    common = 0
    for ch in chars:
        try:
            pair = ch.encode("big5")
        except UnicodeEncodeError:
            continue
        if len(pair) == 2 and 0xA140 <= (pair[0] << 8 | pair[1]) <= 0xC67E:
            common += 1
    return len(chars), common


def _slow_plausible(text: str, codec: str) -> bool:
    if codec == "gb18030":
        others, common = _slow_gb_counts(text)
    elif codec in ("big5hkscs", "big5", "cp950"):
        others, common = _slow_big5_counts(text)
    else:
        return True
    return others < 8 or common / others >= 0.7


_MISREADINGS = [
    ("utf-8", "gb18030"),  # UTF-8 read as GBK
    ("gbk", "utf-8"),
    ("gbk", "big5hkscs"),  # GBK read as Big5
    ("big5", "gb18030"),  # Big5 read as GBK
    ("big5hkscs", "gb18030"),
    ("gb18030", "gb18030"),
]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """News text, Traditional text, symbols, rare and unencodable characters,
    lone surrogates, and all of these misread through a wrong codec."""
    base = draw(
        st.lists(
            st.one_of(
                st.sampled_from(
                    [NEWS, TRADITIONAL, "·—…、《》", "镕喆玥堃", "\u00b7\u2014\u30fb\u2015"]
                ),
                st.text(max_size=20),
                st.text(
                    alphabet=st.characters(min_codepoint=0x80, max_codepoint=0xFFFF), max_size=20
                ),
                st.text(alphabet="ⅰⅱ€\ue766\ue810\ue4c6\u3000\uff01", max_size=6),
            ),
            max_size=6,
        ).map("".join)
    )
    source, reading = draw(st.sampled_from([*_MISREADINGS, ("", "")]))
    if source:
        base = base.encode(source, "replace").decode(reading, "replace")
    return base


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_counts_agree_with_the_character_loop(text: str) -> None:
    """One encode and a few byte counts give the loop's counts and verdicts."""
    assert _slow_gb_counts(text) == decode_module._gb_counts(text)
    assert _slow_big5_counts(text) == decode_module._big5_counts(text)
    for codec in ("gb18030", "big5hkscs", "big5", "cp950", "utf-8"):
        assert _slow_plausible(text, codec) == plausible(text, codec)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _texts().map(lambda t: t.encode("gb18030", "replace")),
        st.text(alphabet=NEWS + "·—ⅰ€\ue766\ue810<p> 1a", max_size=60).map(
            lambda t: t.encode("gb18030")
        ),
        st.binary(max_size=300),
    )
)
def test_counts_read_off_gb18030_bytes_agree(data: bytes) -> None:
    """Counts read off the bytes, when they can be, equal the text's."""
    text = data.decode("gb18030", "replace")
    data = text.encode("gb18030")
    counts = decode_module._gb_counts_of_bytes(data, text)
    assert counts is None or counts == _slow_gb_counts(text)


def test_pair_classes_agree_with_the_codecs_for_every_pair() -> None:
    """Every GB18030 pair with a trail byte above 0x80, one by one."""
    for lead in range(0x81, 0xFF):
        for trail in range(0x80, 0xFF):
            pair = bytes([lead, trail])
            text = pair.decode("gb18030")
            assert decode_module._gb_counts_of_bytes(pair, text) == _slow_gb_counts(text), pair


def test_pairs_read_off_bytes_on_pages() -> None:
    """A GBK-only character turns the byte count off; symbols do not."""
    page = _page(NEWS * 20 + "·——" + "镕基" + "ⅰ€", "<meta charset='gb2312'>")
    data = page.encode("gb18030")
    assert decode_module._gb_counts_of_bytes(data, page) is None  # 镕 has a low trail byte
    simple = _page(NEWS * 20 + "·——ⅰ€").encode("gb18030")
    text = simple.decode("gb18030")
    assert decode_module._gb_counts_of_bytes(simple, text) == _slow_gb_counts(text)


def _slow_mixed(data: bytes) -> str | None:
    """The definition of a mixed page: every run proves itself, most bytes UTF-8."""
    pieces: list[str] = []
    legacy: list[str] = []
    last = utf8 = gbk = 0
    for match in re.finditer(rb"[\x80-\xff]+", data):
        pieces.append(data[last : match.start()].decode("ascii"))
        run = match.group()
        try:
            text = run.decode("utf-8")
            utf8 += len(run)
        except UnicodeDecodeError:
            try:
                text = run.decode("gb18030")
            except UnicodeDecodeError:
                return None
            legacy.append(text)
            gbk += len(run)
        pieces.append(text)
        last = match.end()
    pieces.append(data[last:].decode("ascii", "replace"))
    gbk_text = "".join(legacy)
    if not gbk or utf8 < gbk or len(gbk_text) < 2 or not _slow_plausible(gbk_text, "gb18030"):
        return None
    return "".join(pieces)


_RUN_TEXTS = st.sampled_from([NEWS, TRADITIONAL, "江西日报社", "abc ", "<p>", "\n", "·", "€"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(_RUN_TEXTS, st.sampled_from(["utf-8", "gbk", "big5", "gb18030"])).map(
                lambda pair: pair[0].encode(pair[1], "replace")
            ),
            st.binary(max_size=8),
        ),
        max_size=12,
    ).map(b"".join)
)
def test_mixed_pages_agree_with_the_run_by_run_definition(data: bytes) -> None:
    """The cheap proof that a page is not mixed never rejects a mixed page."""
    assert _slow_mixed(data) == decode_module._mixed(data)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=9000),
        _texts().map(lambda t: (t * 50).encode("gbk", "replace")),
        st.tuples(st.binary(max_size=4200), st.binary(max_size=20)).map(lambda p: p[0] + p[1]),
    ),
    st.sampled_from(sorted(decode_module._DETECTABLE)),
)
def test_an_early_failure_is_a_failure_of_the_whole(data: bytes, codec: str) -> None:
    """A decode error well inside the first 4 KB is one of the whole page."""
    if decode_module._fails_early(data, codec):
        with pytest.raises(UnicodeDecodeError):
            data.decode(codec)


def test_traditional_gbk_page_keeps_its_declared_reading() -> None:
    """Mostly GBK-only characters: not plausible as GB2312 text, and no other
    reading passes, so the declaration stands (after every proof fails)."""
    data = _page(TRADITIONAL * 40, "<meta charset='gb2312'>").encode("gbk")
    decoded = decode(data)
    assert (decoded.encoding, decoded.found_by) == ("gb18030", "declared")
    assert TRADITIONAL in decoded.text


def test_utf16_text_starting_with_nul_is_not_utf32() -> None:
    """FF FE 00 00 opens both UTF-32 LE and UTF-16 LE with a NUL: the bytes decide."""
    text = "\x00(guó)来源:江西日报 作者:魏星"
    decoded = decode(text.encode("utf-16"))
    assert (decoded.text, decoded.encoding, decoded.found_by) == (text, "utf-16", "bom")
    assert decode(text.encode("utf-32")).encoding == "utf-32"


# ---------------------------------------------------------------- the decode chain as it was


def _reference_decode(data: bytes, encoding: str | None = None) -> tuple[str, str | None, str]:
    """:func:`decode` before the shortcut for pages with GBK-only characters:
    every labelled reading is counted for plausibility as soon as it decodes.
    The steps themselves (each checked against its definition above) are the
    module's."""
    m = decode_module
    for bom, codec in m._BOMS:
        if data.startswith(bom):
            if codec == "utf-32" and m._strict(data, codec) is None:
                text = m._strict(data, "utf-16")
                if text is not None:
                    return text, "utf-16", "bom"
            return data.decode(codec, errors="replace"), codec.replace("-sig", ""), "bom"
    wide = m._wide_unicode(data)
    if wide is not None:
        return wide.text, wide.encoding, wide.found_by
    tried: list[str] = []
    fallback: tuple[str, str | None, str] | None = None
    for label, found_by in ((encoding, "caller"), (declared_charset(data), "declared")):
        candidate = widen(label) if label else None
        if candidate is None or candidate in m._UNTRUSTED or candidate in tried:
            continue
        tried.append(candidate)
        text = m._strict(data, candidate)
        if text is None:
            continue
        if _slow_plausible(text, candidate):
            return text, candidate, found_by
        fallback = fallback or (text, candidate, found_by)
    gb_text: str | None = None
    for codec in ("utf-8", "gb18030"):
        if codec in tried:
            continue
        tried.append(codec)
        text = m._strict(data, codec)
        if text is not None and _slow_plausible(text, codec):
            return text, codec, codec
        if codec == "gb18030":
            gb_text = text
    if re.search(rb"[\x80-\xff]", data):
        mixed = _slow_mixed(data)
        if mixed is not None:
            return mixed, "utf-8+gb18030", "mixed"
    detected = m._detect(data, tried)
    if detected is not None:
        return detected.text, detected.encoding, detected.found_by
    if "big5hkscs" not in tried:
        tried.append("big5hkscs")
        text = m._strict(data, "big5hkscs")
        if text is not None and _slow_plausible(text, "big5hkscs"):
            return text, "big5hkscs", "detected"
    if fallback is not None:
        return fallback
    text = gb_text if gb_text is not None else m._strict(data, "gb18030")
    if text is not None:
        return text, "gb18030", "gb18030"
    raise DecodeError("no encoding", tuple(tried))


def _both(data: bytes, encoding: str | None) -> None:
    """decode and the reference agree: the same reading, or both raise."""
    try:
        expected: tuple[str, str | None, str] | None = _reference_decode(data, encoding)
    except DecodeError:
        expected = None
    try:
        decoded = decode(data, encoding)
    except DecodeError:
        assert expected is None
        return
    assert (decoded.text, decoded.encoding, decoded.found_by) == expected


_DECLARED = ["", "<meta charset='gb2312'>", "<meta charset='utf-8'>", "<meta charset='big5'>"]
_CALLERS = [None, "gbk", "utf-8", "big5", "latin-1"]
# GBK-only characters (low trail bytes), Traditional text, rare hanzi.
_GBK_ONLY = "镕喆玥堃馮國學會說話"


@st.composite
def _encoded_pages(draw: st.DrawFn) -> bytes:
    """Pages in GBK, UTF-8 or Big5, some mixed, some with GBK-only characters
    early or only after the first 4 KB, under every kind of declaration."""
    text = draw(
        st.lists(
            st.one_of(
                st.sampled_from([NEWS, TRADITIONAL, _GBK_ONLY, "abc ", "·—", "€"]),
                st.text(max_size=8),
            ),
            min_size=1,
            max_size=8,
        ).map("".join)
    )
    codec = draw(st.sampled_from(["gbk", "gb18030", "utf-8", "big5", "big5hkscs"]))
    body = text.encode(codec, "replace")
    pad = b" " * draw(st.sampled_from([0, 100, 5000]))
    tail = draw(
        st.one_of(
            st.just(b""),
            st.sampled_from([NEWS, TRADITIONAL, _GBK_ONLY]).map(
                lambda t: t.encode(draw(st.sampled_from(["gbk", "utf-8", "big5"])), "replace")
            ),
            st.binary(max_size=6),
        )
    )
    head = _page("", draw(st.sampled_from(_DECLARED))).encode("ascii")
    return head + pad + body * draw(st.integers(1, 30)) + tail


@settings(max_examples=400, deadline=None)
@given(st.one_of(_encoded_pages(), st.binary(max_size=600)), st.sampled_from(_CALLERS))
def test_decode_agrees_with_the_chain_as_it_was(data: bytes, encoding: str | None) -> None:
    _both(data, encoding)


def test_decode_agrees_on_composed_pages_and_examples() -> None:
    """Every composed page in every variant, also in GBK with Traditional text
    (as the benchmark serves it), and the example dumps in three encodings."""
    from tests import compose

    datas: list[bytes] = [page.data for page in compose.pages()]
    convert = compose._s2t()
    for name in compose.BUILDERS:
        html = convert(compose.build(name).html)
        for label in ("gb2312", "utf-8", ""):
            tag = f"<meta charset='{label}'>" if label else ""
            datas.append(html.replace("{charset}", tag, 1).encode("gbk", "xmlcharrefreplace"))
    for path in sorted(pathlib.Path(compose.EXAMPLES).glob("*.txt")):
        text = path.read_text("utf-8")
        datas.extend(text.encode(codec, "replace") for codec in ("utf-8", "gbk", "big5"))
    for data in datas:
        for encoding in (None, "gbk"):
            _both(data, encoding)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_encoded_pages(), st.binary(max_size=600)))
def test_utf8_bound_is_never_below_the_bytes_a_decode_keeps(data: bytes) -> None:
    high = bytes(b for b in data if b >= 0x80)
    kept = len(high.decode("utf-8", "ignore").encode("utf-8"))
    assert decode_module._utf8_bytes_at_most(high) >= kept


def test_detection_judges_a_large_page_by_the_part_that_needs_an_encoding() -> None:
    """Past 128 KB, charset-normalizer sees 128 KB from the first non-ASCII byte."""
    text = "國內新聞，省委書記主持召開會議，強調要加強疫情防控工作。\n" * 4000
    for ascii_before in (0, 300_000):
        data = b"<p>" + b"x" * ascii_before + text.encode("big5hkscs")
        assert len(data) > 128 * 1024
        decoded = decode(data)
        assert (decoded.encoding, decoded.found_by) == ("big5hkscs", "detected")
        assert decoded.text.endswith(text)
