"""Read a Google-style ``Example:`` section as an examples section.

The docstrings of govnews head their doctests ``Example:`` (singular), which
Napoleon and the Google style guide accept; griffe knows only ``Examples:``
and would render the doctest as prose. This griffe extension renames the
heading before the docstring is parsed, so the API reference shows each
example as a code block; Sphinx cross-reference roles become inline code.
It runs at docs build time only.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_HEADING = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)
# Sphinx roles (:func:`x`) mean nothing to Markdown; show the name as code.
_ROLE = re.compile(r":(?:func|class|data|meth|mod|attr|exc|obj):`~?([^`]+)`")


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` headings to ``Examples:`` and show Sphinx roles as code."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Fix the heading of each object's docstring as it is loaded."""
        if obj.docstring is not None:
            text = _HEADING.sub(r"\1Examples:", obj.docstring.value)
            obj.docstring.value = _ROLE.sub(r"`\1`", text)
