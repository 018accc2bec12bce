"""Batch benchmark: pages per second and peak memory of ``govnews.parse_many``.

The five pages in ``examples/`` are repeated, as bytes, to the number of
pages asked for (10,000 by default) and fed to ``parse_many`` as an endless
generator would feed them: nothing is held in a list. Each configuration
(one worker, two workers) runs in a fresh Python process, so no run
inherits the tables another loaded; a sampler thread in that process adds
up the memory of the process and of its workers every 50 ms (with psutil
when it is installed; else only the process's own peak is known). Each
process counts its proportional set size where Linux gives it, so pages the
workers share with their pool's server count once; elsewhere, resident size.

The peak memory is also sampled after a tenth of the pages (or of the time
budget): when it has not grown by the end, memory is bounded as the window
promises. ``--quick`` (and ``--budget``) stop each run after a fixed time
and report the pages done.

Usage::

    python benchmarks/batch.py              # 10,000 pages, one then two workers
    python benchmarks/batch.py --quick      # 20 seconds a run at most: under a minute
    python benchmarks/batch.py --pages 50000 --workers 1,2,4 --json
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


class Sampler(threading.Thread):
    """The largest resident memory of this process and its descendants seen so far."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.stopped = threading.Event()
        try:
            import psutil
        except ImportError:
            self.process: Any = None
        else:
            self.process = psutil.Process()

    def total(self) -> int:
        if self.process is None:
            return 0
        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += self.size(proc)
            except Exception:  # a worker that just ended
                continue
        return total

    @staticmethod
    def size(proc: Any) -> int:
        # The workers share the tables their pool's server loaded: summing
        # resident sizes would count those pages once per process, so each
        # process counts its proportional share (PSS) where Linux gives it.
        try:
            return int(proc.memory_full_info().pss)
        except Exception:  # no PSS on this platform
            return int(proc.memory_info().rss)

    def run(self) -> None:
        while not self.stopped.wait(0.05):
            self.peak = max(self.peak, self.total())

    def stop(self) -> int:
        self.stopped.set()
        self.join()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        return max(self.peak, own)


def pages(count: int) -> Iterator[bytes]:
    """The examples, read once, yielded ``count`` times in turn."""
    data = [path.read_bytes() for path in EXAMPLES]
    return itertools.islice(itertools.cycle(data), count)


def child(count: int, workers: int, budget: float | None = None) -> dict[str, Any]:
    """One measured run, in this (fresh) process; stops early after ``budget`` seconds."""
    import govnews
    from govnews.batch import parse_many

    sampler = Sampler()
    sampler.start()
    start = time.perf_counter()
    parsed = failed = 0
    early_peak = 0
    results = parse_many(pages(count), workers=workers)
    first = 0.0
    for index, result in enumerate(results, start=1):
        if index == 1:
            first = time.perf_counter() - start  # pool start and table loading
        if isinstance(result, govnews.Failure):
            failed += 1
        else:
            parsed += 1
        elapsed = time.perf_counter() - start
        if not early_peak and (
            index >= max(1, count // 10) or (budget is not None and elapsed > budget / 10)
        ):
            early_peak = max(sampler.peak, 1)
        if budget is not None and elapsed > budget:
            break
    seconds = time.perf_counter() - start
    results.close()  # stops the workers
    peak = sampler.stop()
    done = parsed + failed
    return {
        "workers": workers,
        "pages": done,
        "parsed": parsed,
        "failed": failed,
        "seconds": round(seconds, 2),
        "pages_per_second": round(done / seconds, 1),
        "first_result_seconds": round(first, 2),
        "steady_pages_per_second": round((done - 1) / (seconds - first), 1) if done > 1 else 0.0,
        "peak_mib": round(peak / 2**20, 1),
        "peak_mib_at_10pct": round(early_peak / 2**20, 1),
        "memory_measured": "process and workers" if sampler.process else "process only",
    }


def measure(count: int, workers: int, budget: float | None) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter and return what it found."""
    limit = ["--budget", str(budget)] if budget else []
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            "--pages",
            str(count),
            "--workers",
            str(workers),
            *limit,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> int:
    """Run the benchmark; print a table (or JSON lines with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages per run (default: 10,000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="at most 2,000 pages and 20 seconds a run: under a minute in all",
    )
    parser.add_argument("--budget", type=float, help="stop each run after this many seconds")
    parser.add_argument("--json", action="store_true", help="print one JSON object per run")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    count = 2_000 if args.quick else args.pages
    budget = args.budget or (20.0 if args.quick else None)
    if args.child:
        print(json.dumps(child(count, int(args.workers), budget)))
        return 0
    if not args.json:
        print(
            f"govnews batch benchmark: up to {count:,} pages "
            f"(the {len(EXAMPLES)} examples repeated), "
            f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}"
        )
        print(
            f"{'workers':>7}  {'pages':>7}  {'pages/s':>8}  {'steady':>8}  {'seconds':>8}"
            f"  {'start':>6}  {'peak MiB':>8}  {'at 10%':>7}"
        )
    for workers in (int(w) for w in args.workers.split(",")):
        result = measure(count, workers, budget)
        if args.json:
            print(json.dumps(result))
        else:
            print(
                f"{workers:>7}  {result['pages']:>7,}  {result['pages_per_second']:>8,.1f}  "
                f"{result['steady_pages_per_second']:>8,.1f}  {result['seconds']:>8,.1f}  "
                f"{result['first_result_seconds']:>6,.1f}  {result['peak_mib']:>8,.1f}  "
                f"{result['peak_mib_at_10pct']:>7,.1f}"
            )
    if not args.json:
        print(
            "pages/s: over the whole run; steady: after the first result; start: seconds to"
            " the first result (pool start, table loading)"
        )
        print(
            "peak MiB: the process and its workers together; 'at 10%': after a tenth of the pages"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
