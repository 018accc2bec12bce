"""A GBK stream read out of step after one lost byte."""

from __future__ import annotations

from govnews.records import Options
from govnews.repair.change import Change

__all__ = ["find"]


def find(text: str, options: Options) -> list[Change]:
    """Misaligned runs to decode again in step."""
    return []
