"""govnews benchmark: pages per second, stage by stage, against the alternatives.

One entry point. It builds its inputs from the text dumps in ``examples/``:

- the dumps themselves (bytes, as crawled);
- HTML pages of 30-80 KB composed from each dump by wrapping its lines in the
  chrome of a provincial news portal (inline CSS and scripts, menus, a
  related-news sidebar, a footer), once in UTF-8 and once in GBK with a
  ``gb2312`` declaration, the way these sites serve them;
- dumps grown or cut to 1 KB ... 8 MB for the size-linearity check;
- dumps with fresh damage, each parsed once: a crawl does not repeat its
  pages, and the repairs' caches, warm in the cycling timings, are cold for
  a run of damage never seen before (see "seen once" below).

It times each stage of the pipeline (decode, lines, repairs, t2s, template,
Article) and the whole ``govnews.parse``; two worker processes on the HTML
pages; trafilatura's ``bare_extraction`` and GNE on the same HTML in the same
run, when they are installed; ``import govnews`` and ``govnews parse`` as a
whole process; the peak memory of a worker. It prints a markdown report with
the machine it ran on, and writes it to a file with ``--markdown``.

Usage::

    python benchmarks/run.py              # full run, a few minutes
    python benchmarks/run.py --quick      # under a minute
    python benchmarks/run.py --quick --markdown report.md
    python benchmarks/run.py --profile 30 # also print the top 30 of a cProfile

Numbers are throughput on one core unless a row says otherwise: each timing
cycles through its pages for a fixed time after one warm-up pass, except
the "seen once" rows, where every page is new.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import cProfile
import datetime as dt
import glob
import html as htmlmod
import io
import math
import multiprocessing
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXAMPLES = os.path.join(ROOT, "examples")
SRC = os.path.join(ROOT, "src")
if os.path.isdir(os.path.join(SRC, "govnews")) and SRC not in sys.path:
    sys.path.insert(0, SRC)  # run from a checkout without installing

import govnews  # noqa: E402
from govnews.parse import assemble, extract, keyed_page, mend, read, render  # noqa: E402
from govnews.records import Article, Options, Repaired  # noqa: E402

sys.path.insert(0, ROOT)  # the damage the tests make, shared with this benchmark
from tests.damage import drop_byte, han_bytes  # noqa: E402

from govnews.repair import repair  # noqa: E402

# The targets of issue 7, in pages per second unless named otherwise.
TARGET_TEXT = 3000.0
TARGET_HTML_1 = 1300.0
TARGET_HTML_2 = 2000.0
TARGET_VS_TRAFILATURA = 20.0
TARGET_IMPORT_MS = 50.0
TARGET_CLI_MS = 100.0
TARGET_MEMORY_MB = 50.0

# ---------------------------------------------------------------- machine


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def opencc_backend() -> str:
    """Which ``opencc`` module is installed: the C++ binding or the pure-Python one."""
    try:
        import opencc
    except ImportError:
        return "missing"
    if hasattr(opencc, "clib") or hasattr(opencc, "opencc_clib"):
        return f"C++ binding (OpenCC {_version('OpenCC') or _version('opencc') or '?'})"
    version = _version("opencc-python-reimplemented")
    return f"pure Python (opencc-python-reimplemented {version or '?'})"


def _load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except (AttributeError, OSError):
        return "unknown"
    return f"{one:.1f} (1 min), {five:.1f} (5 min) at the start"


def machine() -> dict[str, str]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": f"{usable} usable of {os.cpu_count()}",
        "load": _load(),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "govnews": govnews.__version__,
        "opencc": opencc_backend(),
        "selectolax": _version("selectolax") or "missing",
        "trafilatura": _version("trafilatura") or "not installed",
        "gne": _version("gne") or "not installed",
    }


# ---------------------------------------------------------------- inputs


def seeds() -> list[tuple[str, bytes]]:
    paths = sorted(glob.glob(os.path.join(EXAMPLES, "*.txt")))
    if not paths:
        raise SystemExit(f"no text dumps in {EXAMPLES}")
    out = []
    for path in paths:
        with open(path, "rb") as handle:
            out.append((os.path.basename(path), handle.read()))
    return out


_HAN = re.compile("[\u4e00-\u9fff]{6,}")
_NAV = (
    "首页", "时政", "要闻", "评论", "经济", "社会", "法治", "文化", "教育", "科技",
    "卫生", "体育", "旅游", "图片", "视频", "专题", "地市", "县区", "论坛", "博客",
    "手机报", "公益", "招聘", "房产", "汽车", "财经", "健康", "生活", "民生", "问政",
)  # fmt: skip
_CSS_RULE = (
    ".{name} {{margin:0 auto;padding:{a}px {b}px;font:{a}px/1.6 'Microsoft YaHei',SimSun,"
    "sans-serif;color:#{c:06x};background:#{d:06x} url(/images/{name}.png) no-repeat;"
    "border-bottom:1px solid #e5e5e5;overflow:hidden;zoom:1}}\n"
)
_JS_BLOCK = (
    "var _{name}=_{name}||[];(function(){{var hm=document.createElement('script');"
    "hm.src='//hm.example.cn/hm.js?{hex}';var s=document.getElementsByTagName('script')[0];"
    "s.parentNode.insertBefore(hm,s);}})();\nfunction {name}Tab(n){{for(var i=1;i<={a};i++)"
    "{{var el=document.getElementById('{name}_'+i);if(el){{el.style.display=(i==n)?"
    "'block':'none';}}}}}}\n"
)


def _fragments(text: str) -> list[str]:
    return [m.group()[:28] for m in _HAN.finditer(text)] or ["江西省召开工作会议"]


def _title(lines: list[str]) -> str:
    for line in lines[:25]:
        stripped = line.strip()
        if 8 <= len(stripped) <= 40 and len(_HAN.findall(stripped)) and ":" not in stripped:
            return stripped
    return "新闻"


def compose_html(seed: str, target: int, encoding: str, rng: random.Random) -> bytes:
    """A news page of at least ``target`` bytes wrapping a text dump's lines.

    Every line of the dump becomes a block of the article column in its own
    order, so the page renders to the dump's lines plus chrome that a reader
    drops. The page declares its charset; GBK pages are encoded with
    character references for the few characters GBK lacks.
    """
    lines = seed.splitlines()
    frags = _fragments(seed)
    title = _title(lines)
    charset = "gb2312" if encoding == "gbk" else "utf-8"
    esc = htmlmod.escape
    head = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n',
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n',
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n',
        f"<title>{esc(title)}_江西新闻网_大江网</title>\n",
        f'<meta name="keywords" content="{esc(" ".join(frags[:4]))}" />\n',
        f'<meta name="description" content="{esc("".join(frags[:3])[:120])}" />\n',
        '<link rel="stylesheet" type="text/css" href="/css/global.css" />\n',
    ]
    css = ['<style type="text/css">\n']
    for i in range(60):
        css.append(
            _CSS_RULE.format(
                name=f"m{i}",
                a=rng.randint(8, 24),
                b=rng.randint(0, 30),
                c=rng.randrange(1 << 24),
                d=rng.randrange(1 << 24),
            )
        )
    css.append("</style>\n")
    scripts = [
        '<script type="text/javascript">\n'
        + _JS_BLOCK.format(name=f"s{i}", hex=f"{rng.getrandbits(64):016x}", a=rng.randint(3, 9))
        + "</script>\n"
        for i in range(8)
    ]
    top = [
        '</head>\n<body>\n<!-- 顶部导航 开始 -->\n<div class="topbar"><div class="w1000">',
        '<ul class="topnav">',
        *(
            f'<li><a href="/{i}/index.shtml" target="_blank">{name}</a></li>'
            for i, name in enumerate(_NAV)
        ),
        "</ul></div></div>\n<!-- 顶部导航 结束 -->\n",
        '<div class="logo"><a href="/"><img src="/images/logo.gif" alt="大江网" /></a></div>\n',
    ]
    body = ['<div class="main w1000"><div class="left"><div class="content" id="content">\n']
    for line in lines:
        stripped = line.strip()
        if stripped:
            body.append(f"<p>{esc(stripped)}</p>\n")
    body.append("</div></div>\n")
    foot = [
        '</div>\n<div class="footer"><p>主办单位：江西日报社 版权所有 未经授权禁止复制'
        "或建立镜像</p>"
        "<p>赣ICP备05000001号 互联网新闻信息服务许可证 36120170001</p></div>\n",
        *scripts[4:],
        '<div style="display:none"><script src="/js/count.js"></script></div>\n',
        "</body>\n</html>\n",
    ]
    fixed = [*head, *css, *scripts[:4], *top, *body]

    def sidebar(n: int) -> str:
        items = []
        for _ in range(12):
            frag = rng.choice(frags)
            day = f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            url = f"/system/2021/{day}/{rng.randint(10**8, 10**9 - 1)}.shtml"
            items.append(
                f'<li><a href="{url}" target="_blank" title="{esc(frag)}">{esc(frag)}'
                f"</a><span>{day}</span></li>"
            )
        return (
            f'<div class="box m{n % 60}"><h3><a href="/{n}/">热点推荐</a></h3><ul class="list">'
            + "".join(items)
            + "</ul></div>\n"
        )

    def encoded(parts: list[str]) -> int:
        return sum(len(p.encode(encoding, "xmlcharrefreplace")) for p in parts)

    side = ['<div class="right">\n']
    size = encoded(fixed) + encoded(foot)
    n = 0
    while size < target:
        block = sidebar(n)
        side.append(block)
        size += len(block.encode(encoding, "xmlcharrefreplace"))
        n += 1
    side.append("</div>\n")
    return "".join([*fixed, *side, *foot]).encode(encoding, "xmlcharrefreplace")


def html_pages(seed_list: list[tuple[str, bytes]], encoding: str) -> list[bytes]:
    """One composed page per seed, 30 KB to 80 KB spread evenly over the seeds."""
    count = len(seed_list)
    pages = []
    for i, (name, data) in enumerate(seed_list):
        target = int((30 + 50 * i / max(1, count - 1)) * 1024)
        rng = random.Random(f"{name}:{encoding}")
        pages.append(compose_html(data.decode("utf-8"), target, encoding, rng))
    return pages


def sized_dump(seed_list: list[tuple[str, bytes]], size: int) -> bytes:
    """A text dump of about ``size`` bytes: a seed's head, then body lines of every seed."""
    first = seed_list[0][1].decode("utf-8").splitlines()
    head, rest = first[:20], first[20:]
    pool = rest + [ln for _, d in seed_list[1:] for ln in d.decode("utf-8").splitlines()[20:]]
    pool = [ln for ln in pool if ln.strip()] or ["正文。"]
    out: list[str] = []
    total = 0
    for line in head:
        if total + len(line.encode()) + 1 > size and out:
            break
        out.append(line)
        total += len(line.encode()) + 1
    i = 0
    while total < size:
        line = pool[i % len(pool)]
        piece = line.encode()
        if total + len(piece) + 1 > size:
            cut = max(0, size - total - 1)
            line = piece[:cut].decode("utf-8", "ignore")
            if not line:
                break
        out.append(line)
        total += len(line.encode()) + 1
        i += 1
    return "\n".join(out).encode("utf-8")


# ---------------------------------------------------------------- stages


@dataclass
class Staged:
    """One page carried through the stages of ``govnews.parse``, keeping each result.

    Every stage calls the function ``parse`` itself calls (``govnews.parse.read``,
    ``render``, ``mend``, ``keyed_page``, ``extract``, ``assemble``); only the repair
    stage is split in two, so that the OpenCC conversion is timed on its own.
    """

    data: bytes
    decoded: Any = None
    rendered: Any = None
    repaired: Any = None
    converted: Any = None
    page: Any = None
    extracted: Any = None


_DEFAULT = Options()
_NO_T2S = Options(simplified=False)
_ONLY_T2S = Options(repairs=frozenset(["to-simplified"]))


def st_decode(s: Staged) -> None:
    s.decoded = read(s.data, None, _DEFAULT)


def st_lines(s: Staged) -> None:
    s.rendered = render(s.decoded.text)


def st_repairs(s: Staged) -> None:
    s.repaired = mend(s.rendered, _NO_T2S)


def st_t2s(s: Staged) -> None:
    after = repair(s.repaired.text, _ONLY_T2S)
    s.converted = Repaired(after.text, s.repaired.edits + after.edits)


def st_template(s: Staged) -> None:
    s.page = keyed_page(s.converted, s.rendered, None, _DEFAULT)
    s.extracted = extract(s.page)


def st_article(s: Staged) -> Article:
    return assemble(s.decoded, s.rendered, s.converted, s.page, s.extracted)


STAGES: tuple[tuple[str, Callable[[Staged], Any]], ...] = (
    ("decode", st_decode),
    ("lines", st_lines),
    ("repairs", st_repairs),
    ("t2s", st_t2s),
    ("template", st_template),
    ("Article", st_article),
)


def carried(data: bytes) -> tuple[Staged, Article]:
    s = Staged(data)
    article = None
    for _, fn in STAGES:
        article = fn(s)
    assert isinstance(article, Article)
    return s, article


def _same(staged: Article, whole: Article) -> bool:
    keys = ("title", "source", "authors", "published_at", "paragraphs", "site")
    return all(getattr(staged, k) == getattr(whole, k) for k in keys)


_RUNS_A_PAGE = 3  # lines damaged afresh in each "seen once" page


def fresh_dumps(seed_list: list[tuple[str, bytes]], count: int) -> list[bytes]:
    """Text dumps that each carry misaligned runs no other page has.

    Each is an example dump with ``_RUNS_A_PAGE`` of its longer lines
    damaged as a crawl damages them: encoded to GB18030, one byte of their
    Chinese text dropped, decoded (errors replaced or ignored) and folded.
    """
    rng = random.Random(20261125)
    pages = []
    for index in range(count):
        lines = seed_list[index % len(seed_list)][1].decode("utf-8").split("\n")
        long = [i for i, line in enumerate(lines) if len(han_bytes(line)) >= 40]
        for at in rng.sample(long, min(_RUNS_A_PAGE, len(long))):
            errors = rng.choice(("replace", "ignore"))
            lines[at] = drop_byte(lines[at], rng.choice(han_bytes(lines[at])), errors)
        pages.append("\n".join(lines).encode("utf-8"))
    return pages


def seen_once(pages: Sequence[bytes]) -> float:
    """Pages per CPU second, each page parsed once (after one untimed page)."""
    govnews.parse(pages[0])
    start = time.process_time()
    for page in pages[1:]:
        govnews.parse(page)
    return (len(pages) - 1) / (time.process_time() - start)


# ---------------------------------------------------------------- timing


def rate(
    fn: Callable[[Any], Any], items: Sequence[Any], seconds: float, warm: int | None = None
) -> float:
    """Items per CPU second of ``fn`` cycling over ``items`` for about ``seconds``.

    CPU time of this process, not wall time, so that other load on a shared
    machine does not count against the page rate (it still slows caches).
    The first ``warm`` items (all by default) run once untimed first.
    """
    for item in items[:warm]:  # warm-up: caches, lazy imports
        fn(item)
    count = 0
    clock = time.process_time
    start = clock()
    deadline = start + seconds
    while True:
        for item in items:
            fn(item)
        count += len(items)
        now = clock()
        if now >= deadline:
            return count / (now - start)


def stage_rates(
    pages: Sequence[bytes], states: Sequence[Staged], seconds: float
) -> dict[str, float]:
    """Pages per second of each stage alone, and of the whole parse.

    The states have been carried through every stage once, which warmed
    every cache, so no timing here repeats the warm-up.
    """
    rates: dict[str, float] = {}
    for name, fn in STAGES:
        rates[name] = rate(fn, states, seconds, warm=0)
    rates["whole"] = rate(govnews.parse, pages, seconds * 2, warm=0)
    return rates


_BARRIER: Any = None


def _start_worker(barrier: Any) -> None:
    global _BARRIER
    _BARRIER = barrier


def _worker(args: tuple[list[bytes], float]) -> tuple[int, float, int]:
    pages, seconds = args
    for page in pages:  # warm-up, then start together with the other workers
        govnews.parse(page)
    _BARRIER.wait()
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for page in pages:
            govnews.parse(page)
        count += len(pages)
    elapsed = time.perf_counter() - start
    return count, elapsed, _peak_rss_kb()


def _peak_rss_kb() -> int:
    # Linux's VmHWM is the peak of this process's own memory since it was
    # started; ru_maxrss also keeps, across exec, the size of the parent
    # that forked it, which for a "spawn" worker is the benchmark itself.
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def parallel(pages: list[bytes], workers: int, seconds: float) -> tuple[float, float]:
    """Pages per second of ``workers`` processes, and the largest worker's peak RSS in MB."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workers)
    with concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_start_worker, initargs=(barrier,)
    ) as pool:
        results = list(pool.map(_worker, [(pages, seconds)] * workers))
    total = sum(count / elapsed for count, elapsed, _ in results)
    return total, max(rss for _, _, rss in results) / 1024


def _memory_of_worker(page: Any, result: Any) -> tuple[int, dict[str, float]]:
    # Linux only: what a worker's pages are, shared or its own (MB).
    found: dict[str, float] = {}
    with contextlib.suppress(OSError), open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            key, _, value = line.partition(":")
            if key in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                found[key] = int(value.split()[0]) / 1024
    return os.getpid(), found


def pool_memory(pages: list[bytes], workers: int, once: list[bytes]) -> dict[str, float]:
    """A worker's memory in the library's own pool (``govnews.batch.map_pages``), in MB.

    The pool's server loads the tables before it forks the workers, so they
    share those pages: ``rss`` counts them in every worker, ``pss`` divides
    each shared page among the processes that hold it, and ``private`` is
    what one more worker adds. The largest worker's figures, after each
    worker has parsed several rounds of the pages and then its share of the
    pages seen once, whose fresh runs fill the repairs' bounded caches.
    """
    from govnews.batch import RawPage, map_pages

    raw = [RawPage(page, name=str(i)) for i, page in enumerate(pages)] * 4
    raw += [RawPage(page, name=f"once-{i}") for i, page in enumerate(once)]
    last: dict[int, dict[str, float]] = {}
    for pid, found in map_pages(raw, _memory_of_worker, workers=workers, chunksize=2):
        last[pid] = found
    if not last or not all(last.values()):
        return {}
    return {
        "rss": max(found["Rss"] for found in last.values()),
        "pss": max(found["Pss"] for found in last.values()),
        "private": max(found["Private_Clean"] + found["Private_Dirty"] for found in last.values()),
    }


def paired(
    ours: Callable[[Any], Any],
    our_items: Sequence[Any],
    theirs: Callable[[Any], Any],
    their_items: Sequence[Any],
    seconds: float,
) -> tuple[float, float]:
    """Pages per CPU second of two extractors, timed in alternating rounds.

    Each round runs ours over every page, then theirs: on a shared machine
    whose speed drifts from minute to minute, both meet the same drift, and
    their ratio holds where rates timed one after the other do not.
    """
    for fn, items in ((ours, our_items), (theirs, their_items)):  # warm-up
        for item in items:
            fn(item)
    clock = time.process_time
    spent = [0.0, 0.0]
    count = 0
    while spent[0] + spent[1] < seconds:
        for side, (fn, items) in enumerate(((ours, our_items), (theirs, their_items))):
            start = clock()
            for item in items:
                fn(item)
            spent[side] += clock() - start
        count += len(our_items)
    return count / spent[0], count / spent[1]


def competitors(pages: list[bytes], seconds: float) -> dict[str, tuple[float, float] | str]:
    """For each alternative: govnews's rate and its own, timed together (see :func:`paired`)."""
    out: dict[str, tuple[float, float] | str] = {}
    try:
        import trafilatura
    except ImportError:
        out["trafilatura"] = "not installed"
    else:
        out["trafilatura"] = paired(
            govnews.parse,
            pages,
            lambda p: trafilatura.bare_extraction(p, with_metadata=True),
            pages,
            seconds,
        )
    try:
        from gne import GeneralNewsExtractor  # type: ignore[import-untyped]
    except ImportError:
        out["GNE"] = "not installed"
    else:
        extractor = GeneralNewsExtractor()
        texts = [govnews.decode(p).text for p in pages]  # GNE takes text; its decode is not timed

        def gne(text: str) -> None:
            with contextlib.suppress(Exception):  # GNE fails on some pages; time it anyway
                extractor.extract(text)

        out["GNE"] = paired(govnews.parse, pages, gne, texts, seconds)
    return out


def import_ms(repeats: int, code: str = "import govnews") -> tuple[float, list[tuple[str, float]]]:
    """Import time of ``code`` in ms (min over runs), and its largest imports.

    ``import govnews`` alone loads nothing (names load on first use); with
    ``code="import govnews; govnews.parse"`` it is what the first parse imports.
    """
    best = float("inf")
    heavy: list[tuple[str, float]] = []
    for _ in range(repeats):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True,
            text=True,
            env=_env(),
            check=True,
        )
        rows = []
        total = None
        for line in proc.stderr.splitlines():
            parts = line.split("|")
            if len(parts) != 3 or not parts[1].strip().isdigit():
                continue
            name = parts[2].rstrip()
            cumulative = int(parts[1]) / 1000
            rows.append((name.strip(), cumulative, len(name) - len(name.lstrip())))
            if name.strip() == "govnews" and len(name) - len(name.lstrip()) == 1:
                total = cumulative
        if code != "import govnews":
            # Names load on first use, after `import govnews` returned: count
            # every top-level import the statement made.
            total = sum(c for n, c, depth in rows if depth == 1)
        if total is not None and total < best:
            best = total
            # direct children of the govnews import, the packages it pulls in
            tops = [(n, c) for n, c, depth in rows if depth in (2, 3) and c >= 3.0]
            heavy = sorted(tops, key=lambda x: -x[1])[:6]
    return best, heavy


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    return env


COLD = ", no cache"  # the end of a cli_ms page name that runs with an empty cache


def cli_ms(pages: dict[str, bytes], repeats: int) -> tuple[dict[str, float], float]:
    """Wall ms of ``python -m govnews parse PAGE`` for each page, and of ``python -c pass``.

    The sources are compiled to bytecode first, as an install does. A name
    ending in :data:`COLD` runs with an empty word-table cache every time;
    the others share one, filled by a run before the timing.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", os.path.join(SRC, "govnews")], check=True
    )
    with tempfile.TemporaryDirectory() as tmp:

        def wall(cmd: list[str], cache: str | None = None) -> float:
            times = []
            for _ in range(repeats):
                env = _env()
                env["GOVNEWS_CACHE_DIR"] = cache or tempfile.mkdtemp(dir=tmp)
                start = time.perf_counter()
                subprocess.run(
                    cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
                )
                times.append((time.perf_counter() - start) * 1000)
            return min(times)

        warm = os.path.join(tmp, "warm")
        found: dict[str, float] = {}
        for name, page in pages.items():
            path = os.path.join(tmp, f"page{len(found)}.html")
            with open(path, "wb") as handle:
                handle.write(page)
            cmd = [sys.executable, "-m", "govnews", "parse", path]
            if name.endswith(COLD):
                found[name] = wall(cmd)
            else:
                subprocess.run(cmd, capture_output=True, env={**_env(), "GOVNEWS_CACHE_DIR": warm})
                found[name] = wall(cmd, warm)
        return found, wall([sys.executable, "-c", "pass"], warm)


def scaling(
    seed_list: list[tuple[str, bytes]], sizes: Sequence[int], seconds: float, budget: float
) -> list[tuple[int, float, int]]:
    """Microseconds per KB of ``parse`` at each size (and the pages timed).

    Sizes stop growing when the next one would, at the last rate, take more
    than ``budget`` seconds.
    """
    rows: list[tuple[int, float, int]] = []
    for size in sizes:
        if rows and rows[-1][1] * size / 1024 / 1e6 > budget:
            break
        page = sized_dump(seed_list, size)
        if size < 1 << 20:
            govnews.parse(page)  # warm-up; a large page runs once, cold caches don't matter
        count = 0
        start = time.process_time()
        while True:
            govnews.parse(page)
            count += 1
            elapsed = time.process_time() - start
            if elapsed >= seconds or size >= 1 << 20:
                break
        rows.append((len(page), elapsed / count / (len(page) / 1024) * 1e6, count))
    return rows


def profile(pages: list[bytes], top: int) -> str:
    """The top functions by own time over five passes, after a warm-up pass."""
    for page in pages:
        govnews.parse(page)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(5):
        for page in pages:
            govnews.parse(page)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# ---------------------------------------------------------------- report


def _growth(scale: Sequence[tuple[int, float, int]]) -> float:
    """How far the cost per KB ever rises over that of a smaller size.

    Smaller pages cost more per KB (each page has a fixed cost), so a fall is
    no sign of anything; a rise is what super-linear cost looks like.
    """
    worst, lowest = 1.0, math.inf
    for _, per_kb, _ in scale:
        lowest = min(lowest, per_kb)
        worst = max(worst, per_kb / lowest)
    return worst


def _fmt(value: float | str) -> str:
    if isinstance(value, str):
        return value
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def _ms(rate_: float | str) -> str:
    return rate_ if isinstance(rate_, str) else f"{1000 / rate_:.3f}"


def _verdict(ok: bool) -> str:
    return "holds" if ok else "**misses**"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a run of under a minute")
    parser.add_argument("--markdown", metavar="PATH", help="also write the report here")
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel row")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        default=0,
        help="print the top N functions of a cProfile of the HTML pages",
    )
    parser.add_argument("--no-competitors", action="store_true", help="skip trafilatura and GNE")
    args = parser.parse_args(argv)

    seconds = 0.3 if args.quick else 3.0
    began = time.perf_counter()
    info = machine()
    seed_list = seeds()
    dumps = [data for _, data in seed_list]
    utf8 = html_pages(seed_list, "utf-8")
    gbk = html_pages(seed_list, "gbk")
    every_html = utf8 + gbk
    sizes_kb = [len(p) / 1024 for p in every_html]

    carried_all = {page: carried(page) for page in dumps + every_html}
    agree = all(_same(carried_all[p][1], govnews.parse(p)) for p in dumps + every_html)
    sets = {"text dumps": dumps, "HTML UTF-8": utf8, "HTML GBK": gbk}
    stage_table = {
        name: stage_rates(pages, [carried_all[p][0] for p in pages], seconds)
        for name, pages in sets.items()
    }
    per_seed = [(n, rate(govnews.parse, [d], seconds / 2, warm=0)) for n, d in seed_list]
    fresh = fresh_dumps(seed_list, 21 if args.quick else 201)
    once = seen_once(fresh)

    whole_html = rate(govnews.parse, every_html, seconds * 2, warm=0)
    par, rss = parallel(every_html, args.workers, seconds * 3)
    pooled = pool_memory(every_html + dumps, args.workers, fresh)
    others = {} if args.no_competitors else competitors(every_html, seconds * 2)
    imp, heavy = import_ms(3 if args.quick else 7)
    first, first_heavy = import_ms(3 if args.quick else 7, "import govnews; govnews.parse")
    clean = next(p for (n, _), p in zip(seed_list, utf8, strict=True) if n.startswith("002"))
    damaged = next(p for (n, _), p in zip(seed_list, utf8, strict=True) if n.startswith("004"))
    clis, bare = cli_ms(
        {
            "a clean page (002)": clean,
            "a damaged page (004)": damaged,
            "a damaged page (004)" + COLD: damaged,
        },
        2 if args.quick else 7,
    )
    cli = clis["a clean page (002)"]
    big = (
        [1 << 10, 16 << 10, 256 << 10, 1 << 20]
        if args.quick
        else [1 << 10, 8 << 10, 64 << 10, 512 << 10, 2 << 20, 8 << 20]
    )
    scale = scaling(seed_list, big, seconds, budget=4.0 if args.quick else 120.0)

    out: list[str] = []
    w = out.append
    w("# govnews benchmark\n")
    w("| machine | |\n|---|---|")
    for key, value in info.items():
        w(f"| {key} | {value} |")
    w("")
    w(
        f"Inputs: {len(dumps)} text dumps from examples/ "
        f"({min(len(d) for d in dumps) / 1024:.1f}-{max(len(d) for d in dumps) / 1024:.1f} KB); "
        f"{len(utf8)} composed HTML pages in UTF-8 and {len(gbk)} in GBK "
        f"({min(sizes_kb):.0f}-{max(sizes_kb):.0f} KB, mean {statistics.mean(sizes_kb):.0f} KB). "
        f"Mode: {'quick' if args.quick else 'full'}; {seconds:.1f} s per stage timing. "
        f"Stage-by-stage run reproduces parse(): {'yes' if agree else 'NO'}.\n"
    )

    w("## Stages, one core (pages per second; ms per page in brackets)\n")
    names = list(sets)
    w("| stage | " + " | ".join(names) + " |")
    w("|---|" + "---:|" * len(names))
    for stage in [s for s, _ in STAGES] + ["sum of stages", "whole parse()"]:
        cells = []
        for set_name in names:
            rates = stage_table[set_name]
            if stage == "sum of stages":
                cell = 1 / sum(1 / rates[s] for s, _ in STAGES)
            elif stage == "whole parse()":
                cell = rates["whole"]
            else:
                cell = rates[stage]
            cells.append(f"{_fmt(cell)} ({_ms(cell)})")
        w(f"| {stage} | " + " | ".join(cells) + " |")
    w(
        "\nrepairs: every repair but to-simplified; t2s: the to-simplified repair alone "
        "(one OpenCC pass). parse() runs them in one engine loop.\n"
    )

    w("## Text dumps, one page at a time\n")
    w("| page | KB | pages/s | ms |\n|---|---:|---:|---:|")
    for (name, data), (_, one) in zip(seed_list, per_seed, strict=True):
        edits = len(govnews.parse(data).edits)
        w(f"| {name} ({edits} edits) | {len(data) / 1024:.1f} | {_fmt(one)} | {_ms(one)} |")
    w("")

    w("## Text dumps seen once\n")
    w(
        f"The example dumps, each with {_RUNS_A_PAGE} of its lines freshly damaged by a "
        "dropped GB18030 byte, every page parsed once: the repairs' caches meet runs "
        "they have not seen, as in a crawl.\n"
    )
    w("| pages | pages/s | ms/page |\n|---|---:|---:|")
    w(f"| {20 if args.quick else 200} | {_fmt(once)} | {_ms(once)} |")
    w("")

    w("## HTML pages (UTF-8 and GBK together) and the alternatives\n")
    w("| tool | pages/s | ms/page | govnews is x times faster |\n|---|---:|---:|---:|")
    w(f"| govnews parse(), 1 process | {_fmt(whole_html)} | {_ms(whole_html)} | 1 |")
    w(f"| govnews parse(), {args.workers} processes | {_fmt(par)} | {_ms(par)} (wall) | |")
    for tool, rates in others.items():
        label = (
            "trafilatura bare_extraction(with_metadata=True)"
            if tool == "trafilatura"
            else "GNE GeneralNewsExtractor().extract (text in)"
        )
        if isinstance(rates, str):
            w(f"| {label} | {rates} | | |")
            continue
        ours, theirs = rates
        w(
            f"| {label} (govnews in the same rounds: {_fmt(ours)}) | {_fmt(theirs)} | "
            f"{_ms(theirs)} | {ours / theirs:.1f} |"
        )
    w(
        "\nEach alternative is timed in rounds that alternate with govnews's own "
        "(all pages by one, then by the other), so that both meet the same load; "
        "the ratio is taken within those rounds.\n"
    )

    w("## Size linearity (text dumps)\n")
    w("| size | µs per KB | ratio to 1 KB | runs |\n|---:|---:|---:|---:|")
    base = scale[0][1]
    for size, per_kb, count in scale:
        label = f"{size / 1024:,.0f} KB" if size < 1 << 20 else f"{size / (1 << 20):.1f} MB"
        w(f"| {label} | {per_kb:,.1f} | {per_kb / base:.2f} | {count} |")
    if len(scale) < len(big):
        skipped = ", ".join(f"{size / 1024:,.0f} KB" for size in big[len(scale) :])
        w(f"\nSkipped, too slow at the measured rate for this run's time budget: {skipped}.")
    w("")

    w("## Process costs\n")
    w(
        f"- `import govnews`: {imp:.1f} ms (python -X importtime, best of runs); largest: "
        + ", ".join(f"{n} {c:.1f} ms" for n, c in heavy)
    )
    w(
        f"- `import govnews; govnews.parse` (the pipeline's modules, loaded on first use): "
        f"{first:.1f} ms; largest: " + ", ".join(f"{n} {c:.1f} ms" for n, c in first_heavy)
    )
    for name, ms in clis.items():
        w(
            f"- `govnews parse` on {name} as a whole process, bytecode compiled: {ms:.0f} ms"
            + (" (word-table cache empty)" if name.endswith(COLD) else "")
        )
    w(f"- a bare `python -c pass`: {bare:.0f} ms")
    w(f"- peak RSS of a parse worker on its own: {rss:.1f} MB")
    if pooled:
        w(
            f"- a worker of `govnews.batch.map_pages` with {args.workers} workers (tables "
            f"loaded by the pool's server and shared): RSS {pooled['rss']:.1f} MB, "
            f"proportional (PSS) {pooled['pss']:.1f} MB, its own {pooled['private']:.1f} MB"
        )
    w("")

    w("## Targets\n")
    w("| target | measured | |\n|---|---|---|")
    text_rate = stage_table["text dumps"]["whole"]
    rows: list[tuple[str, str, bool]] = [
        (
            f"text dumps >= {TARGET_TEXT:,.0f} pages/s/core",
            _fmt(text_rate),
            text_rate >= TARGET_TEXT,
        ),
        (
            f"50 KB HTML >= {TARGET_HTML_1:,.0f} pages/s/core",
            _fmt(whole_html),
            whole_html >= TARGET_HTML_1,
        ),
        (
            f"50 KB HTML >= {TARGET_HTML_2:,.0f} pages/s with 2 workers",
            _fmt(par),
            par >= TARGET_HTML_2,
        ),
    ]
    traf = others.get("trafilatura")
    if isinstance(traf, tuple):
        rows.append(
            (
                f">= {TARGET_VS_TRAFILATURA:.0f}x trafilatura",
                f"{traf[0] / traf[1]:.1f}x",
                traf[0] / traf[1] >= TARGET_VS_TRAFILATURA,
            )
        )
    rows += [
        (f"import govnews < {TARGET_IMPORT_MS:.0f} ms", f"{imp:.1f} ms", imp < TARGET_IMPORT_MS),
        (
            f"govnews parse, one clean page, < {TARGET_CLI_MS:.0f} ms",
            f"{cli:.0f} ms",
            cli < TARGET_CLI_MS,
        ),
        (
            f"peak memory < {TARGET_MEMORY_MB:.0f} MB per worker (a process on its own)",
            f"{rss:.1f} MB",
            rss < TARGET_MEMORY_MB,
        ),
    ]
    if pooled:
        rows.append(
            (
                f"memory < {TARGET_MEMORY_MB:.0f} MB per worker of a pool (PSS)",
                f"{pooled['pss']:.1f} MB",
                pooled["pss"] < TARGET_MEMORY_MB,
            )
        )
    rows += [
        (
            "cost linear from 1 KB to the largest size (per KB, never 2x a smaller size's)",
            f"{_growth(scale):.2f}x at most",
            _growth(scale) <= 2,
        ),
    ]
    for label, value, ok in rows:
        w(f"| {label} | {value} | {_verdict(ok)} |")
    w(f"\nRun took {time.perf_counter() - began:.0f} s.")
    report = "\n".join(out) + "\n"
    print(report)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(report)
    if args.profile:
        print(profile(every_html, args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
