"""Rewrite the golden outputs of the example pages from the current parser.

    python scripts/regen_golden.py

Review the diff before committing: a golden file is a promise about output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import govnews

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold.jsonl"
OUT = ROOT / "tests" / "golden"


def golden(data: bytes, url: str | None) -> dict[str, Any]:
    """The golden record of one page: its fields and the role of every line."""
    article = govnews.parse(data, url=url)
    record = article.to_dict(provenance=False)
    record["roles"] = [line.role.value for line in article.lines]
    record["edits"] = sorted({edit.kind for edit in article.edits})
    record["lost"] = sum(edit.lost for edit in article.edits)
    return record


def main() -> None:
    """Write one JSON file per example page."""
    OUT.mkdir(exist_ok=True)
    for line in GOLD.read_text("utf-8").splitlines():
        case = json.loads(line)
        data = (ROOT / "examples" / case["file"]).read_bytes()
        text = json.dumps(golden(data, case["url"]), ensure_ascii=False, indent=1)
        (OUT / f"{case['id']}.json").write_text(text + "\n", "utf-8")


if __name__ == "__main__":
    main()
