"""Many pages at once: :func:`parse_many`, in order, in parallel, in bounded memory.

``parse_many`` takes any iterable of pages, even an endless one, and yields
one result per page in input order: an :class:`~govnews.Article`, or a
:class:`~govnews.Failure` for a page that could not be parsed. A failure
never stops the batch.

With ``workers > 1`` the pages go to a pool of processes. At most a fixed
window of pages is in flight at any time, so memory stays bounded however
many pages come in. Each worker loads the converters and tables (OpenCC,
pypinyin, jieba) once, when it starts, and keeps them for every page it
parses.

This module also turns results into plain rows (:func:`to_row`) with one
fixed set of columns (:func:`columns`), the shape the CSV and Parquet
outputs of the command line and the Dask helpers share.
"""

from __future__ import annotations

import collections
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, Union

import attrs

from govnews.records import Article, Edit, Failure, Line, Options, Role

if TYPE_CHECKING:  # process pools load with the first parallel batch, not on import
    import concurrent.futures
    import multiprocessing.context

__all__ = [
    "LIST_COLUMNS",
    "Item",
    "MissingExtraError",
    "RawPage",
    "Result",
    "columns",
    "map_pages",
    "parse_many",
    "parse_page",
    "to_row",
    "warm_up",
]

Result: TypeAlias = Article | Failure
"""What a batch yields for one page."""

T = TypeVar("T")


class MissingExtraError(ImportError):
    """An optional extra is needed and not installed.

    Example:
        >>> str(MissingExtraError("warcio", "warc", "reading WARC files")).split(";")[0]
        'reading WARC files needs warcio'
    """

    def __init__(self, module: str, extra: str, what: str) -> None:
        super().__init__(f"{what} needs {module}; install it with: pip install 'govnews[{extra}]'")
        self.module = module
        self.extra = extra


@attrs.frozen
class RawPage:
    """One page to parse, with what is known about it.

    Attributes:
        data: the page as bytes or text, or a path to read it from (read by
            the worker that parses it, so only the path crosses processes).
        url: the page's address, when known.
        encoding: the charset the server declared, when known.
        name: what error records and outputs call the page; defaults to the
            URL, then the path.

    Example:
        >>> page = RawPage(b"<p>\\xe6\\xad\\xa3\\xe6\\x96\\x87</p>", url="http://example.cn/a.html")
        >>> page.label
        'http://example.cn/a.html'
    """

    data: bytes | str | Path
    url: str | None = None
    encoding: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        """The page's name, URL or path, whichever comes first; ``""`` if none."""
        if self.name:
            return self.name
        if self.url:
            return self.url
        if isinstance(self.data, Path):
            return str(self.data)
        return ""


Item: TypeAlias = Union[
    bytes,
    bytearray,
    memoryview,
    str,
    "os.PathLike[str]",
    "tuple[bytes | str | os.PathLike[str], str | None]",
    RawPage,
]
"""What :func:`parse_many` takes: a page as bytes or text, a path, a
``(data, url)`` pair, or a :class:`RawPage`."""


def _as_page(item: Any, index: int | None = None) -> RawPage:
    # An unnamed page is called "#index" when its place in the input is known.
    if isinstance(item, RawPage):
        page = item
    elif isinstance(item, tuple) and len(item) == 2:
        data, url = item
        page = RawPage(_as_data(data), url=url)
    else:
        page = RawPage(_as_data(item))
    if not page.label and index is not None:
        page = attrs.evolve(page, name=f"#{index}")
    return page


def _as_data(data: Any) -> bytes | str | Path:
    if isinstance(data, (bytes, str, Path)):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, os.PathLike):
        return Path(data)
    return data  # type: ignore[no-any-return]  # parse() reports the wrong type


def parse_page(page: RawPage, options: Options | None = None) -> Result:
    """Parse one :class:`RawPage`; any error becomes a :class:`~govnews.Failure`.

    A path is read here; a file that cannot be read is a failure too.

    Example:
        >>> parse_page(RawPage("来源:江西日报\\n正文。")).source
        '江西日报'
        >>> parse_page(RawPage(b"", name="empty.html"))
        Failure(input='empty.html', error='NotAnArticleError', message='the page has no text')
    """
    # Imported here, not with the module: the command line and the WARC
    # reader need this module's records without the whole parser.
    from govnews.parse import parse

    try:
        data = page.data.read_bytes() if isinstance(page.data, Path) else page.data
        return parse(data, url=page.url, encoding=page.encoding, options=options)
    except Exception as error:  # one bad page must never stop a batch
        return Failure(page.label, type(error).__name__, str(error) or repr(error))


_warm = False


def warm_up() -> bool:
    """Load the converters and tables every repair may need, once per process.

    Workers call this when they start (or on their first partition, on
    Dask) so that no page pays for the loading. Returns ``True`` when this
    call loaded them, ``False`` when they were loaded already.

    Example:
        >>> _ = warm_up()
        >>> warm_up()
        False
    """
    global _warm
    if _warm:
        return False
    from govnews.repair import lexicon

    lexicon.to_simplified("國")
    lexicon.readings("国")
    lexicon.chars_for("guó")
    lexicon.word_count("国家")
    _warm = True
    return True


# Set in each worker process by _start_worker, so options cross once.
_worker_options: Options | None = None


def _start_worker(options: Options | None) -> None:
    global _worker_options
    # Ctrl-C goes to the whole process group; the parent alone handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options = options
    warm_up()


def _run_chunk(func: Callable[[RawPage, Result], T], pages: list[RawPage]) -> list[T]:
    return [func(page, parse_page(page, _worker_options)) for page in pages]


def _context() -> multiprocessing.context.BaseContext:
    # forkserver where there is one (as Python 3.14 chooses): fork from a
    # process with threads may deadlock, and spawn re-runs the main script.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    _preload_in()
    return context


_PRELOAD = "govnews._preload"


def _preload_in() -> None:
    # Workers forked from a server that has loaded the tables share them
    # (see govnews._preload). The modules the server already preloads, such
    # as the program's own __main__, stay in the list. A server that is
    # running already keeps its list; its workers load for themselves.
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    modules = list(getattr(server, "_preload_modules", None) or ["__main__"])
    if _PRELOAD not in modules:
        forkserver.set_forkserver_preload([*modules, _PRELOAD])


def _chunks(pages: Iterator[RawPage], size: int) -> Iterator[list[RawPage]]:
    chunk: list[RawPage] = []
    for page in pages:
        chunk.append(page)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_pages(
    pages: Iterable[RawPage],
    func: Callable[[RawPage, Result], T],
    *,
    workers: int = 1,
    options: Options | None = None,
    window: int | None = None,
    chunksize: int = 4,
) -> Generator[T, None, None]:
    """Parse pages and yield ``func(page, result)`` for each, in input order.

    The engine under :func:`parse_many` and the command line. ``func`` runs
    where the page was parsed, so with ``workers > 1`` it must be picklable
    (a module-level function or a :func:`functools.partial` of one), and
    what it returns crosses back to this process: turning an Article into
    the output it is wanted for there (a JSON line, a row) saves most of the
    cost of sending it whole.

    At most ``window`` chunks of ``chunksize`` pages are in flight at once
    (default: four chunks per worker), which bounds memory on an endless
    input. If a worker process dies (killed for memory, say), the pool is
    started again and the pages that were in flight are parsed again one
    chunk, then one page, at a time: only a page that kills a worker by
    itself becomes a ``WorkerDied`` failure. Where Python has a
    ``forkserver``, the server loads the tables before it forks the
    workers, and they share those pages instead of each loading a copy.

    Example:
        >>> def name_and_kind(page, result):
        ...     return page.label, type(result).__name__
        >>> list(map_pages([RawPage("来源:江西日报\\n正文。", name="a"), RawPage(b"", name="b")],
        ...                name_and_kind))
        [('a', 'Article'), ('b', 'Failure')]
    """
    limit = _check(workers, window, chunksize)
    if workers == 1:
        return (func(page, parse_page(page, options)) for page in pages)
    return _pooled(pages, func, workers, options, limit, chunksize)


def _check(workers: int, window: int | None, chunksize: int) -> int:
    # Checked when called, not when the first result is asked for.
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    limit = window if window is not None else 4 * workers
    if limit < 1:
        raise ValueError(f"window must be at least 1, not {limit}")
    return limit


def _pooled(
    pages: Iterable[RawPage],
    func: Callable[[RawPage, Result], T],
    workers: int,
    options: Options | None,
    limit: int,
    chunksize: int,
) -> Generator[T, None, None]:
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    chunks = _chunks(iter(pages), chunksize)
    pending: collections.deque[tuple[list[RawPage], concurrent.futures.Future[list[T]]]] = (
        collections.deque()
    )

    def start() -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(options,),
        )

    pools = [start()]  # the current pool; replaced when a worker dies

    def restart() -> None:
        pools[0].shutdown(wait=False, cancel_futures=True)
        pools[0] = start()

    def alone(chunk: list[RawPage]) -> Iterator[T]:
        # After a crash, each chunk that was in flight runs by itself, and a
        # chunk that crashes again runs page by page, so only the page that
        # kills a worker fails.
        try:
            results = pools[0].submit(_run_chunk, func, chunk).result()
        except BrokenProcessPool:
            restart()
        else:
            yield from results
            return
        if len(chunk) == 1:
            page = chunk[0]
            yield func(page, Failure(page.label, "WorkerDied", _DIED))
            return
        for page in chunk:
            yield from alone([page])

    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, pools[0].submit(_run_chunk, func, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                suspects = [chunk, *(held for held, _ in pending)]
                pending.clear()
                restart()
                for held in suspects:
                    yield from alone(held)
                continue
            yield from results
    finally:
        for _, future in pending:
            future.cancel()
        # Closed early (Ctrl-C, an error, a consumer that has enough), the
        # chunks not started are dropped and the workers finish the ones they
        # hold (at most chunksize pages each): killing them instead can leave
        # the pool's feeder thread blocked on a pipe no one reads.
        pools[0].shutdown(wait=True, cancel_futures=True)


_DIED = "the worker process parsing this page died (out of memory, or a crash in a library)"


# Sending an Article whole between processes costs more than parsing it
# (attrs rebuilds each Line and Edit field by field), so workers send plain
# tuples and the parent builds the records once.
_FIELDS = tuple(field.name for field in attrs.fields(Article))
_LINES = _FIELDS.index("lines")
_EDITS = _FIELDS.index("edits")


def _pack(page: RawPage, result: Result) -> tuple[Any, ...] | Failure:
    if isinstance(result, Failure):
        return result
    values: list[Any] = [getattr(result, name) for name in _FIELDS]
    values[_LINES] = tuple((x.index, x.text, x.raw, x.role.value) for x in result.lines)
    values[_EDITS] = tuple(attrs.astuple(edit) for edit in result.edits)
    return tuple(values)


def _unpack(packed: tuple[Any, ...] | Failure) -> Result:
    if isinstance(packed, Failure):
        return packed
    values = list(packed)
    values[_LINES] = tuple(Line(i, text, raw, Role(role)) for i, text, raw, role in values[_LINES])
    values[_EDITS] = tuple(Edit(*edit) for edit in values[_EDITS])
    return Article(**dict(zip(_FIELDS, values, strict=True)))


def _keep(page: RawPage, result: Result) -> Result:
    return result


def parse_many(
    items: Iterable[Item],
    *,
    workers: int = 1,
    options: Options | None = None,
    window: int | None = None,
) -> Generator[Result, None, None]:
    """Parse many pages, yielding an Article or a Failure for each, in input order.

    Args:
        items: pages as bytes or text (``str`` is page text, as in
            :func:`govnews.parse`), paths (:class:`pathlib.Path`, read by the
            worker), ``(data, url)`` pairs, or :class:`RawPage` records. Any
            iterable works, an endless one too.
        workers: processes to parse in; ``1`` parses in this process.
        options: as for :func:`govnews.parse`.
        window: chunks of pages in flight at once (default four per worker);
            this bounds memory.

    A page that cannot be parsed (or read) yields a :class:`~govnews.Failure`
    naming it by URL, path or ``#index``; the batch goes on.

    Example:
        >>> pages = ["来源:江西日报\\n正文。", (b"", "http://example.cn/empty.html")]
        >>> for result in parse_many(pages):
        ...     print(type(result).__name__, getattr(result, "source", None) or result.input)
        Article 江西日报
        Failure http://example.cn/empty.html
    """
    _check(workers, window, 1)
    pages = (_as_page(item, index) for index, item in enumerate(items))
    if workers == 1:
        return map_pages(pages, _keep, options=options)
    packed = map_pages(pages, _pack, workers=workers, options=options, window=window)
    return (_unpack(result) for result in packed)


# Article fields that are tuples of strings: joined in flat rows, lists in Parquet.
LIST_COLUMNS = (
    "authors",
    "editors",
    "reporters",
    "correspondents",
    "photographers",
    "breadcrumb",
    "paragraphs",
    "captions",
    "warnings",
)
_ARTICLE_COLUMNS = tuple(
    field.name for field in attrs.fields(Article) if field.name not in ("lines", "edits")
)


def columns(*, provenance: bool = False, errors: bool = False) -> tuple[str, ...]:
    """The columns of :func:`to_row`, in order.

    ``input`` comes first, then the Article's fields; ``lines`` and ``edits``
    with ``provenance``; ``error`` and ``message`` with ``errors``.

    Example:
        >>> columns()[:4]
        ('input', 'site', 'url', 'kicker')
        >>> columns(provenance=True, errors=True)[-4:]
        ('lines', 'edits', 'error', 'message')
    """
    extra = (("lines", "edits") if provenance else ()) + (("error", "message") if errors else ())
    return ("input", *_ARTICLE_COLUMNS, *extra)


def to_row(result: Result, *, input: str | None = None, provenance: bool = False) -> dict[str, Any]:
    """A result as one plain row: str, int, list, dict, date and datetime only.

    Rows of Articles and of Failures share every column of
    ``columns(provenance=provenance, errors=True)``: a Failure has only
    ``input``, ``error`` and ``message`` set, an Article has ``error`` and
    ``message`` as ``None``. Name lists stay lists; dates stay
    :class:`datetime.date` and :class:`datetime.datetime` (Beijing time).

    Example:
        >>> import govnews
        >>> row = to_row(govnews.parse("来源:江西日报 时间:2022-09-10\\n正文。"), input="a.txt")
        >>> row["input"], row["source"], row["published_date"], row["error"]
        ('a.txt', '江西日报', datetime.date(2022, 9, 10), None)
        >>> to_row(Failure("b.txt", "DecodeError", "no codec fits"))["error"]
        'DecodeError'
    """
    row: dict[str, Any] = dict.fromkeys(columns(provenance=provenance, errors=True))
    if isinstance(result, Failure):
        row.update(input=input or result.input or None, error=result.error, message=result.message)
        for name in LIST_COLUMNS:
            row[name] = []
        if provenance:
            row.update(lines=[], edits=[])
        return row
    row["input"] = input if input is not None else result.url
    for name in _ARTICLE_COLUMNS:
        value = getattr(result, name)
        row[name] = list(value) if isinstance(value, tuple) else value
    if provenance:
        data = result.to_dict(provenance=True)
        row.update(lines=data["lines"], edits=data["edits"])
    return row
