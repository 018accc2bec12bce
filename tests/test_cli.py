"""The installed ``govnews`` command, run as a subprocess."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govnews import parse
from govnews.cli import main

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
GOVNEWS = Path(sys.executable).parent / "govnews"
SUMMARY = re.compile(r"^govnews: (\d+) pages?, (\d+) parsed, (\d+) failed, [\d.]+ s$", re.MULTILINE)


def run(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(GOVNEWS), *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


def summary(stderr: str) -> tuple[int, int, int]:
    found = SUMMARY.findall(stderr)
    assert len(found) == 1, stderr
    pages, parsed, failed = found[0]
    return int(pages), int(parsed), int(failed)


def error_records(text: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A folder of two good pages, an empty file, bytes no codec reads, a hidden file."""
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(EXAMPLES[0].read_bytes())
    (folder / "b-empty.html").write_bytes(b"")
    (folder / "c-binary.bin").write_bytes(b"\x00\x01\x02\x03\xff\xfe\xfd")
    (folder / "sub" / "d.txt").write_bytes(EXAMPLES[1].read_bytes())
    (folder / ".hidden").write_bytes(b"not a page")
    return folder


def test_executable_is_installed() -> None:
    assert GOVNEWS.exists()


def test_parse_examples_to_json_lines() -> None:
    done = run("parse", *EXAMPLES)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["input"] for record in records] == [str(path) for path in EXAMPLES]
    for record, path in zip(records, EXAMPLES, strict=True):
        expected = parse(path.read_bytes()).to_dict(provenance=False)
        assert record == {"input": str(path), **expected}
        assert "lines" not in record
    assert summary(done.stderr) == (5, 5, 0)
    assert error_records(done.stderr) == []


def test_folder_with_broken_files(broken: Path) -> None:
    done = run("parse", broken)
    assert done.returncode == 1
    inputs = [json.loads(line)["input"] for line in done.stdout.splitlines()]
    assert inputs == [str(broken / "a.txt"), str(broken / "sub" / "d.txt")]
    errors = error_records(done.stderr)
    assert [e["input"] for e in errors] == [
        str(broken / "b-empty.html"),
        str(broken / "c-binary.bin"),
    ]
    assert errors[0]["error"] == "NotAnArticleError"
    assert errors[1]["error"] in ("DecodeError", "NotAnArticleError")  # control bytes only
    assert all(e["message"] for e in errors)
    assert summary(done.stderr) == (4, 2, 2)


def test_errors_to_a_file(broken: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    done = run("parse", broken, "--errors", errors)
    assert done.returncode == 1
    assert error_records(done.stderr) == []
    recorded = error_records(errors.read_text("utf-8"))
    assert [Path(e["input"]).name for e in recorded] == ["b-empty.html", "c-binary.bin"]
    assert summary(done.stderr) == (4, 2, 2)


def test_missing_input_and_globs(tmp_path: Path) -> None:
    pattern = str(EXAMPLES[0].parent / "00[12]_*.txt")
    done = run("parse", tmp_path / "nope.html", pattern, tmp_path / "*.none")
    assert done.returncode == 1
    assert [json.loads(line)["input"] for line in done.stdout.splitlines()] == [
        str(EXAMPLES[1]),
        str(EXAMPLES[2]),
    ]
    errors = error_records(done.stderr)
    assert [(e["input"], e["error"]) for e in errors] == [
        (str(tmp_path / "nope.html"), "FileNotFoundError"),
        (str(tmp_path / "*.none"), "FileNotFoundError"),
    ]
    assert summary(done.stderr) == (4, 2, 2)


def test_workers_keep_the_order(broken: Path) -> None:
    items = [*EXAMPLES, broken, *EXAMPLES]
    one = run("parse", *items)
    two = run("parse", "--workers", "2", *items)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert error_records(one.stderr) == error_records(two.stderr)
    assert summary(two.stderr) == (14, 12, 2)


def test_stdin_with_url_and_options() -> None:
    data = EXAMPLES[1].read_bytes()
    done = run("parse", "-", "--url", "http://example.cn/a.html", stdin=data)
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert (record["input"], record["url"]) == ("-", "http://example.cn/a.html")
    kept = run("parse", "-", "--keep-script", "--provenance", stdin=data)
    (raw,) = [json.loads(line) for line in kept.stdout.splitlines()]
    assert raw["title"] != record["title"]  # example 1 is in Traditional characters
    assert raw["lines"][0].keys() == {"index", "role", "text", "raw"}
    assert "edits" in raw


def test_json_csv_and_parquet(tmp_path: Path) -> None:
    as_json = run("parse", "--format", "json", *EXAMPLES)
    records = json.loads(as_json.stdout)
    assert len(records) == 5
    out = tmp_path / "articles.csv"
    as_csv = run("parse", "-f", "csv", "-o", out, *EXAMPLES)
    assert as_csv.returncode == 0
    assert as_csv.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert [row["input"] for row in rows] == [str(path) for path in EXAMPLES]
    for row, record in zip(rows, records, strict=True):
        assert row["authors"] == "\n".join(record["authors"])
        assert row["paragraphs"] == "\n".join(record["paragraphs"])
        assert row["published_at"] == (record["published_at"] or "")
    empty = run("parse", "-f", "json", tmp_path / "none.txt")
    assert json.loads(empty.stdout) == []
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = tmp_path / "articles.parquet"
    as_parquet = run("parse", "-f", "parquet", "-o", table, *EXAMPLES)
    assert as_parquet.returncode == 0, as_parquet.stderr
    loaded = pq.read_table(table).to_pylist()
    assert [row["input"] for row in loaded] == [str(path) for path in EXAMPLES]
    assert [row["authors"] for row in loaded] == [record["authors"] for record in records]


def test_quiet_and_progress(broken: Path) -> None:
    quiet = run("parse", "--quiet", broken)
    assert quiet.returncode == 1
    assert SUMMARY.search(quiet.stderr) is None
    assert len(error_records(quiet.stderr)) == 2
    assert "pages/s" not in quiet.stderr
    piped = run("parse", *EXAMPLES)
    assert "pages/s" not in piped.stderr
    forced = run("parse", "--progress", *EXAMPLES)
    assert "pages/s" in forced.stderr
    assert summary(forced.stderr.split("\r")[-1].replace("\x1b[K", "")) == (5, 5, 0)


@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["parse", "--format", "xml", "a"],
        ["parse", "--repairs", "nonsense", str(EXAMPLES[0])],
        ["parse", "--format", "parquet", str(EXAMPLES[0])],
        ["nonsense"],
        [],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "usage:" in done.stderr


def test_unwritable_output_exits_4(tmp_path: Path) -> None:
    done = run("parse", "-o", tmp_path / "no" / "such" / "folder.jsonl", EXAMPLES[0])
    assert done.returncode == 4
    assert "cannot write" in done.stderr


@pytest.mark.parametrize("command", [[], ["parse"], ["explain"], ["repair"]])
def test_help_for_every_command(command: list[str]) -> None:
    done = run(*command, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: govnews")


def test_explain_shows_roles_fields_and_edits() -> None:
    done = run("explain", EXAMPLES[1])
    assert done.returncode == 0, done.stderr
    article = parse(EXAMPLES[1].read_bytes())
    assert "\x1b[" not in done.stdout  # no colour in a pipe
    for line in article.lines[:5]:
        assert re.search(rf"^\s+{line.index}\s+{line.role.value}\b", done.stdout, re.MULTILINE)
    assert f"  title           {article.title}" in done.stdout
    assert f"edits ({len(article.edits)})" in done.stdout
    edit = article.edits[0]
    assert f"{edit.before!r} -> {edit.after!r}" in done.stdout
    coloured = run("explain", "--color", "always", EXAMPLES[1])
    assert "\x1b[" in coloured.stdout
    as_json = run("explain", "--json", EXAMPLES[1])
    assert json.loads(as_json.stdout)["title"] == article.title


def test_explain_failures() -> None:
    assert run("explain", "/no/such/file").returncode == 4
    empty = run("explain", "-", stdin=b"")
    assert empty.returncode == 1
    assert error_records(empty.stderr)[0]["error"] == "NotAnArticleError"


def test_repair_from_stdin_and_file(tmp_path: Path) -> None:
    text = "國內(nèi)新聞\n第二行"
    done = run("repair", "--edits", stdin=text.encode("utf-8"))
    assert done.returncode == 0
    assert done.stdout == "国内新闻\n第二行\n"
    assert "gloss" in done.stderr
    # One to-simplified edit per line (since the stage refactoring), not per word.
    assert "'國內新聞' -> '国内新闻'" in done.stderr
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    from_file = run("repair", path, "--json", "--encoding", "gbk")
    record = json.loads(from_file.stdout)
    assert record["text"] == "国内新闻\n第二行"
    assert record["edits"][0]["kind"] == "gloss"
    kept = run("repair", "--keep-script", stdin=text.encode("utf-8"))
    assert kept.stdout == "國內新聞\n第二行\n"


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govnews", "parse", EXAMPLES[0]],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["input"] == str(EXAMPLES[0])


def test_main_returns_codes_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--quiet", str(EXAMPLES[0])]) == 0
    assert json.loads(capsys.readouterr().out)["site"]
    assert main(["parse", "--workers", "-1", str(EXAMPLES[0])]) == 2
    assert main(["--version"]) == 0


def test_commands_load_only_what_they_need(tmp_path: Path) -> None:
    """``repair`` loads no template nor HTML renderer; no command reads the package metadata."""
    path = tmp_path / "page.txt"
    path.write_text("國內新聞\n正文。", encoding="utf-8")
    code = (
        "import sys, contextlib, io\n"
        "from govnews.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(sys.argv[1:])\n"
        "loaded = [m for m in ('govnews.templates', 'govnews.html', 'importlib.metadata')"
        " if m in sys.modules]\n"
        "print(' '.join(loaded) or '-')\n"
    )

    def loaded(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300
        )
        assert 0 == done.returncode, done.stderr
        return done.stdout.strip()

    assert "-" == loaded("repair", str(path))
    assert "govnews.templates govnews.html" == loaded("parse", "-q", str(path))
