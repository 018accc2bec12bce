"""Golden outputs: each example page parses to exactly its reviewed JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.regen_golden import golden

from tests.conftest import EXAMPLES, gold_records

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("case", gold_records(), ids=lambda case: case["id"])
def test_golden(case: dict[str, object]) -> None:
    """The page's fields and line roles equal the reviewed golden file."""
    expected = json.loads((GOLDEN / f"{case['id']}.json").read_text("utf-8"))
    data = (EXAMPLES / str(case["file"])).read_bytes()
    assert expected == golden(data, case["url"])  # type: ignore[arg-type]
