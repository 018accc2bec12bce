"""govnews on a Dask cluster: a crawl folder or a bag of pages to Parquet.

Needs the optional extra ``govnews[dask]`` (``dask[distributed]``, pandas,
pyarrow). Articles pickle, so a :class:`dask.bag.Bag` can hold them; each
task parses a whole partition, and the converters and tables load once per
worker process (on its first partition) and stay loaded.

The usual path is one call::

    from dask.distributed import Client
    from govnews.dask import folder_to_parquet

    client = Client("scheduler-address:8786")   # or Client() for this machine
    summary = folder_to_parquet("crawl/", "articles.parquet")

which writes one Parquet file per partition into ``articles.parquet/``,
readable as one table by pandas, pyarrow, DuckDB or
``dask.dataframe.read_parquet``. Pages that failed are rows too, with
``error`` and ``message`` set, so nothing is lost without a trace.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from govnews.batch import (
    LIST_COLUMNS,
    MissingExtraError,
    RawPage,
    Result,
    _as_page,
    columns,
    parse_page,
    to_row,
    warm_up,
)
from govnews.records import Options
from govnews.warc import is_warc, read_warc

__all__ = [
    "Summary",
    "arrow_schema",
    "folder_to_parquet",
    "import_pyarrow",
    "parse_bag",
    "parse_partition",
    "rows_bag",
    "write_parquet",
]


class Summary(NamedTuple):
    """What a run to Parquet did.

    Example:
        >>> Summary(pages=3, parsed=2, failed=1, files=1).failed
        1
    """

    pages: int
    parsed: int
    failed: int
    files: int


def import_pyarrow(what: str = "writing Parquet") -> tuple[Any, Any]:
    """``pyarrow`` and ``pyarrow.parquet``, or a clear error naming the extra.

    Example:
        >>> pa, pq = import_pyarrow()
        >>> pa.__name__, pq.__name__
        ('pyarrow', 'pyarrow.parquet')
    """
    try:
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as error:
        raise MissingExtraError("pyarrow", "parquet", what) from error
    return pa, pq


def _import_dask() -> tuple[Any, Any]:
    try:
        import dask
        import dask.bag
    except ImportError as error:
        raise MissingExtraError("dask", "dask", "running on Dask") from error
    return dask, dask.bag


def arrow_schema(*, provenance: bool = False, errors: bool = False) -> Any:
    """The Arrow schema of :func:`govnews.batch.to_row` rows, for Parquet.

    Text fields are strings, name lists ``list<string>``, ``published_at`` a
    timestamp in Beijing time and ``published_date`` a date; ``lines`` and
    ``edits`` (with ``provenance``) are lists of structs.

    Example:
        >>> schema = arrow_schema()
        >>> str(schema.field("authors").type), str(schema.field("published_date").type)
        ('list<item: string>', 'date32[day]')
    """
    pa, _ = import_pyarrow()
    text = pa.string()
    names = pa.list_(pa.string())
    kinds: dict[str, Any] = {
        "published_at": pa.timestamp("us", tz="Asia/Shanghai"),
        "published_date": pa.date32(),
        "lines": pa.list_(
            pa.struct([("index", pa.int32()), ("role", text), ("text", text), ("raw", text)])
        ),
        "edits": pa.list_(
            pa.struct(
                [
                    ("kind", text),
                    ("start", pa.int64()),
                    ("end", pa.int64()),
                    ("before", text),
                    ("after", text),
                    ("line", pa.int64()),
                    ("lost", pa.int64()),
                    ("reason", text),
                ]
            )
        ),
    }
    lists = set(LIST_COLUMNS)
    fields = []
    for name in columns(provenance=provenance, errors=errors):
        kind = kinds.get(name, names if name in lists else text)
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def parse_partition(pages: Iterable[Any], options: Options | None = None) -> list[Result]:
    """Parse one partition of pages: RawPages, paths, bytes, text or (data, url) pairs.

    A :class:`pathlib.Path` ending in ``.warc`` or ``.warc.gz`` stands for
    every page in that archive. Runs on a worker; the converters load on its
    first partition and stay loaded.

    Example:
        >>> [type(r).__name__ for r in parse_partition(["来源:江西日报\\n正文。", b""])]
        ['Article', 'Failure']
    """
    return [result for _, result in _parse_labelled(pages, options)]


def _parse_labelled(
    items: Iterable[Any], options: Options | None
) -> Iterator[tuple[str | None, Result]]:
    warm_up()
    for page in _pages(items):
        yield page.label or None, parse_page(page, options)


def _pages(items: Iterable[Any]) -> Iterator[RawPage]:
    for item in items:
        if isinstance(item, os.PathLike) and is_warc(Path(item)):
            yield from read_warc(Path(item))
        else:
            yield _as_page(item)


def parse_bag(bag: Any, options: Options | None = None) -> Any:
    """A bag of pages to a bag of results (Article or Failure), partition by partition.

    Example:
        >>> import dask.bag
        >>> pages = dask.bag.from_sequence(["来源:江西日报\\n正文。", b""], npartitions=2)
        >>> [type(r).__name__ for r in parse_bag(pages).compute(scheduler="sync")]
        ['Article', 'Failure']
    """
    return bag.map_partitions(parse_partition, options)


def _rows(items: Iterable[Any], options: Options | None, provenance: bool) -> list[dict[str, Any]]:
    return [
        to_row(result, input=label, provenance=provenance)
        for label, result in _parse_labelled(items, options)
    ]


def rows_bag(pages: Any, *, options: Options | None = None, provenance: bool = False) -> Any:
    """A bag of pages to a bag of plain rows, one per page (see :func:`govnews.batch.to_row`).

    ``input`` is the page's name, URL or path (``None`` for bare bytes or
    text); failed pages are rows with ``error`` and ``message`` set. A bag
    of results from :func:`parse_bag` converts with ``results.map(to_row)``.

    Example:
        >>> import dask.bag
        >>> pages = dask.bag.from_sequence([("来源:江西日报\\n正文。", "http://a.cn/1")])
        >>> row, = rows_bag(pages).compute(scheduler="sync")
        >>> row["input"], row["source"], row["error"]
        ('http://a.cn/1', '江西日报', None)
    """
    return pages.map_partitions(_rows, options, provenance)


def _write_part(
    items: Iterable[Any], path: str, options: Options | None, provenance: bool
) -> tuple[int, int]:
    rows = _rows(items, options, provenance)
    failed = sum(row["error"] is not None for row in rows)
    pa, pq = import_pyarrow()
    schema = arrow_schema(provenance=provenance, errors=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows) - failed, failed


def write_parquet(
    pages: Any,
    out: str | os.PathLike[str],
    *,
    options: Options | None = None,
    provenance: bool = False,
) -> Summary:
    """Parse a bag of pages and write one Parquet file per partition into ``out``.

    ``out`` is a folder every worker can write to (a shared file system on a
    cluster). Each partition is parsed and written by the worker that holds
    it, so no Article crosses the network. Failed pages are rows with
    ``error`` and ``message`` set.

    Example:
        >>> import dask.bag, tempfile, pyarrow.parquet
        >>> folder = tempfile.mkdtemp()
        >>> pages = dask.bag.from_sequence(["来源:江西日报\\n正文。", b""], npartitions=2)
        >>> write_parquet(pages, folder)
        Summary(pages=2, parsed=1, failed=1, files=2)
        >>> pyarrow.parquet.read_table(folder).column("error").to_pylist()
        [None, 'NotAnArticleError']
    """
    dask, _ = _import_dask()
    import_pyarrow()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    tasks = [
        dask.delayed(_write_part)(
            part, str(folder / f"part-{index:05d}.parquet"), options, provenance
        )
        for index, part in enumerate(pages.to_delayed())
    ]
    counts = dask.compute(*tasks)
    parsed = sum(count[0] for count in counts)
    failed = sum(count[1] for count in counts)
    return Summary(parsed + failed, parsed, failed, len(tasks))


def folder_to_parquet(
    folder: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    pattern: str = "*",
    pages_per_partition: int = 1000,
    options: Options | None = None,
    provenance: bool = False,
) -> Summary:
    """Parse every page under a folder (WARC archives included) into a Parquet folder.

    Files are listed here, on the client, and read by the workers; a
    partition holds ``pages_per_partition`` files, and each WARC archive is
    a partition of its own. Runs on whatever Dask scheduler is active: a
    ``dask.distributed.Client`` if one is connected, else local threads.

    Example:
        >>> import tempfile, pandas
        >>> crawl, out = tempfile.mkdtemp(), tempfile.mkdtemp()
        >>> _ = Path(crawl, "a.txt").write_text("来源:江西日报\\n正文。", encoding="utf-8")
        >>> folder_to_parquet(crawl, out)
        Summary(pages=1, parsed=1, failed=0, files=1)
        >>> pandas.read_parquet(out)["source"].tolist()
        ['江西日报']
    """
    _, bag = _import_dask()
    if pages_per_partition < 1:
        raise ValueError("pages_per_partition must be at least 1")
    root = Path(folder)
    files = sorted(
        path
        for path in root.rglob(pattern)
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    archives = [path for path in files if is_warc(path)]
    plain = [RawPage(path) for path in files if not is_warc(path)]
    groups: list[list[Any]] = [
        plain[start : start + pages_per_partition]
        for start in range(0, len(plain), pages_per_partition)
    ]
    groups.extend([archive] for archive in archives)
    if not groups:
        return Summary(0, 0, 0, 0)
    pages = bag.from_sequence(groups, npartitions=len(groups)).flatten()
    return write_parquet(pages, out, options=options, provenance=provenance)
