"""Text to lines, and the matching keys the templates read."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govnews.lines import keys_for, split_lines

# The fold as first written: a translation table over every character.
_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}

texts = st.text(
    st.one_of(
        st.characters(min_codepoint=0xFF00, max_codepoint=0xFF60),
        st.sampled_from("\u3000\xa0\n 来源:江西日报，。"),
        st.characters(),
    ),
    max_size=200,
)


@given(texts)
def test_keys_fold_full_width_forms_as_a_table_would(text: str) -> None:
    """The substitution gives what the translation table gave."""
    assert keys_for(text, text) == text.translate(_TABLE).split("\n")


@given(texts)
def test_split_lines_breaks_where_str_splitlines_does(text: str) -> None:
    """Joined with \\n, the lines are the text with each break (\\r\\n one) made \\n."""
    breaks = re.sub("\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]", "\n", text)
    assert "\n".join(split_lines(text)) == breaks
