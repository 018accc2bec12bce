"""The Article record: frozen, typed, and round-tripped through JSON."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given

import govnews
from tests.conftest import EXAMPLES
from tests.test_templates import pages


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_examples_round_trip(path: object) -> None:
    """to_dict, through JSON text, and from_dict give the same Article back."""
    article = govnews.parse(path.read_bytes())  # type: ignore[attr-defined]
    data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    assert article == govnews.Article.from_dict(data)


@given(pages())
def test_composed_pages_round_trip(page: dict[str, object]) -> None:
    """Any parsed page survives the JSON round trip."""
    article = govnews.parse(str(page["text"]))
    assert article == govnews.Article.from_dict(json.loads(json.dumps(article.to_dict())))


def test_article_is_frozen() -> None:
    """Fields cannot be reassigned."""
    article = govnews.Article(site="generic", title="标题")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "别的"  # type: ignore[misc]


def test_missing_is_none_or_empty() -> None:
    """A page without a field gives None or an empty tuple, never an empty string."""
    article = govnews.parse("本报讯 今天上午,全省会议在南昌召开,会议总结了去年的工作。")
    for field in attrs.fields(govnews.Article):
        value = getattr(article, field.name)
        assert value != ""
        if isinstance(value, tuple):
            assert all(item != "" for item in value)


def test_to_dict_without_provenance() -> None:
    """provenance=False leaves out the line roles and edits."""
    data = govnews.parse("标题\n正文第一段,内容。").to_dict(provenance=False)
    assert "lines" not in data
    assert "edits" not in data


def test_headline_and_text_helpers() -> None:
    """headline joins the decks in page order; text joins the paragraphs."""
    article = govnews.Article(site="generic", kicker="引题", title="正题", paragraphs=("一", "二"))
    assert ("引题\n正题", "一\n\n二") == (article.headline, article.text)
