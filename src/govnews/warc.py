"""Pages out of WARC crawl archives (``.warc`` and ``.warc.gz``).

Reads every HTTP response record with its target URL and the charset its
server declared, as :class:`~govnews.batch.RawPage` records ready for
:func:`govnews.parse_many`. Reading uses warcio (the optional extra
``govnews[warc]``): it is pure Python, so it installs wherever govnews does,
and it undoes chunked transfer encoding and gzip or deflate content
encoding. It reads about 7,000 records a second on one core, against
parsing's hundred or so, so a faster reader (FastWARC reads about 20,000 to
35,000) would not make a batch measurably faster; see ``docs/cluster.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from govnews.batch import MissingExtraError, RawPage

__all__ = ["WarcError", "charset_of", "is_warc", "read_warc"]

_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_PAGE_TYPES = ("text/", "application/xhtml", "application/xml")


class WarcError(ValueError):
    """The archive is damaged: cut short, or not WARC where a record should start.

    The pages read before the damage have been yielded already.

    Example:
        >>> str(WarcError("crawl.warc.gz: cut short"))
        'crawl.warc.gz: cut short'
    """


def is_warc(path: str | Path) -> bool:
    """Whether a file name is that of a WARC archive.

    Example:
        >>> is_warc("crawl-00001.warc.gz"), is_warc("page.html")
        (True, False)
    """
    name = str(path).lower()
    return name.endswith((".warc", ".warc.gz"))


def charset_of(content_type: str | None) -> str | None:
    """The charset a ``Content-Type`` header declares, if any.

    Example:
        >>> charset_of('text/html; charset="GBK"'), charset_of("text/html")
        ('GBK', None)
    """
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None


def _archive_iterator() -> Any:
    try:
        from warcio.archiveiterator import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
            ArchiveIterator,
        )
    except ImportError as error:
        raise MissingExtraError("warcio", "warc", "reading WARC files") from error
    return ArchiveIterator


def read_warc(path: str | Path, *, every_record: bool = False) -> Iterator[RawPage]:
    """Yield each HTTP response page in a WARC file, with its URL and charset.

    Records are read one at a time, so an archive of any size streams in
    bounded memory. By default only pages are taken: responses with a 2xx
    status whose media type is text, HTML or XML (or not declared).
    ``every_record=True`` takes every HTTP response record.

    Each page is named ``URL`` in outputs and error records; its ``encoding``
    is the charset of the HTTP ``Content-Type``, which :func:`govnews.parse`
    weighs against what the page itself says.

    Raises:
        MissingExtraError: warcio is not installed (``pip install 'govnews[warc]'``).
        WarcError: the archive is damaged (after the pages before the damage).
        OSError: the file cannot be read.

    Example:
        >>> import gzip, io, tempfile, os
        >>> body = "<p>正文。</p>".encode("gbk")
        >>> http = (b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html; charset=gbk\\r\\n"
        ...         b"Content-Length: %d\\r\\n\\r\\n" % len(body)) + body
        >>> record = (b"WARC/1.0\\r\\nWARC-Type: response\\r\\n"
        ...           b"WARC-Target-URI: http://example.cn/a.html\\r\\n"
        ...           b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\\r\\n"
        ...           b"WARC-Date: 2024-01-01T00:00:00Z\\r\\n"
        ...           b"Content-Type: application/http; msgtype=response\\r\\n"
        ...           b"Content-Length: %d\\r\\n\\r\\n" % len(http)) + http + b"\\r\\n\\r\\n"
        >>> folder = tempfile.mkdtemp()
        >>> path = os.path.join(folder, "a.warc.gz")
        >>> with open(path, "wb") as f:
        ...     _ = f.write(gzip.compress(record))
        >>> [(p.url, p.encoding, p.data.decode("gbk")) for p in read_warc(path)]
        [('http://example.cn/a.html', 'gbk', '<p>正文。</p>')]
    """
    iterator = _archive_iterator()
    with open(path, "rb") as stream:
        records = iter(iterator(stream))
        while True:
            try:
                record = next(records, None)
            except Exception as error:  # warcio's ArchiveLoadFailed, zlib errors
                raise WarcError(f"{path}: {error}") from error
            if record is None:
                return
            page = _page(record, every_record)
            if page is not None:
                yield page


def _page(record: Any, every_record: bool) -> RawPage | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type")
    if not every_record:
        status = record.http_headers.get_statuscode() or ""
        media = (content_type or "").split(";")[0].strip().lower()
        if not status.startswith("2") or (media and not media.startswith(_PAGE_TYPES)):
            return None
    try:
        data = record.content_stream().read()
    except Exception as error:  # a damaged gzip or chunked body
        raise WarcError(f"the record for {url} is damaged: {error}") from error
    if getattr(record.raw_stream, "limit", 0):
        raise WarcError(f"the archive is cut short inside the record for {url}")
    return RawPage(data, url=url, encoding=charset_of(content_type), name=url)
