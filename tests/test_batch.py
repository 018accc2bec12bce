"""parse_many and map_pages: order, failures, bounded memory, worker crashes."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from govnews import Article, Failure, Options, parse
from govnews.batch import (
    RawPage,
    Result,
    _pack,
    _unpack,
    columns,
    map_pages,
    parse_many,
    parse_page,
    to_row,
)

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))


def test_examples_are_there() -> None:
    assert len(EXAMPLES) == 5


def test_every_kind_of_item_in_order(tmp_path: Path) -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8")
    data = EXAMPLES[1].read_bytes()
    items: list[object] = [
        text,
        data,
        bytearray(data),
        EXAMPLES[2],
        (EXAMPLES[3].read_bytes(), "http://www.jxnews.com.cn/a.html"),
        RawPage(EXAMPLES[4], name="five"),
        b"",
        tmp_path / "missing.html",
    ]
    results = list(parse_many(items))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Article"] * 6 + ["Failure"] * 2
    assert results[0] == parse(text)
    assert results[1] == results[2] == parse(data)
    assert results[2] == parse(EXAMPLES[1].read_bytes())
    assert isinstance(results[4], Article)
    assert results[4].url == "http://www.jxnews.com.cn/a.html"
    empty, missing = results[6], results[7]
    assert isinstance(empty, Failure)
    assert isinstance(missing, Failure)
    assert (empty.input, empty.error) == ("#6", "NotAnArticleError")
    assert (missing.input, missing.error) == (str(tmp_path / "missing.html"), "FileNotFoundError")


def test_options_reach_the_parser() -> None:
    kept = next(parse_many(["國內新聞\n正文。"], options=Options(simplified=False)))
    assert isinstance(kept, Article)
    assert "國" in kept.lines[0].text


def test_two_workers_give_the_same_results_in_the_same_order() -> None:
    items = [EXAMPLES[i % 5] for i in range(11)] + [b""] + [EXAMPLES[0]]
    one = list(parse_many(items, workers=1))
    two = list(parse_many(items, workers=2, window=3))
    assert one == two
    assert isinstance(two[11], Failure)


def test_articles_pickle_and_pack() -> None:
    for path in EXAMPLES:
        article = parse(path.read_bytes(), url="http://example.cn/a.html")
        assert pickle.loads(pickle.dumps(article)) == article
        assert _unpack(_pack(RawPage(path), article)) == article
    failure = Failure("a", "DecodeError", "no")
    assert _unpack(_pack(RawPage(b""), failure)) is failure


def test_memory_stays_bounded_on_an_endless_input() -> None:
    taken = 0

    def endless() -> Iterator[bytes]:
        nonlocal taken
        for path in itertools.cycle(EXAMPLES):
            taken += 1
            yield path.read_bytes()

    results = parse_many(endless(), workers=2, window=2)
    ahead = []
    for count, _ in enumerate(itertools.islice(results, 24), start=1):
        ahead.append(taken - count)
    results.close()
    # window 2 chunks of 4 pages, plus the chunk being read
    assert max(ahead) <= 2 * 4 + 4

    taken = 0
    single = parse_many(endless())
    for count, _ in enumerate(itertools.islice(single, 5), start=1):
        assert taken == count


def _kind(page: RawPage, result: Result) -> str:
    return f"{page.label}:{type(result).__name__}"


def _die_on_poison(page: RawPage, result: Result) -> str:
    if page.label == "poison" and isinstance(result, Article):
        os._exit(3)  # as a worker killed for memory would
    return _kind(page, result)


def test_map_pages_with_a_worker_function() -> None:
    pages = [RawPage(path, name=path.name) for path in EXAMPLES]
    assert list(map_pages(pages, _kind, workers=2, chunksize=2)) == [
        f"{path.name}:Article" for path in EXAMPLES
    ]


def _tables_at_hand(page: RawPage, result: Result) -> bool:
    from govnews.repair import lexicon

    # A clean page never asks for the words of three or four characters:
    # they are loaded here only if the worker was forked with them.
    return lexicon._phrases.cache_info().currsize == 1 and isinstance(result, Article)


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(),
    reason="workers share tables only where they are forked from a server",
)
def test_workers_start_with_the_tables_loaded() -> None:
    """The forkserver loads the word tables once; every worker shares them."""
    pages = [RawPage("来源:江西日报\n正文。", name=f"p{i}") for i in range(4)]
    assert list(map_pages(pages, _tables_at_hand, workers=2, chunksize=1)) == [True] * 4


def test_preloading_keeps_the_servers_own_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program's own preload list is extended, not replaced."""
    from multiprocessing import forkserver

    from govnews import batch

    chosen: list[list[str]] = []
    server = forkserver.ForkServer()
    server.set_forkserver_preload(["__main__", "mine"])
    monkeypatch.setattr(forkserver, "_forkserver", server)
    monkeypatch.setattr(forkserver, "set_forkserver_preload", chosen.append)
    batch._preload_in()
    assert chosen == [["__main__", "mine", "govnews._preload"]]


def test_a_dying_worker_fails_only_its_page() -> None:
    text = "来源:江西日报\n正文。"
    names = [f"p{i}" for i in range(9)]
    names[4] = "poison"
    pages = [RawPage(text, name=name) for name in names]
    got = list(map_pages(pages, _die_on_poison, workers=2, chunksize=2))
    expected = [f"{name}:Article" for name in names]
    expected[4] = "poison:Failure"
    assert got == expected


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        parse_many([b"x"], workers=0)
    with pytest.raises(ValueError, match="window"):
        parse_many([b"x"], workers=2, window=0)
    with pytest.raises(ValueError, match="chunksize"):
        map_pages([], _kind, chunksize=0)


def test_a_bug_in_a_page_is_a_failure_not_a_crash() -> None:
    result = parse_page(RawPage(12345))  # type: ignore[arg-type]
    assert isinstance(result, Failure)
    assert result.error == "InputTypeError"


def test_rows_have_every_column() -> None:
    article = parse(EXAMPLES[0].read_bytes())
    row = to_row(article, input="a.txt")
    assert tuple(row) == columns(errors=True)
    assert row["input"] == "a.txt"
    assert row["authors"] == list(article.authors)
    assert row["error"] is None
    failed = to_row(Failure("b.txt", "DecodeError", "no"), provenance=True)
    assert tuple(failed) == columns(provenance=True, errors=True)
    assert (failed["input"], failed["site"], failed["authors"]) == ("b.txt", None, [])
    full = to_row(article, provenance=True)
    assert full["lines"][0].keys() == {"index", "role", "text", "raw"}
    assert len(full["edits"]) == len(article.edits)
