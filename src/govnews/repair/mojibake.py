"""UTF-8 bytes read as GBK, once or more."""

from __future__ import annotations

from govnews.records import Options
from govnews.repair.change import Change

__all__ = ["find"]


def find(text: str, options: Options) -> list[Change]:
    """Runs of UTF-8-read-as-GBK mojibake to undo."""
    return []
