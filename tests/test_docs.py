"""The examples in the docs run as tests, so they cannot rot.

Every page under ``docs/`` is read for fenced code blocks:

- a ``pycon`` block (``>>>`` prompts and the output they print) runs as a
  doctest, and its output must match (``...`` elides, whitespace is loose);
- a ``python`` block runs as a script and must not raise.

The blocks of one page run in page order and share one namespace, so a page
can build on its earlier examples, like a reader at a prompt. They run in a
fresh directory holding a copy of ``examples/``, so paths such as
``examples/000_abf0139516787c57.txt`` work as they do in a checkout and files
the examples write land nowhere else. A block right after the line
``<!-- skip-test -->`` is shown but not run (for code that needs a network, a
cluster or a file the reader supplies). Nothing here reads ``../shared`` or
the network.
"""

from __future__ import annotations

import doctest
import re
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

import govnews
from tests.conftest import EXAMPLES, ROOT

DOCS = ROOT / "docs"
SKIP = "<!-- skip-test -->"
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
RUN = {"python", "pycon"}
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@attrs.frozen
class Block:
    """One fenced code block of a docs page that runs as a test."""

    page: str
    line: int
    language: str
    code: str


def _language(info: str) -> str:
    words = info.strip().lstrip("{").replace(".", " ").split()
    return words[0].lower() if words else ""


def _dedent(body: str, indent: str) -> str:
    return "".join(
        line[len(indent) :] if line.startswith(indent) else line.lstrip(" \t")
        for line in body.splitlines(keepends=True)
    )


def blocks(path: Path, root: Path = DOCS) -> list[Block]:
    """The runnable code blocks of one page, in page order."""
    text = path.read_text("utf-8")
    found = []
    for match in FENCE.finditer(text):
        language = _language(match.group("info"))
        if language not in RUN:
            continue
        before = text[: match.start()].rstrip().rsplit("\n", 1)[-1].strip()
        if before == SKIP:
            continue
        line = text.count("\n", 0, match.start()) + 2  # first line of code, from 1
        code = _dedent(match.group("body"), match.group("indent"))
        found.append(Block(str(path.relative_to(root)), line, language, code))
    return found


def pages() -> list[Path]:
    """Docs pages with at least one runnable block."""
    return [path for path in sorted(DOCS.rglob("*.md")) if blocks(path)]


def _run_python(block: Block, namespace: dict[str, Any]) -> None:
    # Pad with blank lines so a traceback names the line of the docs page.
    source = "\n" * (block.line - 1) + block.code
    exec(compile(source, f"docs/{block.page}", "exec"), namespace)


def _run_pycon(block: Block, namespace: dict[str, Any]) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(
        block.code, namespace, block.page, f"docs/{block.page}", block.line - 1
    )
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)
    assert 0 == result.failed, "".join(report)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory with the bundled example pages in it."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", pages(), ids=lambda path: str(path.relative_to(DOCS)))
def test_page_examples_run(page: Path, workdir: Path) -> None:
    """Every runnable block of the page runs, and pycon output matches."""
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for block in blocks(page):
        if block.language == "pycon":
            _run_pycon(block, namespace)
        else:
            _run_python(block, namespace)


def test_docs_have_examples() -> None:
    """The pages that teach by example keep their examples."""
    names = {str(path.relative_to(DOCS)) for path in pages()}
    assert {"index.md", "tutorial.md", "concepts.md", "damage.md"} <= names


def test_fence_reader_finds_blocks(tmp_path: Path) -> None:
    """The block reader honours languages, indentation and the skip marker."""
    page = tmp_path / "page.md"
    page.write_text(
        "```python\nx = 1\n```\n\n"
        '=== "Tab"\n\n    ```pycon\n    >>> x\n    1\n    ```\n\n'
        f"{SKIP}\n```python\nraise SystemExit\n```\n\n"
        "```bash\nexit 1\n```\n",
        "utf-8",
    )
    found = blocks(page, root=tmp_path)
    assert [("python", 2, "x = 1\n"), ("pycon", 8, ">>> x\n1\n")] == [
        (block.language, block.line, block.code) for block in found
    ]


def test_every_template_has_a_page() -> None:
    """Each template in TEMPLATES has its page under docs/sites/, named by its id."""
    missing = [t.name for t in govnews.TEMPLATES if not (DOCS / "sites" / f"{t.name}.md").exists()]
    assert [] == missing


def test_every_repair_is_in_the_catalogue() -> None:
    """The damage catalogue has a section for every repair in REPAIRS."""
    text = (DOCS / "damage.md").read_text("utf-8")
    missing = [r.name for r in govnews.REPAIRS if f"`{r.name}`" not in text]
    assert [] == missing


def test_changelog_page_includes_the_changelog() -> None:
    """The docs show CHANGELOG.md itself, not a copy that can drift."""
    assert '--8<-- "CHANGELOG.md"' in (DOCS / "changelog.md").read_text("utf-8")
