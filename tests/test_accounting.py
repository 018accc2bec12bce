"""Nothing is lost silently, and the same page always gives the same Article.

For every page the Article accounts for the whole input:

- every input line is in ``Article.lines``, in order, with its raw text and a
  role (a body role, or a role that says why it is not body);
- every difference between a line's raw text and its repaired text is an
  :class:`govnews.Edit`: replaying the edits on the raw lines gives the
  repaired lines, and each edit's line number is the line it changes;
- the paragraphs are exactly the text of the body lines.

So body text, the lines given other roles, and the edits together give back
the input. The checks run on text dumps, where the input lines are known
exactly, and on HTML, where they are the rendered lines.

Determinism: the same input gives the same Article in this process, in a
fresh interpreter with another hash seed, and through the batch API with
several workers.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govnews
from govnews import Article, Options, Role
from govnews.html import looks_like_html
from govnews.lines import split_lines
from tests.test_hostile import (
    HOSTILE,
    example_lines,
    page_html,
    page_text,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Roles that carry article text into fields; every other role says why a line
# is not part of the body (navigation, footer, garbage, blank ...).
_BLANKS = re.compile(r"[\s\ufffd]")


def squeeze(text: str) -> str:
    """Text without whitespace or loss marks, for comparing body text to lines."""
    return _BLANKS.sub("", text)


def account(article: Article, input_lines: list[str] | None = None) -> None:
    """Check that an Article accounts for every input line and every change."""
    lines = article.lines
    assert [line.index for line in lines] == list(range(len(lines)))
    if input_lines is not None:
        assert [line.raw for line in lines] == input_lines, "an input line is missing or moved"
    for line in lines:
        assert isinstance(line.role, Role), "every line has a role"
    # Every change to the text is an edit: replaying the edits on the raw text
    # gives the repaired text, and no edit crosses a line.
    raw = "\n".join(line.raw for line in lines)
    text = "\n".join(line.text for line in lines)
    assert govnews.replay(raw, article.edits) == text, "a change was made without an edit"
    changed = {line.index for line in lines if line.raw != line.text}
    edited = {edit.line for edit in article.edits if edit.before != edit.after}
    assert changed <= edited, f"lines {sorted(changed - edited)} changed with no edit on them"
    for edit in article.edits:
        assert 0 <= edit.line < max(len(lines), 1)
        assert edit.before.count("\n") == edit.after.count("\n") == 0
        assert edit.lost == edit.after.count("\ufffd") or edit.lost <= len(edit.before)
    # The body is the body lines: nothing added, nothing dropped.
    body = [line.text for line in lines if line.role is Role.BODY]
    assert squeeze("".join(article.paragraphs)) == squeeze("".join(body))
    # Blank lines are the only lines that may hold nothing.
    for line in lines:
        if not line.text.strip():
            assert line.role in (Role.BLANK, Role.GARBAGE), (line.index, line.role)


def _text_input(text: str) -> list[str] | None:
    """The input lines of a text dump; ``None`` for HTML, whose lines are rendered."""
    return None if looks_like_html(text) else split_lines(text)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_examples_account_for_every_line(path: Path) -> None:
    data = path.read_bytes()
    article = govnews.parse(data)
    text = data.decode(article.encoding or "utf-8")
    account(article, _text_input(text.removeprefix("\ufeff")))


@HOSTILE
@given(page_text())
def test_text_pages_account_for_every_line(text: str) -> None:
    try:
        article = govnews.parse(text)
    except govnews.GovnewsError:
        return
    account(article, _text_input(text))


@HOSTILE
@given(page_html())
def test_html_pages_account_for_every_rendered_line(page: str) -> None:
    try:
        article = govnews.parse(page)
    except govnews.GovnewsError:
        return
    account(article)


@HOSTILE
@given(page_text(), st.booleans())
def test_repair_edits_replay(text: str, simplified: bool) -> None:
    result = govnews.repair(text, Options(simplified=simplified))
    assert govnews.replay(text, result.edits) == result.text
    assert result.text.count("\n") == text.count("\n")
    assert result.lost == sum(edit.lost for edit in result.edits)


def test_damaged_page_accounts_for_its_repairs() -> None:
    page = "國內(nèi)新聞\n来源:江西日报\n省委???召开会议,,部署工作。\n&nbsp;正文第二段。"
    article = govnews.parse(page)
    account(article, _text_input(page))
    kinds = {edit.kind for edit in article.edits}
    assert {"gloss", "lost", "to-simplified"} <= kinds
    assert article.lines[2].text.count("\ufffd") == 3
    lost = sum(edit.lost for edit in article.edits)
    assert lost >= 3


# --------------------------------------------------------------------------
# Determinism
# --------------------------------------------------------------------------


def _snapshot(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=True, sort_keys=True)


def _inputs() -> list[bytes]:
    # Two example pages (the quick ones) and three synthetic pages, one per path.
    pages = [path.read_bytes() for path in sorted(EXAMPLES.glob("00[23]_*.txt"))]
    lines = example_lines()
    pages.append("\n".join(lines[::7]).encode("gb18030"))
    pages.append(("<html><body>" + "".join(f"<p>{x}</p>" for x in lines[1::11])).encode())
    pages.append("國內(nèi)新聞\n吉林日?(bào)\n???各设区市,,".encode("utf-16"))
    return pages


_CHILD = """
import json, sys
import govnews
pages = json.loads(sys.stdin.read())
out = [json.dumps(govnews.parse(bytes.fromhex(p)).to_dict(), ensure_ascii=True, sort_keys=True)
       for p in pages]
sys.stdout.write(json.dumps(out))
"""


def test_same_article_in_every_run() -> None:
    pages = _inputs()
    first = [_snapshot(govnews.parse(page)) for page in pages]
    again = [_snapshot(govnews.parse(page)) for page in reversed(pages)]
    assert first == list(reversed(again))


def test_same_article_in_another_process() -> None:
    pages = _inputs()
    here = [_snapshot(govnews.parse(page)) for page in pages]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # another hash seed: set order differs
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps([page.hex() for page in pages]),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    assert json.loads(done.stdout) == here


def test_same_article_with_any_number_of_workers() -> None:
    batch = pytest.importorskip("govnews.batch")
    pages = _inputs()
    here = [_snapshot(govnews.parse(page)) for page in pages]
    results = list(batch.parse_many(pages, workers=2))
    assert [_snapshot(result) for result in results] == here
