"""Markup evidence: what an HTML page's tags say, weighed against its text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["apply"]


def apply(fields: dict[str, Any], hints: Mapping[str, str]) -> list[str]:
    """Fill fields the text lacks from the markup; return the disagreements found."""
    return []
