"""The five example pages parse to the fields their gold records give."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import pytest

import govnews
from govnews.repair.lexicon import to_simplified
from tests.conftest import EXAMPLES, gold_records

GOLD = gold_records()
IDS = [record["id"] for record in GOLD]


def fold(text: object) -> str:
    """Compare texts across script, width and spacing, as the gold was written."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_simplified(str(text))))


def accepted(record: dict[str, Any], field: str) -> list[Any]:
    return [record.get(field), *record.get("alt", {}).get(field, [])]


@pytest.fixture(scope="module", params=GOLD, ids=IDS)
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], govnews.Article]:
    record = request.param
    data = (EXAMPLES / record["file"]).read_bytes()
    return record, govnews.parse(data, url=record["url"])


def test_headline(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """Kicker, title and subtitle read in page order give the gold headline."""
    record, article = case
    expected = fold((record["title"] or "") + "".join(record["subtitles"]))
    assert expected == fold(
        "".join(p for p in (article.kicker, article.title, article.subtitle) if p)
    )


def test_published(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """Publish time in Beijing time, a bare date, or nothing, as the page gives."""
    record, article = case
    published = record["published"]
    if published is None:
        assert article.published_date is None
        assert article.published_at is None
    elif "T" in published:
        assert article.published_at == dt.datetime.fromisoformat(published)
        assert article.published_at is not None
        assert article.published_at.utcoffset() == dt.timedelta(hours=8)
    else:
        assert article.published_date == dt.date.fromisoformat(published)
        assert article.published_at is None


def test_source(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """The 来源/来自 value, or nothing."""
    record, article = case
    assert fold(article.source) in [fold(v) for v in accepted(record, "source")]


@pytest.mark.parametrize(
    ("gold_field", "field"),
    [
        ("author", "authors"),
        ("editor", "editors"),
        ("reporters", "reporters"),
    ],
)
def test_credits(case: tuple[dict[str, Any], govnews.Article], gold_field: str, field: str) -> None:
    """Authors, editors and reporters, each a tuple of names."""
    record, article = case
    value = record[gold_field]
    expected = [value] if isinstance(value, str) else list(value or [])
    assert sorted(fold(v) for v in expected) == sorted(fold(v) for v in getattr(article, field))


def test_breadcrumb(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """The breadcrumb crumbs, from the top."""
    record, article = case
    assert [fold(c) for c in record["breadcrumb"]] == [fold(c) for c in article.breadcrumb]


def test_summary(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """The 摘要, kept as the page gives it (Discuz truncates it)."""
    record, article = case
    if record["summary"] is None:
        assert article.summary is None
    else:
        assert fold(article.summary) in [fold(v) for v in accepted(record, "summary")]


def test_body_bounds(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """The body starts and ends where the gold says, with no page chrome inside."""
    record, article = case
    assert article.paragraphs
    assert fold(article.paragraphs[0]).startswith(fold(record["body_first"]))
    assert fold(article.paragraphs[-1]).endswith(fold(record["body_last"]))
    body = fold(article.text)
    for chrome in ("版权与免责声明", "您当前的位置", "扫一扫", "相关新闻", "鲜花", "备案号"):
        assert chrome not in body


def test_no_glosses_left(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """No tone-marked pinyin in parentheses survives in any text field."""
    _, article = case
    texts = [article.kicker, article.title, article.subtitle, article.summary, *article.paragraphs]
    gloss = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
    assert [t for t in texts if t and gloss.search(t)] == []


def test_every_line_has_a_role(case: tuple[dict[str, Any], govnews.Article]) -> None:
    """Each input line appears once in Article.lines, in order, with a role."""
    record, article = case
    data = (EXAMPLES / record["file"]).read_text("utf-8")
    assert [line.raw for line in article.lines] == data.split("\n")
    assert [line.index for line in article.lines] == list(range(len(article.lines)))


def test_template_chosen_without_url() -> None:
    """Each example page is recognised by its own text when no URL is given."""
    expected = {
        "seed-000": "jxnews",
        "seed-001": "reprint",
        "seed-002": "jxnews-channel",
        "seed-003": "people",
        "seed-004": "discuz",
    }
    for record in GOLD:
        article = govnews.parse((EXAMPLES / record["file"]).read_bytes())
        assert (record["id"], expected[record["id"]]) == (record["id"], article.site)


def test_keep_script_returns_text_as_found() -> None:
    """With simplified=False the Traditional pages keep their script, without glosses."""
    data = (EXAMPLES / "004_ddc25e8dc72c19d0.txt").read_bytes()
    article = govnews.parse(data, options=govnews.Options(simplified=False))
    assert article.title == "抗擊疫情!挺在最前沿,督導落實疫情防控工作"
    assert article.source == "安源區政府"
    assert "(" not in (article.title or "")
