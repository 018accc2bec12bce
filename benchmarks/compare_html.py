"""Compare govnews with trafilatura and GNE on the composed HTML pages.

Every extractor reads the same pages (tests/compose.py: each site family in
UTF-8, GB2312/GBK and Big5, with lying and missing charset declarations) in
the same run, and is scored against the fields each page was composed from:

- title, publish date, source (来源), authors and editors: right or wrong;
- body: bag-of-characters F1 of the folded body text against the truth;
- pages per second, parsing only (warm, after one untimed pass).

trafilatura gets the page bytes (it decodes them itself); GNE takes only
text, so it gets the text govnews decoded. Both are optional benchmark
dependencies: ``pip install trafilatura lxml_html_clean gne``; a missing
one is reported and skipped.

The ``--parsers`` part times the two HTML parsers govnews could use,
selectolax (Lexbor) and lxml, parsing each page and walking every node.

Run from the repository root::

    python benchmarks/compare_html.py            # all pages, all encodings
    python benchmarks/compare_html.py --quick    # under a minute
    python benchmarks/compare_html.py --parsers  # the parser timing only
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import compose

import govnews
from govnews.dates import find_stamp
from govnews.decode import decode
from govnews.evidence import fold

FIELDS = ("title", "date", "source", "authors", "editors", "body")
Result = dict[str, Any]


def _govnews(page: compose.Composed) -> Result:
    article = govnews.parse(page.data, url=page.url)
    return {
        "title": article.title,
        "date": article.published_date,
        "source": article.source,
        "authors": "、".join(article.authors),
        "editors": "、".join(article.editors),
        "body": "".join(article.paragraphs),
    }


def _trafilatura() -> Callable[[compose.Composed], Result] | None:
    try:
        from trafilatura import bare_extraction
    except ImportError as error:
        print(f"trafilatura not available: {error}")
        return None

    def run(page: compose.Composed) -> Result:
        found = bare_extraction(page.data, url=page.url, with_metadata=True)
        if found is None:
            return {}
        doc = found if isinstance(found, dict) else found.as_dict()
        stamp = find_stamp(str(doc.get("date") or ""))
        return {
            "title": doc.get("title"),
            "date": stamp.date if stamp else None,
            "source": None,
            "authors": doc.get("author"),
            "editors": None,
            "body": doc.get("text"),
        }

    return run


def _gne() -> Callable[[compose.Composed], Result] | None:
    try:
        from gne import GeneralNewsExtractor
    except ImportError as error:
        print(f"GNE not available: {error}")
        return None
    extractor = GeneralNewsExtractor()

    def run(page: compose.Composed) -> Result:
        text = decode(page.data).text
        try:
            doc = extractor.extract(text)
        except Exception as error:  # GNE raises on pages it cannot read
            return {"error": repr(error)}
        stamp = find_stamp(str(doc.get("publish_time") or ""))
        return {
            "title": doc.get("title"),
            "date": stamp.date if stamp else None,
            "source": None,
            "authors": doc.get("author"),
            "editors": None,
            "body": doc.get("content"),
        }

    return run


def _f1(found: str, truth: str) -> float:
    a, b = collections.Counter(fold(found)), collections.Counter(fold(truth))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def score(page: compose.Composed, result: Result) -> dict[str, float | None]:
    """Each field's score for one page: 1/0, the body's F1, None when not asked."""
    story, expected = page.story, page.expected
    out: dict[str, float | None] = {}
    out["title"] = float(
        bool(result.get("title")) and fold(str(result["title"])) == fold(story.title)
    )
    truth_date = expected.get("published_date")
    out["date"] = None if truth_date is None else float(result.get("date") == truth_date)
    for field, truth in (
        ("source", story.source),
        ("authors", story.authors),
        ("editors", story.editors),
    ):
        if not truth:
            out[field] = None
            continue
        wanted = [truth] if isinstance(truth, str) else list(truth)
        got = fold(str(result.get(field) or ""))
        out[field] = float(bool(got) and all(fold(w) in got for w in wanted))
    out["body"] = _f1(str(result.get("body") or ""), "".join(story.paragraphs))
    return out


def compare(pages: list[compose.Composed], repeat: int) -> None:
    """Score and time each extractor on the pages; print one table."""
    tools: dict[str, Callable[[compose.Composed], Result]] = {"govnews": _govnews}
    for name, factory in (("trafilatura", _trafilatura), ("GNE", _gne)):
        tool = factory()
        if tool is not None:
            tools[name] = tool
    rows = []
    for name, tool in tools.items():
        totals: dict[str, list[float]] = {field: [] for field in FIELDS}
        results = [tool(page) for page in pages]  # warm-up, and the scored pass
        for page, result in zip(pages, results, strict=True):
            for field, value in score(page, result).items():
                if value is not None and (name == "govnews" or field not in ("source", "editors")):
                    totals[field].append(value)
        start = time.perf_counter()
        for _ in range(repeat):
            for page in pages:
                tool(page)
        elapsed = time.perf_counter() - start
        speed = repeat * len(pages) / elapsed
        cells = [f"{sum(v) / len(v):6.1%}" if v else "   n/a" for field, v in totals.items()]
        rows.append((name, cells, speed))
    print(
        f"\n{len(pages)} pages, {sum(len(p.data) for p in pages) / len(pages) / 1024:.0f} KB "
        "on average; fields: share right (body: character F1)"
    )
    print(f"{'extractor':<12} " + " ".join(f"{f:>7}" for f in FIELDS) + "   pages/s")
    for name, cells, speed in rows:
        print(f"{name:<12} " + " ".join(f"{c:>7}" for c in cells) + f"   {speed:7.1f}")
    print("n/a: the extractor has no such field (trafilatura and GNE give no 来源 or 编辑)")


def compare_parsers(pages: list[compose.Composed], repeat: int) -> None:
    """Time selectolax (Lexbor) and lxml parsing each page and visiting every node."""
    from lxml import html as lxml_html
    from selectolax.lexbor import LexborHTMLParser

    from govnews.html import _render, to_lines

    texts = [page.html for page in pages]

    def lexbor_walk(text: str) -> int:
        root = LexborHTMLParser(text).root
        return sum(1 for _ in root.traverse(include_text=True)) if root else 0

    def lxml_walk(text: str) -> int:
        root = lxml_html.document_fromstring(text)
        return sum(1 for _ in root.iter())

    def lexbor_parse(text: str) -> object:
        return LexborHTMLParser(text).root

    def lxml_parse(text: str) -> object:
        return lxml_html.document_fromstring(text)

    def lxml_render(text: str) -> list[str]:
        """The to_lines walk (blocks, cells, skips, link-only lists) ported to lxml."""
        from govnews import html as ours

        root = lxml_html.document_fromstring(text)
        pieces: list[str] = []

        def visit(element: Any) -> None:
            tag = element.tag if isinstance(element.tag, str) else None
            if tag is None or tag in ours._SKIP:
                pieces.append(element.tail or "")
                return
            style = element.get("style") or ""
            links = "".join(a.text_content() for a in element.iter("a"))
            if (
                element.get("hidden") is not None
                or ours._HIDDEN_STYLE.search(style)
                or (tag in ours._LISTS and links and len(element.text_content()) <= 2 * len(links))
            ):
                pieces.append(element.tail or "")
                return
            if tag == "br" or tag in ours._BLOCK:
                pieces.append("\n")
            elif tag in ours._CELL:
                pieces.append(" | ")
            pieces.append(element.text or "")
            for child in element:
                visit(child)
            if tag in ours._BLOCK or tag in ours._CELL:
                pieces.append("\n")
            pieces.append(element.tail or "")

        visit(root)
        lines = (ours._SPACES.sub(" ", line).strip(" |") for line in "".join(pieces).split("\n"))
        return [line for line in lines if line]

    cases = {
        "selectolax parse": lexbor_parse,
        "lxml parse": lxml_parse,
        "selectolax parse+walk": lexbor_walk,
        "lxml parse+walk": lxml_walk,
        "lxml render (to_lines port)": lxml_render,
        "govnews to_lines (selectolax)": to_lines,
        "govnews to_lines, lines only": lambda text: _render(LexborHTMLParser(text).root),
    }
    print(
        f"\n{len(texts)} pages, {sum(len(t) for t in texts) / len(texts) / 1024:.0f} K characters "
        "on average"
    )
    for name, function in cases.items():
        for text in texts:
            function(text)
        start = time.perf_counter()
        for _ in range(repeat):
            for text in texts:
                function(text)
        ms = (time.perf_counter() - start) * 1000 / (repeat * len(texts))
        print(f"{name:<32} {ms:7.2f} ms/page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer pages, one timed pass")
    parser.add_argument("--parsers", action="store_true", help="time the HTML parsers only")
    args = parser.parse_args(argv)
    if args.quick:
        pages = [compose.page(name, "gb2312") for name in compose.BUILDERS]
        repeat = 1
    else:
        pages = list(compose.pages())
        repeat = 3
    compare_parsers(pages, 3 if args.quick else 10)
    if not args.parsers:
        compare(pages, repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
