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


def _cjk(text: str) -> list[str]:
    return [ch for ch in text if ch >= "\u0080"]


def _gb_ratio(chars: list[str]) -> float:
    """Share of characters in GB2312's symbol rows or its common-hanzi level 1.

    GBK news text scores above 0.9; UTF-8 or Big5 bytes read as GBK score
    well under 0.5, because their byte pairs land in the rare-hanzi rows.
    """
    good = 0
    for ch in chars:
        try:
            pair = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if len(pair) == 2 and (0xA1 <= pair[0] <= 0xA3 or 0xB0 <= pair[0] <= 0xD7):
            good += 1
    return good / len(chars)


def _big5_ratio(chars: list[str]) -> float:
    """Share of characters in Big5's symbol rows or its frequent-hanzi block."""
    good = 0
    for ch in chars:
        try:
            pair = ch.encode("big5")
        except UnicodeEncodeError:
            continue
        if len(pair) == 2 and 0xA140 <= (pair[0] << 8 | pair[1]) <= 0xC67E:
            good += 1
    return good / len(chars)


def plausible(text: str, codec: str) -> bool:
    """Whether a strict decode with a multi-byte Chinese codec reads as Chinese.

    A strict decode proves little for GB18030 and Big5: most byte strings are
    valid in both. The characters they give tell the right reading from the
    wrong one. Short texts, and codecs other than these two, always pass.

    Example:
        >>> text = "省委书记主持召开全省疫情防控工作会议"
        >>> misread = text.encode("utf-8").decode("gb18030")
        >>> plausible(text, "gb18030"), plausible(misread, "gb18030")
        (True, False)
    """
    chars = _cjk(text)
    if len(chars) < 8:
        return True
    if codec == "gb18030":
        return _gb_ratio(chars) >= _MIN_RATIO
    if codec in ("big5hkscs", "big5", "cp950"):
        return _big5_ratio(chars) >= _MIN_RATIO
    return True


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


def _mixed(data: bytes) -> str | None:
    """A mostly UTF-8 page with some GBK runs, decoded run by run.

    Every run of non-ASCII bytes must be valid UTF-8 or plausible GB18030 on
    its own, most runs must be UTF-8, and at least one must be GB18030;
    otherwise the mix is not proven and ``None`` is returned.
    """
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


_UTF16_HIGH = frozenset([0x00, 0x20, 0x30, 0xFF, *range(0x4E, 0xA0)])


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
            share = sum(1 for b in highs if b in _UTF16_HIGH) / len(highs)
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


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    sample = strip_tags(data)
    if not _RUNS.search(sample):
        sample = data
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        return None
    codec = widen(best.encoding) or best.encoding
    if codec not in _DETECTABLE:
        # A single-byte codec reads any bytes at all: for pages of Chinese
        # news such a guess is mojibake, never a decoding.
        return None
    text = _strict(data, codec)
    if text is None or not plausible(text, codec):
        return None
    return Decoded(text, codec, "detected")


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
            # A byte-order mark is proof of the encoding; bytes that break it
            # become U+FFFD, which the repairs then count as lost.
            marked = data.decode(codec, errors="replace")
            return Decoded(marked, codec.replace("-sig", ""), "bom")
    wide = _wide_unicode(data)
    if wide is not None:
        return wide
    tried: list[str] = []
    fallback: Decoded | None = None
    for label, found_by in ((encoding, "caller"), (declared_charset(data), "declared")):
        candidate = widen(label) if label else None
        if candidate is None or candidate in _UNTRUSTED or candidate in tried:
            continue
        tried.append(candidate)
        text = _strict(data, candidate)
        if text is None:
            continue
        if plausible(text, candidate):
            return Decoded(text, candidate, found_by)
        fallback = fallback or Decoded(text, candidate, found_by)
    for codec in ("utf-8", "gb18030"):
        if codec in tried:
            continue
        tried.append(codec)
        text = _strict(data, codec)
        if text is not None and plausible(text, codec):
            return Decoded(text, codec, codec)
    if _RUNS.search(data):
        mixed = _mixed(data)
        if mixed is not None:
            return Decoded(mixed, "utf-8+gb18030", "mixed")
    detected = _detect(data)
    if detected is not None:
        return detected
    if "big5hkscs" not in tried:
        tried.append("big5hkscs")
        text = _strict(data, "big5hkscs")
        if text is not None and plausible(text, "big5hkscs"):
            return Decoded(text, "big5hkscs", "detected")
    if fallback is not None:
        return fallback
    text = _strict(data, "gb18030")
    if text is not None:
        return Decoded(text, "gb18030", "gb18030")
    raise DecodeError(
        f"no encoding reads these {len(data):,} bytes (tried {', '.join(tried)} "
        "and detection); pass encoding= if you know it",
        tuple(tried),
    )
