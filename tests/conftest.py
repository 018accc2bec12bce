"""Shared fixtures: the bundled example pages and their known fields."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = Path(__file__).resolve().parent / "data" / "gold.jsonl"

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The word tables' cache goes to a folder of the test run's own, not the
# user's cache: the tests then build the tables as a first run would.
os.environ.setdefault("GOVNEWS_CACHE_DIR", tempfile.mkdtemp(prefix="govnews-cache-"))


def gold_records() -> list[dict[str, Any]]:
    """The known fields of each example page, one record per page."""
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
