"""Bytes to text: the first stage of the pipeline.

The order is fixed and every step is a strict decode, so a wrong guess fails
loudly instead of producing mojibake:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the charset the caller declares (an HTTP header value), then the one the
   page declares (``<meta charset>``, ``http-equiv``, an XML declaration);
3. UTF-8, then GB18030 (the superset of GB2312 and GBK these sites use);
4. a page of UTF-8 with GBK runs (a footer pasted from an older page) is
   decoded run by run when every run proves itself (``found_by="mixed"``);
5. detection with charset-normalizer on the page without its tags, then
   Big5-HKSCS.

A strict decode proves little for the double-byte codecs: most byte strings
are valid GB18030 and valid Big5. So a GB18030 or Big5 reading must also be
:func:`plausible`: its characters must be mostly the common ones of that
codec's own character set. A declared charset that fails this (a page that
says gb2312 and serves UTF-8 or Big5) loses to the reading that passes.

Labels widen to their supersets (gb2312, gbk and cp936 decode as GB18030;
big5 as Big5-HKSCS), because these sites declare gb2312 and serve GBK. There
is never a silent fallback to a single-byte Western codec.
"""

from __future__ import annotations

import codecs
import re

import attrs

from govnews.errors import DecodeError

__all__ = ["Decoded", "declared_charset", "decode", "plausible", "widen"]

_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}

# Single-byte Western labels that Chinese pages declare by mistake; a page
# that passes a strict decode with them is still read by the Chinese chain.
_UNTRUSTED = {"iso8859-1", "latin-1", "cp1252", "windows-1252", "iso-8859-1"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""",
    re.IGNORECASE,
)


@attrs.frozen
class Decoded:
    """Text decoded from bytes, and how the encoding was chosen.

    Attributes:
        text: the decoded text.
        encoding: the codec used (a Python codec name).
        found_by: ``bom``, ``caller``, ``declared``, ``utf-8``, ``gb18030``,
            ``mixed`` (UTF-8 with GB18030 runs, encoding ``utf-8+gb18030``),
            ``detected`` or ``text`` (the input was already text).

    Example:
        >>> decode("新闻".encode("gbk")).encoding
        'gb18030'
    """

    text: str
    encoding: str | None
    found_by: str


def widen(label: str) -> str | None:
    """The Python codec to read a declared charset label with, or ``None``.

    Example:
        >>> widen("GB2312"), widen("Big5"), widen("no-such-charset")
        ('gb18030', 'big5hkscs', None)
    """
    name = label.strip().strip("\"'").lower()
    name = _WIDER.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, UnicodeError):
        return None
    # Codecs that are not text encodings (bytes-to-bytes, escapes, the
    # 'undefined' codec) are not charsets, whatever a page declares.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return _WIDER.get(info.name, info.name)


_NOT_CHARSETS = {
    "undefined",
    "unicode-escape",
    "raw-unicode-escape",
    "unicode_escape",
    "raw_unicode_escape",
    "idna",
    "punycode",
    "palmos",
    "mbcs",
    "oem",
}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, as written.

    Example:
        >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
        'gbk'
    """
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    raw = match.group(1) or match.group(2)
    return raw.decode("ascii", "replace")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError, ValueError):
        return None


# Bytes below 0x80: deleting them from a GB2312 or Big5 encoding leaves the
# bytes of the non-ASCII characters, two to a character.
_ASCII_BYTES = bytes(range(0x80))
# GB2312's symbol rows (0xA1-0xA3) and its level-1 hanzi (0xB0-0xD7).
_GB_COMMON_LEADS = bytes([0xA1, 0xA2, 0xA3, *range(0xB0, 0xD8)])
# Big5's symbols and frequent hanzi run from 0xA140 to 0xC67E: every lead byte
# from 0xA1 to 0xC5, and 0xC6 with a trail byte up to 0x7E.
_BIG5_COMMON_LEADS = bytes(range(0xA1, 0xC6))
_ASCII_RUNS = re.compile("[\x00-\x7f]+")
# Big5 lead 0xC6 and low trail bytes, as two disjoint alphabets (see below).
_C6_LEAD = bytes(b"c"[0] if b == 0xC6 else b"x"[0] for b in range(256))
_LOW_TRAIL = bytes(b"l"[0] if 0x40 <= b <= 0x7E else b"h"[0] for b in range(256))


def _gb_counts(text: str) -> tuple[int, int]:
    """Non-ASCII characters, and those in GB2312's symbol rows or level-1 hanzi.

    GBK news text scores above 0.9; UTF-8 or Big5 bytes read as GBK score
    well under 0.5, because their byte pairs land in the rare-hanzi rows.
    One encode does the work of a loop over the characters: the
    ``gb2312`` codec drops what it cannot encode (those characters are not
    common), writes ASCII as one byte below 0x80 and every other character as
    two bytes above it, so the lead bytes are every other byte of what is left
    once the ASCII is taken out.
    """
    encoded = text.encode("gb2312", "ignore")
    pairs = encoded.translate(None, _ASCII_BYTES)
    others = len(text) - (len(encoded) - len(pairs))
    leads = pairs[0::2]
    return others, len(leads) - len(leads.translate(None, _GB_COMMON_LEADS))


def _big5_counts(text: str) -> tuple[int, int]:
    """Non-ASCII characters, and those in Big5's symbols or frequent hanzi.

    Big5 trail bytes can be ASCII bytes, so the ASCII characters are taken out
    of the text before it is encoded; then every character left is two bytes
    (or none, if Big5 lacks it) and the pairs line up.
    """
    wide = _ASCII_RUNS.sub("", text)
    encoded = wide.encode("big5", "ignore")
    leads, trails = encoded[0::2], encoded[1::2]
    common = len(leads) - len(leads.translate(None, _BIG5_COMMON_LEADS))
    if b"\xc6" in leads:
        # Lead 0xC6 counts only with a low trail byte. Lead and trail bytes
        # are moved to two disjoint alphabets so that a two-byte search can
        # only find a lead and its own trail.
        marked = bytearray(len(encoded))
        marked[0::2] = leads.translate(_C6_LEAD)
        marked[1::2] = trails.translate(_LOW_TRAIL)
        common += marked.count(b"cl")
    return len(wide), common


# The GB2312 test of _gb_counts read straight off GB18030 bytes, for a page
# whose every non-ASCII character is two bytes above 0x80. A pair is common
# when its lead byte is in _GB_COMMON_LEADS and its trail byte at least 0xA1,
# except for 29 pairs that GB18030 and Python's gb2312 codec map apart (A1A4
# and A1AA, most of row A2's GBK additions and user area, D7FA-D7FE): the
# tests check this against the codecs pair by pair. Each lead byte becomes a
# class in the high nibble, each trail byte one in the low nibble, so that
# OR-ing the two (as big integers) gives a code per pair.
_LEAD_CLASS = bytes(
    0x10 if b == 0xA1 else 0x20 if b == 0xA2 else 0x30 if b == 0xD7 else
    0x40 if b == 0xA3 or 0xB0 <= b <= 0xD6 else 0
    for b in range(256)
)  # fmt: skip
_TRAIL_CLASS = bytes(
    0 if b < 0xA1 else 1 if b == 0xA4 else 2 if b == 0xAA else 3 if b <= 0xB0 else
    4 if b in (0xE3, 0xE4, 0xEF, 0xF0) else 5 if b in (0xFA, 0xFB, 0xFC) else
    6 if b in (0xFD, 0xFE) else 7
    for b in range(256)
)  # fmt: skip
_COMMON_PAIRS = bytes(
    [
        *(0x13, 0x14, 0x15, 0x16, 0x17),  # A1: not A4, AA
        *(0x25, 0x27),  # A2: FA-FC, and B1-F9 but E3, E4, EF, F0
        *(0x31, 0x32, 0x33, 0x34, 0x37),  # D7: not FA-FE
        *(0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47),  # A3, B0-D6: any trail from A1
    ]
)


class _Page:
    """A page's bytes, and their non-ASCII bytes once some step has asked.

    The plausibility count and the proof against a mixed page both read the
    bytes above 0x7F; taking the ASCII out is a pass over the whole page, done
    once for both.
    """

    __slots__ = ("_high", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._high: bytes | None = None

    @property
    def high(self) -> bytes:
        """The page's bytes above 0x7F, in order."""
        if self._high is None:
            self._high = self.data.translate(None, _ASCII_BYTES)
        return self._high


def _gb_counts_of_bytes(
    data: bytes, text: str, page: _Page | None = None
) -> tuple[int, int] | None:
    """:func:`_gb_counts` of ``text``, the strict GB18030 decode of ``data``.

    ``None`` unless every non-ASCII character came from two bytes above 0x80
    (text with GBK-only characters, whose trail bytes can be ASCII, or with
    four-byte characters). Then ``data`` with its ASCII bytes taken out is
    the characters' pairs, and counting them is cheaper than encoding the
    text again. ``page``, when given, holds ``data`` and its non-ASCII bytes.
    """
    pairs = (page or _Page(data)).high
    others = len(data) - len(text)
    # A two-byte character with a low trail byte, or a four-byte one, makes
    # the pairs fewer than twice the bytes the decode saved.
    if len(pairs) != 2 * others:
        return None
    leads = int.from_bytes(pairs[0::2].translate(_LEAD_CLASS), "big")
    trails = int.from_bytes(pairs[1::2].translate(_TRAIL_CLASS), "big")
    codes = (leads | trails).to_bytes(others, "big")
    return others, others - len(codes.translate(None, _COMMON_PAIRS))


def _plausible_decode(data: bytes, text: str, codec: str, page: _Page | None = None) -> bool:
    """:func:`plausible` for ``text``, the strict decode of ``data`` with ``codec``."""
    if codec == "gb18030":
        counts = _gb_counts_of_bytes(data, text, page)
        if counts is not None:
            return _enough(*counts)
    return plausible(text, codec)


def _enough(others: int, common: int) -> bool:
    """The verdict of :func:`plausible` on its counts: non-ASCII characters,
    and the common ones among them."""
    return others < 8 or common / others >= _MIN_RATIO


def plausible(text: str, codec: str) -> bool:
    """Whether a strict decode with a multi-byte Chinese codec reads as Chinese.

    A strict decode proves little for GB18030 and Big5: most byte strings are
    valid in both. The characters they give tell the right reading from the
    wrong one: at least 70% of the non-ASCII characters must be common ones of
    the codec's own character set (GB2312's symbol rows and level-1 hanzi;
    Big5's symbols and frequent hanzi). Short texts (under 8 non-ASCII
    characters), and codecs other than these two, always pass.

    Example:
        >>> text = "省委书记主持召开全省疫情防控工作会议"
        >>> misread = text.encode("utf-8").decode("gb18030")
        >>> plausible(text, "gb18030"), plausible(misread, "gb18030")
        (True, False)
    """
    if codec == "gb18030":
        others, common = _gb_counts(text)
    elif codec in ("big5hkscs", "big5", "cp950"):
        others, common = _big5_counts(text)
    else:
        return True
    return _enough(others, common)


_MIN_RATIO = 0.7
_RUNS = re.compile(rb"[\x80-\xff]+")


def strip_tags(data: bytes) -> bytes:
    """Page bytes without tags, comments, scripts and styles, in one forward pass.

    An unterminated tag, comment or script ends the text there, so hostile
    pages cost linear time.

    Example:
        >>> strip_tags(b"<p>a<!-- b --><script>c</script>d</p>")
        b' a  d '
    """
    lowered = data.lower()
    out: list[bytes] = []
    i, size = 0, len(data)
    while i < size:
        lt = data.find(b"<", i)
        if lt < 0:
            out.append(data[i:])
            break
        out.append(data[i:lt])
        if data.startswith(b"<!--", lt):
            end, close = data.find(b"-->", lt + 4), 3
        elif lowered.startswith((b"<script", b"<style"), lt):
            name = b"</script" if lowered.startswith(b"<script", lt) else b"</style"
            end = lowered.find(name, lt)
            end = lowered.find(b">", end) if end >= 0 else -1
            close = 1
        else:
            end, close = data.find(b">", lt + 1), 1
        if end < 0:
            break
        out.append(b" ")
        i = end + close
    return b"".join(out)


# Bytes as UTF-8 sees them: "a", "b" and "c" lead sequences of two, three and
# four bytes, "x" continues one, "." is neither (ASCII, or never valid).
_UTF8_CLASS = bytes(
    b"a"[0] if 0xC2 <= b <= 0xDF else b"b"[0] if 0xE0 <= b <= 0xEF else
    b"c"[0] if 0xF0 <= b <= 0xF4 else b"x"[0] if 0x80 <= b <= 0xBF else b"."[0]
    for b in range(256)
)  # fmt: skip


def _utf8_bytes_at_most(high: bytes) -> int:
    """A bound, never below the truth, on the bytes of ``high`` (a page's
    bytes above 0x7F) that a UTF-8 decode keeps.

    Each sequence a decode keeps is a lead byte and its continuation bytes,
    all above 0x7F, so it stands whole in ``high`` and starts a match of
    ``ax``, ``bxx`` or ``cxxx`` there, a different match for each sequence
    (a match's first letter is never an ``x``). Counting the matches takes a
    translation and three byte searches, where the decode itself calls its
    error handler at every byte of a GBK page.
    """
    classes = high.translate(_UTF8_CLASS)
    return 2 * classes.count(b"ax") + 3 * classes.count(b"bxx") + 4 * classes.count(b"cxxx")


def _too_little_utf8(high: bytes) -> bool:
    """Whether the bound proves that UTF-8 keeps less than half of ``high`` (a
    page's bytes above 0x7F): then the page is no mostly-UTF-8 mix."""
    return 2 * (len(high) - _utf8_bytes_at_most(high)) > len(high)


def _mixed(data: bytes, page: _Page | None = None) -> str | None:
    """A mostly UTF-8 page with some GBK runs, decoded run by run.

    Every run of non-ASCII bytes must be valid UTF-8 or plausible GB18030 on
    its own, most runs must be UTF-8, and at least one must be GB18030;
    otherwise the mix is not proven and ``None`` is returned. ``page``, when
    given, holds ``data`` and its non-ASCII bytes.
    """
    # Cheap proof that the mix fails, for a page that is all GBK: every byte
    # a UTF-8 decode has to drop lies in a run that is not UTF-8 (UTF-8
    # resynchronises at every ASCII byte), so when those bytes are half of the
    # non-ASCII bytes or more, the UTF-8 runs cannot be the majority. A bound
    # on the bytes the decode keeps settles most GBK pages without decoding.
    high = (page or _Page(data)).high
    if _too_little_utf8(high):
        return None
    invalid = len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))
    if not invalid or 2 * invalid > len(high):
        return None
    pieces: list[str] = []
    legacy: list[str] = []
    last = 0
    utf8 = gbk = 0
    for match in _RUNS.finditer(data):
        pieces.append(data[last : match.start()].decode("ascii"))
        run = match.group()
        text = _strict(run, "utf-8")
        if text is not None:
            utf8 += len(run)
        else:
            text = _strict(run, "gb18030")
            if text is None:
                return None
            legacy.append(text)
            gbk += len(run)
        pieces.append(text)
        last = match.end()
    pieces.append(data[last:].decode("ascii", "replace"))
    gbk_text = "".join(legacy)
    if not gbk or utf8 < gbk or len(gbk_text) < 2 or not plausible(gbk_text, "gb18030"):
        return None
    return "".join(pieces)


_UTF16_HIGH = bytes([0x00, 0x20, 0x30, 0xFF, *range(0x4E, 0xA0)])


def _printable(text: str) -> bool:
    """Whether nearly all of a text's characters are printable or line breaks."""
    sample = text[:2048]
    bad = sum(1 for ch in sample if not (ch.isprintable() or ch in "\r\n\t"))
    return bad * 20 <= len(sample)


def _wide_unicode(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where its NUL bytes fall."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    codecs_to_try: tuple[str, ...] = ()
    if sample.count(0) * 4 >= len(sample):
        codecs_to_try = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
    elif len(sample) >= 16 and len(sample) % 2 == 0:
        # Chinese in UTF-16: every other byte is the high byte of a CJK code
        # point (0x4E-0x9F), of CJK punctuation (0x30, 0xFF) or of ASCII (0x00).
        for codec, highs in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            share = (len(highs) - len(highs.translate(None, _UTF16_HIGH))) / len(highs)
            if share >= 0.9:
                codecs_to_try = (codec,)
                break
    for codec in codecs_to_try:
        text = _strict(data, codec)
        if text is not None and _printable(text):
            return Decoded(text, codec, "byte-pattern")
    return None


_DETECTABLE = {
    "utf-8",
    "gb18030",
    "big5hkscs",
    "cp950",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "euc_jp",
    "shift_jis",
    "cp932",
    "euc_kr",
    "cp949",
    "iso2022_jp",
    "hz",
}


_PROBE = 4096


def _fails_early(data: bytes, codec: str) -> bool:
    """Whether a strict decode fails within the first few KB, known from those alone.

    A decoder reads left to right, so an error that ends well before the cut
    (further than any character is long) is an error of the whole. Failing
    decodes of whole pages cost an allocation of the page's size each.
    """
    probe = data[:_PROBE]
    try:
        probe.decode(codec)
    except UnicodeDecodeError as error:
        return error.end <= len(probe) - 8
    except (UnicodeError, LookupError, ValueError):
        return False  # the strict decode of the whole will tell
    return False


_DETECT_SAMPLE = 128 * 1024  # bytes; more than a whole news page
_NON_ASCII = bytes(range(0x80, 0x100))


def _head(sample: bytes) -> bytes:
    """At most :data:`_DETECT_SAMPLE` bytes of ``sample``, from its first non-ASCII byte.

    charset-normalizer decodes what it is given whole under every codec it
    tries, some thirty times the sample in memory at once; a page of more
    than a news page's size is judged by this part (the whole is still
    decoded strictly afterwards). It starts where the bytes that need an
    encoding start, after an ASCII byte, and ends before one where it can,
    so it splits no character.

    Example:
        >>> _head(b"abc"), _head(b"a" * 200_000 + "中文".encode())
        (b'abc', b'\xe4\xb8\xad\xe6\x96\x87')
    """
    if len(sample) <= _DETECT_SAMPLE:
        return sample
    first = _RUNS.search(sample)
    start = first.start() if first else 0
    head = sample[start : start + _DETECT_SAMPLE]
    if start + _DETECT_SAMPLE >= len(sample):
        return head
    return head.rstrip(_NON_ASCII) or head


def _detect(data: bytes, rejected: list[str], page: _Page | None = None) -> Decoded | None:
    """charset-normalizer's guess, when it decodes strictly and plausibly.

    ``rejected`` are codecs already known to fail that test. When every
    other codec detection could name fails it too, detection cannot succeed
    and is not run: it is the slowest step, and pages in GBK with mostly
    Traditional characters (not plausible as GB2312 text) reach it.
    """
    if not any(
        codec not in rejected
        and not _fails_early(data, codec)
        and (text := _strict(data, codec)) is not None
        and _plausible_decode(data, text, codec, page)
        for codec in _DETECTABLE
    ):
        return None
    from charset_normalizer import from_bytes

    sample = strip_tags(data)
    if not _RUNS.search(sample):
        sample = data
    best = from_bytes(_head(sample)).best()
    if best is None or best.encoding is None:
        return None
    codec = widen(best.encoding) or best.encoding
    if codec not in _DETECTABLE:
        # A single-byte codec reads any bytes at all: for pages of Chinese
        # news such a guess is mojibake, never a decoding.
        return None
    text = _strict(data, codec)
    if text is None or not _plausible_decode(data, text, codec, page):
        return None
    return Decoded(text, codec, "detected")


def _labelled(encoding: str | None, data: bytes) -> list[tuple[str, str]]:
    """The codecs the caller's and the page's own charset labels name, in that
    order, each with who named it; labels that name no charset, an untrusted
    one or one already named are left out."""
    labelled: list[tuple[str, str]] = []
    for label, found_by in ((encoding, "caller"), (declared_charset(data), "declared")):
        candidate = widen(label) if label else None
        if candidate is None or candidate in _UNTRUSTED:
            continue
        if all(candidate != codec for codec, _ in labelled):
            labelled.append((candidate, found_by))
    return labelled


def _rest_fails(data: bytes, tried: list[str], page: _Page) -> bool:
    """Whether every step of :func:`decode` after the charset labels fails,
    shown without counting any reading's plausibility.

    ``tried`` are the labels' codecs and must hold ``gb18030``. ``False``
    means only that the cheap proofs did not settle it. The steps are the
    UTF-8 and GB18030 decodes, the mixed page (the bound of
    :func:`_utf8_bytes_at_most`), detection (every codec it could name fails
    a strict decode, so it never runs) and Big5-HKSCS (one of those codecs).
    """
    if "gb18030" not in tried:
        return False
    if "utf-8" not in tried and _strict(data, "utf-8") is not None:
        return False
    high = page.high
    if high and not _too_little_utf8(high):
        return False
    return all(
        codec in tried or _fails_early(data, codec) or _strict(data, codec) is None
        for codec in _DETECTABLE
    )


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode page bytes, recording which encoding was used and why.

    Args:
        data: the bytes as served.
        encoding: the charset the caller knows of, such as the HTTP
            ``Content-Type`` header's; it is checked by a strict decode.

    Raises:
        DecodeError: no candidate decodes the bytes.

    Example:
        >>> decoded = decode("来源：江西日报".encode("gb2312"))
        >>> decoded.text, decoded.found_by
        ('来源：江西日报', 'gb18030')
        >>> page = '<meta charset="utf-8"><p>省委书记主持召开全省疫情防控工作会议</p>'
        >>> decode(page.encode("gbk")).found_by  # the declaration lies
        'gb18030'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32" and _strict(data, codec) is None:
                # FF FE 00 00 is also UTF-16's mark before a NUL character:
                # when the bytes break UTF-32 but are UTF-16, they are that.
                text = _strict(data, "utf-16")
                if text is not None:
                    return Decoded(text, "utf-16", "bom")
            # A byte-order mark is proof of the encoding; bytes that break it
            # become U+FFFD, which the repairs then count as lost.
            marked = data.decode(codec, errors="replace")
            return Decoded(marked, codec.replace("-sig", ""), "bom")
    wide = _wide_unicode(data)
    if wide is not None:
        return wide
    page = _Page(data)
    labelled = _labelled(encoding, data)
    tried: list[str] = []
    fallback: Decoded | None = None
    for index, (candidate, found_by) in enumerate(labelled):
        tried.append(candidate)
        text = _strict(data, candidate)
        if text is None:
            continue
        if candidate == "gb18030" and fallback is None and index == len(labelled) - 1:
            # Whether or not this reading is plausible, it is the answer when
            # every later step fails: as the reading that passed, or as the
            # fallback. A page whose counts cannot be read off its bytes
            # (GBK-only characters, as on pages in Traditional characters)
            # would cost an encode of the whole text to count, so the later
            # steps' failure is proven first where that is cheap.
            counts = _gb_counts_of_bytes(data, text, page)
            if counts is None and _rest_fails(data, tried, page):
                return Decoded(text, candidate, found_by)
            passes = _enough(*counts) if counts is not None else plausible(text, candidate)
        else:
            passes = _plausible_decode(data, text, candidate, page)
        if passes:
            return Decoded(text, candidate, found_by)
        fallback = fallback or Decoded(text, candidate, found_by)
    gb_text: str | None = None  # kept for the last resort below
    for codec in ("utf-8", "gb18030"):
        if codec in tried:
            continue
        tried.append(codec)
        text = _strict(data, codec)
        if text is not None and _plausible_decode(data, text, codec, page):
            return Decoded(text, codec, codec)
        if codec == "gb18030":
            gb_text = text
    if _RUNS.search(data):
        mixed = _mixed(data, page)
        if mixed is not None:
            return Decoded(mixed, "utf-8+gb18030", "mixed")
    detected = _detect(data, tried, page)
    if detected is not None:
        return detected
    if "big5hkscs" not in tried:
        tried.append("big5hkscs")
        text = _strict(data, "big5hkscs")
        if text is not None and _plausible_decode(data, text, "big5hkscs", page):
            return Decoded(text, "big5hkscs", "detected")
    if fallback is not None:
        return fallback
    text = gb_text if gb_text is not None else _strict(data, "gb18030")
    if text is not None:
        return Decoded(text, "gb18030", "gb18030")
    raise DecodeError(
        f"no encoding reads these {len(data):,} bytes (tried {', '.join(tried)} "
        "and detection); pass encoding= if you know it",
        tuple(tried),
    )
