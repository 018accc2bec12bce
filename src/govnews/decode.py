"""Bytes to text: the first stage of the pipeline.

The order is fixed and every step is a strict decode, so a wrong guess fails
loudly instead of producing mojibake:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the charset the caller declares (an HTTP header value), then the one the
   page declares (``<meta charset>``, ``http-equiv``, an XML declaration);
3. UTF-8, then GB18030 (the superset of GB2312 and GBK these sites use);
4. detection with charset-normalizer, for Big5 and anything rarer.

Labels widen to their supersets (gb2312, gbk and cp936 decode as GB18030;
big5 as Big5-HKSCS), because these sites declare gb2312 and serve GBK. There
is never a silent fallback to a single-byte Western codec.
"""

from __future__ import annotations

import codecs
import re

import attrs

from govnews.errors import DecodeError

__all__ = ["Decoded", "decode", "widen"]

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
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _WIDER.get(codec, codec)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, as written.

    Example:
        >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
        'gb2312'
    """
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    raw = match.group(1) or match.group(2)
    return raw.decode("ascii", "replace")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    codec = widen(best.encoding) or best.encoding
    if codec in _UNTRUSTED:
        return None
    text = _strict(data, codec)
    return Decoded(text, codec, "detected") if text is not None else None


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
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return Decoded(text, codec.replace("-sig", ""), "bom")
    tried: list[str] = []
    for label, found_by in ((encoding, "caller"), (declared_charset(data), "declared")):
        codec = widen(label) if label else None
        if codec is None or codec in _UNTRUSTED or codec in tried:
            continue
        tried.append(codec)
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, found_by)
    for codec in ("utf-8", "gb18030"):
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, codec)
        tried.append(codec)
    detected = _detect(data)
    if detected is not None:
        return detected
    raise DecodeError(
        f"no encoding reads these {len(data):,} bytes (tried {', '.join(tried)} "
        "and detection); pass encoding= if you know it",
        tuple(tried),
    )
