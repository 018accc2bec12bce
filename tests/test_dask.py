"""govnews on a real Dask cluster: a LocalCluster of two worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from govnews import Article, Failure, parse
from govnews.batch import to_row, warm_up

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

import dask.bag
import pandas
from distributed import Client, LocalCluster

from govnews.dask import (
    Summary,
    arrow_schema,
    folder_to_parquet,
    parse_bag,
    rows_bag,
    write_parquet,
)

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        memory_limit="1GiB",
    )
    with cluster, Client(cluster) as connected:
        yield connected


def test_articles_cross_processes_as_they_are(client: Client) -> None:
    expected = [parse(path.read_bytes()) for path in EXAMPLES]
    workers = sorted(client.scheduler_info()["workers"])
    assert len(workers) == 2
    for turn, address in enumerate(workers):  # three partitions on each worker process
        order = list(range(turn, 5)) + list(range(turn))  # other data, other task keys
        pages = dask.bag.from_sequence([EXAMPLES[i].read_bytes() for i in order], npartitions=3)
        results = client.compute(parse_bag(pages), workers=[address]).result()
        assert results == [expected[i] for i in order]
        assert all(isinstance(result, Article) for result in results)
    # each worker loaded the converters on its first partition, and only then
    assert client.run(warm_up) == dict.fromkeys(workers, False)


def test_rows_are_plain(client: Client) -> None:
    pages = dask.bag.from_sequence(
        [(EXAMPLES[0].read_bytes(), "http://www.jxnews.com.cn/a.shtml"), b""], npartitions=2
    )
    rows = rows_bag(pages).compute()
    assert rows[0]["input"] == "http://www.jxnews.com.cn/a.shtml"
    assert rows[0]["error"] is None
    assert isinstance(rows[0]["authors"], list)
    assert (rows[1]["input"], rows[1]["error"]) == (None, "NotAnArticleError")
    converted = parse_bag(pages).map(to_row).compute()
    assert converted[0]["input"] == "http://www.jxnews.com.cn/a.shtml"  # the URL


def test_folder_to_parquet_on_the_cluster(client: Client, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "b").mkdir(parents=True)
    for index in range(12):
        shutil.copy(EXAMPLES[index % 5], crawl / ("b" if index % 2 else "") / f"{index:02d}.txt")
    (crawl / "broken.html").write_bytes(b"")
    out = tmp_path / "articles.parquet"
    summary = folder_to_parquet(crawl, out, pages_per_partition=4)
    assert summary == Summary(pages=13, parsed=12, failed=1, files=4)
    table = pandas.read_parquet(out)
    assert len(table) == 13
    assert table["error"].isna().sum() == 12
    assert table.loc[table["error"].notna(), "input"].tolist() == [str(crawl / "broken.html")]
    names = {Path(name).name for name in table["input"]}
    assert names == {f"{i:02d}.txt" for i in range(12)} | {"broken.html"}
    first = table[table["input"] == str(crawl / "00.txt")].iloc[0]
    article = parse(EXAMPLES[0].read_bytes())
    assert first["title"] == article.title
    assert list(first["authors"]) == list(article.authors)
    assert str(table["published_at"].dtype) == "datetime64[us, Asia/Shanghai]"


def test_write_parquet_with_provenance(client: Client, tmp_path: Path) -> None:
    pages = dask.bag.from_sequence([EXAMPLES[1].read_bytes()], npartitions=1)
    summary = write_parquet(pages, tmp_path / "out", provenance=True)
    assert summary == Summary(1, 1, 0, 1)
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "out")
    assert table.schema.equals(arrow_schema(provenance=True, errors=True))
    row = table.to_pylist()[0]
    article = parse(EXAMPLES[1].read_bytes())
    assert len(row["edits"]) == len(article.edits)
    assert row["lines"][0]["raw"] == article.lines[0].raw


def test_failures_pickle() -> None:
    import pickle

    failure = Failure("a", "DecodeError", "no")
    assert pickle.loads(pickle.dumps(failure)) == failure
