"""How parse time grows with input size, for page text and for hostile inputs.

Each case is parsed at 1, 2, 4 and 8 MB (``--quick``: 64, 128, 256 and
512 KB) and the table shows the seconds each size took, the seconds per
megabyte at the largest size, and the growth exponent: the slope of
log(time) against log(size), 1.0 for linear growth and 2.0 for quadratic.
A slope above 1.3 is flagged SUPERLINEAR, and a case that ran over the
budget SLOW (a case under a quarter second at every size is just fast); the
exit status is 1 when any case is SUPERLINEAR or SLOW. ``mem/in`` is the
peak of the memory the parse of the largest input allocated (tracemalloc, in
a second parse of it, after the tables were loaded), as a multiple of that
input's size.

Every case runs in a fresh worker process that first loads the converters and
tables with a small page, so the times are of parsing alone; a size that
takes longer than ``--budget`` seconds is stopped and the larger sizes of
that case are skipped (the slope is then computed from the sizes that ran).

Usage::

    python benchmarks/scaling.py --quick
    python benchmarks/scaling.py                       # 1 to 8 MB; slow
    python benchmarks/scaling.py --cases nested-tags,table-row --budget 60
    python benchmarks/scaling.py --quick --json scaling.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _fill(unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    count = max(1, (size - len(head) - len(tail)) // max(len(unit), 1))
    return head + unit * count + tail


def _example_text() -> str:
    return "\n".join(path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt")))


def page_text(size: int) -> bytes:
    """Real page text: the example dumps, repeated."""
    return _fill(_example_text().encode(), size)


def page_html(size: int) -> bytes:
    """Real page text as HTML paragraphs."""
    lines = [line for line in _example_text().splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>\n" for line in lines).encode()
    return _fill(body, size, b"<html><head><title>x</title></head><body>", b"</body></html>")


CASES: dict[str, Callable[[int], bytes]] = {
    "page-text": page_text,
    "page-html": page_html,
    "parens": lambda n: _fill(b"(", n, "正文".encode()),
    "guo-paren": lambda n: _fill("國(".encode(), n),
    "long-line": lambda n: _fill("省委书记主持召开全省疫情防控工作会议,".encode(), n),
    "many-lines": lambda n: _fill("正文。\n".encode(), n),
    "spaces": lambda n: _fill(b" \t", n, "标题\n".encode(), "正文".encode()),
    "question-marks": lambda n: _fill(b"?", n, "正文".encode()),
    "lost-glosses": lambda n: _fill("日?(bào)".encode(), n),
    "entity-text": lambda n: _fill(b"&amp;&#20013;&nbsp;", n, "正文".encode()),
    "entity-html": lambda n: _fill(b"&amp;&lt;&#x4e2d;&nbsp;", n, b"<html><body><p>"),
    "nested-tags": lambda n: _fill(b"<div>", n, b"<html><body>", "正文".encode()),
    "nested-lists": lambda n: _fill(b"<ul><li>", n, b"<html><body>", "正文".encode()),
    "table-row": lambda n: _fill("<td>格</td>".encode(), n, b"<html><body><table><tr>"),
    "table-grid": lambda n: _fill(
        ("<tr>" + "<td>格</td>" * 10 + "</tr>").encode(), n, b"<html><body><table>"
    ),
    "title-spaces": lambda n: _fill(
        "\u3000".encode(),
        n,
        "<html><head><title>标题".encode(),
        "大江网</title><p>正文</p>".encode(),
    ),
    "unclosed-tags": lambda n: _fill(b"<", n, b"", b"\xff"),
    "unclosed-comments": lambda n: _fill(b"<!--", n, b"", b"\xff"),
    "binary": lambda n: _fill(bytes(range(256)), n),
}


def _worker(conn: Connection) -> None:
    import tracemalloc

    import govnews

    options = govnews.Options(max_bytes=1 << 30)
    govnews.parse("抗击疫情\n来源:江西日报\n國內(nèi)新聞,日?(bào)".encode())
    while True:
        request = conn.recv()
        if request is None:
            return
        case, size, warm, memory = request
        if warm:  # a small input of the same case first, so every table it needs is loaded
            with contextlib.suppress(Exception):
                govnews.parse(CASES[case](4096), options=options)
        data = CASES[case](size)
        start = time.perf_counter()
        outcome = _outcome(govnews, data, options)
        elapsed = time.perf_counter() - start
        peak = 0
        if memory:
            # Parsed again under tracemalloc, which slows it: the peak of what
            # the parse allocated, the loaded tables and caches aside.
            tracemalloc.start()
            _outcome(govnews, data, options)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        conn.send((elapsed, len(data), peak, outcome))


def _outcome(govnews: Any, data: bytes, options: Any) -> str:
    try:
        govnews.parse(data, options=options)
    except govnews.GovnewsError as error:
        return str(type(error).__name__)
    except Exception as error:  # a crash is a finding, reported not raised
        return f"CRASH {type(error).__name__}: {error}"[:120]
    return "ok"


def _slope(points: list[tuple[int, float]]) -> float | None:
    points = [(size, seconds) for size, seconds in points if seconds > 0]
    if len(points) < 2:
        return None
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def run_case(case: str, sizes: list[int], budget: float) -> dict[str, object]:
    """Time one case at each size in a fresh worker; stop at the first size over budget."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    worker = context.Process(target=_worker, args=(child,), daemon=True)
    worker.start()
    times: list[float | None] = []
    peak_ratio = None
    outcome = "ok"
    try:
        for i, size in enumerate(sizes):
            parent.send((case, size, i == 0, i == len(sizes) - 1))
            if not parent.poll(budget + 120):  # the first poll also covers loading the tables
                times.append(None)
                outcome = f"over {budget:.0f}s at {size / 2**20:g} MB"
                break
            elapsed, actual, peak, outcome = parent.recv()
            times.append(elapsed)
            if peak:
                peak_ratio = peak / actual
            if elapsed > budget:
                outcome = f"over {budget:.0f}s at {size / 2**20:g} MB"
                break
        else:
            parent.send(None)
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
    measured = [
        (size, t) for size, t in zip(sizes[: len(times)], times, strict=True) if t is not None
    ]
    slope = _slope(measured)
    if measured and len(measured) == len(sizes) and measured[-1][1] < 0.25:
        verdict = "fast"  # too quick at every size for the slope to mean anything
    elif slope is not None and slope > 1.3:
        verdict = "SUPERLINEAR"
    elif outcome.startswith("over") or len(measured) < len(sizes):
        verdict = "SLOW"
    else:
        verdict = "linear"
    return {
        "case": case,
        "sizes": sizes,
        "seconds": times,
        "seconds_per_mb": measured[-1][1] / (measured[-1][0] / 2**20) if measured else None,
        "slope": slope,
        "peak_memory_over_input": peak_ratio,
        "outcome": outcome,
        "verdict": verdict,
    }


def _cell(value: float | None, width: int = 8) -> str:
    return f"{value:{width}.2f}" if value is not None else " " * (width - 1) + "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="64 KB to 512 KB instead of 1-8 MB")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds allowed per size")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    unit = 64 * 1024 if args.quick else 2**20
    sizes = [unit * k for k in (1, 2, 4, 8)]
    cases = args.cases.split(",") if args.cases else list(CASES)
    unknown = [case for case in cases if case not in CASES]
    if unknown:
        parser.error(f"unknown cases {unknown}; known: {', '.join(CASES)}")
    label = "KB" if args.quick else "MB"
    scale = 1024 if args.quick else 2**20
    heads = "".join(f"{size // scale:>6}{label}" for size in sizes)
    print(f"{'case':<18}{heads}   s/MB  slope  mem/in  verdict")
    results = []
    for case in cases:
        result = run_case(case, sizes, args.budget)
        results.append(result)
        times = result["seconds"]
        assert isinstance(times, list)
        cells = "".join(_cell(t) for t in times + [None] * (len(sizes) - len(times)))
        slope = result["slope"]
        verdict = str(result["verdict"])
        if result["outcome"] not in ("ok", "NotAnArticleError", "DecodeError"):
            verdict += f" ({result['outcome']})"
        print(
            f"{case:<18}{cells}{_cell(result['seconds_per_mb'])}"  # type: ignore[arg-type]
            f"{_cell(slope, 7)}{_cell(result['peak_memory_over_input'], 8)}  {verdict}",  # type: ignore[arg-type]
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0 if all(result["verdict"] in ("linear", "fast") for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
