"""WARC archives: the reader, and ``govnews parse`` on archives the tests build."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from govnews import parse
from govnews.batch import MissingExtraError
from govnews.warc import WarcError, charset_of, is_warc, read_warc

pytest.importorskip("warcio")

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
GOVNEWS = Path(sys.executable).parent / "govnews"
SUMMARY = re.compile(r"^govnews: (\d+) pages?, (\d+) parsed, (\d+) failed, [\d.]+ s$", re.MULTILINE)


def warc_record(kind: str, url: str, block: bytes, content_type: str) -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        "WARC-Date: 2024-05-01T08:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def response(
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    media: str = "text/html",
    charset: str | None = "utf-8",
    chunked: bool = False,
) -> bytes:
    ctype = f"{media}; charset={charset}" if charset else media
    if chunked:
        payload = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        length = "Transfer-Encoding: chunked\r\n"
    else:
        payload = body
        length = f"Content-Length: {len(body)}\r\n"
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{length}\r\n".encode() + payload
    return warc_record(
        kind="response", url=url, block=http, content_type="application/http; msgtype=response"
    )


def url_of(index: int) -> str:
    return f"http://www.jxnews.com.cn/system/2021/01/22/{index:03d}.shtml"


def build_archive(path: Path, *, compress: bool = True) -> list[str]:
    """The five examples as HTTP responses among records that are not pages.

    Example 2 is served in GBK (declared only in the HTTP header) and
    example 3 with chunked transfer encoding. Returns the page URLs in order.
    """
    records = [
        warc_record("warcinfo", "", b"software: govnews tests\r\n", "application/warc-fields")
    ]
    urls = []
    for index, example in enumerate(EXAMPLES):
        text = example.read_text(encoding="utf-8")
        url = url_of(index)
        urls.append(url)
        request = f"GET /{index}.shtml HTTP/1.1\r\nHost: www.jxnews.com.cn\r\n\r\n".encode()
        records.append(warc_record("request", url, request, "application/http; msgtype=request"))
        if index == 2:
            records.append(response(url, text.encode("gbk"), charset="GBK"))
        else:
            records.append(response(url, text.encode("utf-8"), chunked=index == 3))
    records.append(
        response(
            "http://www.jxnews.com.cn/missing.html", b"<p>not here</p>", status="404 Not Found"
        )
    )
    records.append(
        response(
            "http://www.jxnews.com.cn/logo.png", b"\x89PNG\r\n", media="image/png", charset=None
        )
    )
    with open(path, "wb") as out:
        for record in records:
            out.write(gzip.compress(record) if compress else record)
    return urls


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GOVNEWS), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_read_warc_takes_each_page_with_url_and_charset(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    urls = build_archive(path, compress=name.endswith(".gz"))
    pages = list(read_warc(path))
    assert [page.url for page in pages] == urls
    assert [page.name for page in pages] == urls
    assert [page.encoding for page in pages] == ["utf-8", "utf-8", "GBK", "utf-8", "utf-8"]
    for page, example in zip(pages, EXAMPLES, strict=True):
        assert isinstance(page.data, bytes)
        assert page.data.decode(page.encoding or "utf-8") == example.read_text(encoding="utf-8")


def test_every_record_takes_errors_and_images_too(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_archive(path)
    assert len(list(read_warc(path, every_record=True))) == 7


def test_a_gbk_page_parses_as_its_utf8_original(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_archive(path)
    page = list(read_warc(path))[2]
    assert isinstance(page.data, bytes)
    article = parse(page.data, url=page.url, encoding=page.encoding)
    original = parse(EXAMPLES[2].read_bytes(), url=page.url)
    assert article.encoding is not None
    assert article.encoding.lower() in ("gbk", "gb18030")
    assert (article.title, article.paragraphs) == (original.title, original.paragraphs)


def test_helpers() -> None:
    assert charset_of("text/html;charset=gb2312") == "gb2312"
    assert charset_of("text/html; charset='UTF-8'") == "UTF-8"
    assert charset_of(None) is None
    assert is_warc(Path("a/B.WARC.GZ"))
    assert not is_warc("a.warc.gz.txt")


def test_missing_warcio_says_which_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"")
    with pytest.raises(MissingExtraError, match=r"govnews\[warc\]"):
        list(read_warc(path))


def test_cli_parses_a_warc_archive(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    urls = build_archive(path)
    done = run("parse", path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["input"] for record in records] == urls
    assert [record["url"] for record in records] == urls
    assert records[2]["encoding"].lower() in ("gbk", "gb18030")
    for record, example, url in zip(records, EXAMPLES, urls, strict=True):
        assert record["paragraphs"] == list(parse(example.read_bytes(), url=url).paragraphs)
    summary = SUMMARY.search(done.stderr)
    assert summary is not None
    assert summary.groups() == ("5", "5", "0")


def test_cli_on_a_folder_of_pages_and_archives_keeps_order(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt").write_bytes(EXAMPLES[0].read_bytes())
    urls = build_archive(folder / "b.warc.gz")
    (folder / "c.txt").write_bytes(EXAMPLES[1].read_bytes())
    one = run("parse", folder)
    two = run("parse", "--workers", "2", folder)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    inputs = [json.loads(line)["input"] for line in one.stdout.splitlines()]
    assert inputs == [str(folder / "a.txt"), *urls, str(folder / "c.txt")]


def test_cli_on_a_damaged_archive_keeps_what_it_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_archive(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    done = run("parse", path)
    assert done.returncode == 1
    errors = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    assert [(error["input"], error["error"]) for error in errors] == [(str(path), "WarcError")]
    assert "cut short" in errors[0]["message"]
    assert len(done.stdout.splitlines()) == 3
    summary = SUMMARY.search(done.stderr)
    assert summary is not None
    assert summary.groups() == ("4", "3", "1")


def test_read_warc_raises_on_garbage(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_archive(path)
    data = path.read_bytes()
    middle = len(data) // 2
    path.write_bytes(data[:middle] + b"x" * 500 + data[middle:])
    pages = read_warc(path)
    with pytest.raises(WarcError):
        for _ in pages:
            pass
