"""The ``govnews`` command line: parse, explain and repair pages.

Commands:
    govnews parse PATH...   pages, folders, globs, ``-`` and WARC files to JSON Lines,
                            JSON, CSV or Parquet
    govnews explain FILE    every line with its role, the fields found, each repair
    govnews repair [FILE]   repaired text on stdout; ``--edits`` lists the edits

Exit codes (see ``docs/cli.md``): 0 every page parsed; 1 some page failed;
2 usage error; 3 an optional extra is missing; 4 an output could not be
written; 130 interrupted; 141 the output pipe was closed early.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import functools
import glob
import io
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

# Only what every command needs is imported here: the parser's help names the
# repairs, and every command builds Options and runs the repairs. The
# templates and the HTML renderer load with the first page that is parsed
# (``govnews repair`` never loads them), WARC support with the first input
# that needs it, importlib.metadata only for ``--version``.
from govnews.batch import MissingExtraError, RawPage, Result, columns, map_pages, to_row
from govnews.errors import GovnewsError
from govnews.records import Article, Failure, Options, Role
from govnews.repair import REPAIRS, repair

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_MISSING_EXTRA",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PIPE",
    "EXIT_USAGE",
    "explain_lines",
    "main",
]

EXIT_OK = 0
"""Every page parsed (also for ``explain`` and ``repair`` that succeed)."""
EXIT_FAILED = 1
"""At least one page failed; each has an error record."""
EXIT_USAGE = 2
"""The command line was wrong: an unknown option, a bad value."""
EXIT_MISSING_EXTRA = 3
"""An optional extra is needed and missing (``govnews[warc]``, ``govnews[parquet]``)."""
EXIT_OUTPUT = 4
"""An output (``-o``, ``--errors``) could not be written, or ``explain``/``repair`` input read."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl-C."""
EXIT_PIPE = 141
"""The reader of the output went away (``govnews parse ... | head``)."""

FORMATS = ("jsonl", "json", "csv", "parquet")


class UsageError(Exception):
    """A mistake on the command line that argparse cannot see."""


# -- the inputs -------------------------------------------------------------


def _folder_files(folder: Path, pattern: str) -> Iterator[Path]:
    # Depth first in name order, one folder listed at a time, so a crawl of
    # millions of files starts at once and holds no list of them all.
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # an unreadable folder fails like a missing file
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _folder_files(Path(entry.path), pattern)
        elif fnmatch.fnmatch(entry.name, pattern):
            yield Path(entry.path)


def _expand(items: Sequence[str], pattern: str) -> Iterator[str | Path]:
    """Each input file, in command-line order; ``-`` stays as it is."""
    for item in items:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from _folder_files(path, pattern)
        elif not path.exists() and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield path  # a glob that matches nothing fails like a missing file
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    yield from _folder_files(match_path, pattern)
                else:
                    yield match_path
        else:
            yield path  # a missing file becomes a FileNotFoundError record


class _Pages:
    """The pages of every input, read lazily; WARC read errors kept aside."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.failures: list[Failure] = []

    def __iter__(self) -> Iterator[RawPage]:
        from govnews.warc import is_warc

        args = self.args
        for item in _expand(args.paths, args.pattern):
            if item == "-":
                data = sys.stdin.buffer.read()
                yield RawPage(data, url=args.url, encoding=args.encoding, name="-")
            elif isinstance(item, Path) and is_warc(item) and item.is_file():
                yield from self._warc(item)
            else:
                path = Path(item)
                yield RawPage(path, url=args.url, encoding=args.encoding, name=str(path))

    def _warc(self, path: Path) -> Iterator[RawPage]:
        from govnews.warc import read_warc

        try:
            for page in read_warc(path):
                if self.args.encoding:
                    page = RawPage(page.data, page.url, self.args.encoding, page.name)
                yield page
        except MissingExtraError:
            raise
        except Exception as error:  # a damaged archive: keep what was read
            self.failures.append(Failure(str(path), type(error).__name__, str(error)))


# -- what workers hand back -------------------------------------------------


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return "\n".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _convert(fmt: str, provenance: bool, page: RawPage, result: Result) -> tuple[bool, Any]:
    """Runs where the page was parsed: the result as the output wants it."""
    if isinstance(result, Failure):
        return False, result.to_dict()
    if fmt in ("jsonl", "json"):
        record = {"input": page.label, **result.to_dict(provenance=provenance)}
        return True, json.dumps(record, ensure_ascii=False)
    row = to_row(result, input=page.label, provenance=provenance)
    wanted = columns(provenance=provenance)
    if fmt == "csv":
        return True, {name: _flat(row[name]) for name in wanted}
    return True, {name: row[name] for name in wanted}


# -- the outputs ------------------------------------------------------------


class _Writer:
    def write(self, item: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (the stream itself is closed by its owner)."""


class _JsonLines(_Writer):
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, item: Any) -> None:
        self.stream.write(item + "\n")


class _JsonArray(_Writer):
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, item: Any) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + item)
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")


class _Csv(_Writer):
    def __init__(self, stream: IO[str], provenance: bool) -> None:
        import csv

        self.writer = csv.DictWriter(stream, fieldnames=columns(provenance=provenance))
        self.writer.writeheader()

    def write(self, item: Any) -> None:
        self.writer.writerow(item)


class _Parquet(_Writer):
    def __init__(self, path: str, provenance: bool, batch: int = 1000) -> None:
        from govnews.dask import arrow_schema, import_pyarrow

        pa, pq = import_pyarrow("writing Parquet")
        self.pa = pa
        self.schema = arrow_schema(provenance=provenance)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.batch = batch

    def write(self, item: Any) -> None:
        self.rows.append(item)
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _Progress:
    """One line on stderr, redrawn at most ten times a second."""

    def __init__(self, enabled: bool, stream: IO[str]) -> None:
        self.enabled = enabled
        self.stream = stream
        self.start = time.perf_counter()
        self.last = 0.0
        self.shown = False

    def update(self, done: int, failed: int, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        minutes, seconds = divmod(int(elapsed), 60)
        self.stream.write(
            f"\r\x1b[K{done:,} pages  {rate:,.1f} pages/s  {failed:,} failed  "
            f"{minutes}:{seconds:02d}"
        )
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


# -- govnews parse ----------------------------------------------------------


def _options(args: argparse.Namespace) -> Options:
    repairs = None
    if args.repairs is not None:
        names = {name.strip() for name in args.repairs.split(",") if name.strip()}
        known = {item.name for item in REPAIRS}
        unknown = sorted(names - known)
        if unknown:
            raise UsageError(
                f"unknown repair {', '.join(unknown)}; choose from {', '.join(sorted(known))}"
            )
        repairs = frozenset(names)
    return Options(
        simplified=not args.keep_script,
        fullwidth=args.fullwidth,
        repairs=repairs,
        max_bytes=args.max_bytes,
    )


def _open_text(path: str | None, stack: list[IO[Any]], default: IO[str]) -> IO[str]:
    if path is None or path == "-":
        return default
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by caller
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    stack.append(stream)
    return stream


class OutputError(Exception):
    """An output file could not be opened or written."""


def _parse_command(args: argparse.Namespace) -> int:
    options = _options(args)
    workers = args.workers or os.cpu_count() or 1
    if workers < 0:
        raise UsageError("--workers must be 0 (every core) or more")
    if args.format == "parquet" and (args.output is None or args.output == "-"):
        raise UsageError("--format parquet needs -o FILE")
    opened: list[IO[Any]] = []
    stdout, stderr = sys.stdout, sys.stderr
    writer: _Writer | None = None
    try:
        errors = _open_text(args.errors, opened, stderr)
        if args.format == "parquet":
            writer = _Parquet(args.output, args.provenance)
        else:
            out = _open_text(args.output, opened, stdout)
            if args.format == "csv":
                writer = _Csv(out, args.provenance)
            elif args.format == "json":
                writer = _JsonArray(out)
            else:
                writer = _JsonLines(out)
        show = not args.quiet and (
            args.progress or (args.progress is None and _is_terminal(stderr))
        )
        progress = _Progress(bool(show), stderr)
        pages = _Pages(args)
        convert = functools.partial(_convert, args.format, args.provenance)
        done = parsed = failed = unread = 0
        start = time.perf_counter()

        def report(failure: dict[str, str]) -> None:
            if errors is stderr:
                progress.clear()
            errors.write(json.dumps(failure, ensure_ascii=False) + "\n")
            if errors is stderr:
                errors.flush()

        for ok, item in map_pages(pages, convert, workers=workers, options=options):
            done += 1
            if ok:
                parsed += 1
                writer.write(item)
            else:
                failed += 1
                report(item)
            while pages.failures:
                failed += 1
                unread += 1
                report(pages.failures.pop(0).to_dict())
            progress.update(done, failed)
        while pages.failures:
            failed += 1
            unread += 1
            report(pages.failures.pop(0).to_dict())
        finishing: _Writer = writer
        writer = None
        finishing.close()
        progress.clear()
        seconds = time.perf_counter() - start
        total = done + unread  # an archive that broke off counts as one input
        if not args.quiet:
            print(
                f"govnews: {total:,} {'page' if total == 1 else 'pages'}, {parsed:,} parsed, "
                f"{failed:,} failed, {seconds:.2f} s",
                file=stderr,
            )
        return EXIT_FAILED if failed else EXIT_OK
    finally:
        if writer is not None:  # interrupted: leave a valid file of what was done
            with contextlib.suppress(Exception):
                writer.close()
        for stream in opened:
            stream.close()


# -- govnews explain --------------------------------------------------------

_ROLE_COLOURS = {
    Role.TITLE: "1;33",
    Role.KICKER: "33",
    Role.SUBTITLE: "33",
    Role.META: "36",
    Role.SIGNOFF: "36",
    Role.SUMMARY: "32",
    Role.CAPTION: "35",
    Role.BREADCRUMB: "34",
    Role.BODY: "0",
}
_DIM = "2"


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and code != "0" else text


def _colour(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return _is_terminal(stream)


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error


class InputError(Exception):
    """The one input of ``explain`` or ``repair`` could not be read."""


def _show(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return " | ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def explain_lines(article: Article, *, colour: bool = False) -> Iterator[str]:
    """The report ``govnews explain`` prints, line by line.

    Example:
        >>> import govnews
        >>> article = govnews.parse("标题\\n来源:江西日报\\n正文第一段。")
        >>> print("\\n".join(explain_lines(article)))  # doctest: +ELLIPSIS
        site: generic (...)
        ...
        lines
             0  title       标题
             1  meta        来源:江西日报
             2  body        正文第一段。
        fields
          title           标题
          source          江西日报
          paragraphs      正文第一段。
        ...
    """
    paint = _Paint(colour)
    yield f"site: {article.site} ({article.site_reason})"
    if article.url:
        yield f"url: {article.url}"
    if article.encoding:
        yield f"encoding: {article.encoding} (found by {article.encoding_found_by})"
    yield ""
    yield paint("lines", "1")
    for line in article.lines:
        code = _ROLE_COLOURS.get(line.role, _DIM)
        role = paint(f"{line.role.value:<10}", code)
        yield f"  {line.index:4d}  {role}  {paint(line.text, code)}"
        if line.raw != line.text:
            yield f"        {'':<10}  {paint('was: ' + line.raw, _DIM)}"
    yield paint("fields", "1")
    data = article.to_dict(provenance=False)
    skip = {"site", "url", "encoding", "encoding_found_by", "site_reason", "warnings"}
    for name, value in data.items():
        if name in skip or value in (None, [], ""):
            continue
        yield f"  {name:<15} {_show(value)}"
    yield paint(f"edits ({len(article.edits)})", "1")
    for edit in article.edits:
        before = paint(repr(edit.before), "31")
        after = paint(repr(edit.after), "32")
        reason = f"  ({edit.reason})" if edit.reason else ""
        yield f"  line {edit.line:<4d} {edit.kind:<14} {before} -> {after}{reason}"
    if article.warnings:
        yield paint("warnings", "1")
        for warning in article.warnings:
            yield f"  {paint(warning, '33')}"


def _explain_command(args: argparse.Namespace) -> int:
    from govnews.parse import parse

    options = _options(args)
    data = _read_input(args.file)
    name = "-" if args.file == "-" else args.file
    try:
        article = parse(data, url=args.url, encoding=args.encoding, options=options)
    except GovnewsError as error:
        failure = Failure(name, type(error).__name__, str(error))
        print(json.dumps(failure.to_dict(), ensure_ascii=False), file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        record = {"input": name, **article.to_dict(provenance=True)}
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    colour = _colour(args.color, sys.stdout)
    sys.stdout.write(f"input: {name}\n")
    for line in explain_lines(article, colour=colour):
        sys.stdout.write(line + "\n")
    return EXIT_OK


# -- govnews repair ---------------------------------------------------------


def _repair_command(args: argparse.Namespace) -> int:
    from govnews.decode import decode

    options = _options(args)
    data = _read_input(args.file)
    try:
        text = decode(data, args.encoding).text
        result = repair(text, options)
    except GovnewsError as error:
        failure = Failure(args.file, type(error).__name__, str(error))
        print(json.dumps(failure.to_dict(), ensure_ascii=False), file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        record = {"text": result.text, "edits": [edit.to_dict() for edit in result.edits]}
        print(json.dumps(record, ensure_ascii=False))
        return EXIT_OK
    sys.stdout.write(result.text)
    if result.text and not result.text.endswith("\n"):
        sys.stdout.write("\n")
    if args.edits:
        sys.stdout.flush()
        paint = _Paint(_colour(args.color, sys.stderr))
        for edit in result.edits:
            reason = f"  ({edit.reason})" if edit.reason else ""
            print(
                f"line {edit.line:<4d} {edit.kind:<14} {paint(repr(edit.before), '31')} -> "
                f"{paint(repr(edit.after), '32')}{reason}",
                file=sys.stderr,
            )
        print(f"{len(result.edits)} edits, {result.lost} characters lost", file=sys.stderr)
    return EXIT_OK


# -- the parser -------------------------------------------------------------

_EPILOG = """exit codes:
  0    every page parsed
  1    some page failed (each has an error record)
  2    usage error
  3    an optional extra is missing (govnews[warc], govnews[parquet])
  4    an output could not be written, or the input of explain/repair read
  130  interrupted (Ctrl-C)
  141  the output pipe was closed early
"""


def _add_options(parser: argparse.ArgumentParser, *, page: bool = True) -> None:
    group = parser.add_argument_group("parse options")
    group.add_argument(
        "--keep-script",
        action="store_true",
        help="keep the script as found (no Traditional-to-Simplified conversion)",
    )
    group.add_argument(
        "--fullwidth",
        action="store_true",
        help="put full-width punctuation back between CJK characters (guesses)",
    )
    group.add_argument(
        "--repairs",
        metavar="NAMES",
        help="comma-separated repairs to run (default: all): "
        + ", ".join(item.name for item in REPAIRS),
    )
    group.add_argument(
        "--encoding", metavar="CHARSET", help="the charset the bytes are in, when known"
    )
    if page:
        group.add_argument("--url", help="the page's address; it helps choose the site template")
        group.add_argument(
            "--max-bytes",
            type=int,
            default=Options().max_bytes,
            metavar="N",
            help="pages larger than this fail with InputTooLargeError (default: %(default)s)",
        )
    else:
        parser.set_defaults(max_bytes=Options().max_bytes)


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for.

    argparse's own version action takes the string when the parser is built,
    and reading it loads importlib.metadata: about 50 ms on every run.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        import govnews

        sys.stdout.write(f"govnews {govnews.__version__}\n")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govnews",
        description="Parse crawled Chinese government news pages into typed, repaired articles.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="show program's version number and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse",
        help="parse pages, folders and WARC files into JSON Lines, JSON, CSV or Parquet",
        description="Parse pages into one record per page, in input order. A page that "
        "cannot be parsed becomes an error record and the batch goes on.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_cmd.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (read recursively), globs, '-' for stdin, .warc/.warc.gz archives",
    )
    out = parse_cmd.add_argument_group("output")
    out.add_argument(
        "-f", "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    out.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    out.add_argument(
        "--provenance",
        action="store_true",
        help="include every line with its role and every edit (lines, edits)",
    )
    out.add_argument(
        "--errors",
        metavar="FILE",
        help="write error records (JSON Lines) here instead of stderr",
    )
    out.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    out.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="force the progress bar on or off (default: on when stderr is a terminal)",
    )
    run = parse_cmd.add_argument_group("run")
    run.add_argument(
        "-j",
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="parse in N processes; 0 for one per core (default: 1); output order is kept",
    )
    run.add_argument(
        "--pattern",
        default="*",
        help="only files in folders whose name matches this glob (default: every file)",
    )
    _add_options(parse_cmd)
    parse_cmd.set_defaults(run=_parse_command)

    explain_cmd = commands.add_parser(
        "explain",
        help="show each line's role, the fields found and every repair",
        description="Show how a page was read: each line with its role, the fields "
        "found, and each repair with the text before and after.",
    )
    explain_cmd.add_argument("file", metavar="FILE", help="the page ('-' for stdin)")
    explain_cmd.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the report (default: auto, on a terminal only; NO_COLOR turns it off)",
    )
    explain_cmd.add_argument(
        "--json", action="store_true", help="print the whole Article, provenance included, as JSON"
    )
    _add_options(explain_cmd)
    explain_cmd.set_defaults(run=_explain_command)

    repair_cmd = commands.add_parser(
        "repair",
        help="repair text from a file or stdin",
        description="Repair crawled Chinese text: the repaired text goes to stdout.",
    )
    repair_cmd.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="the text (default: stdin)"
    )
    repair_cmd.add_argument(
        "--edits", action="store_true", help="list each edit on stderr after the text"
    )
    repair_cmd.add_argument(
        "--json", action="store_true", help="print {text, edits} as one JSON object instead"
    )
    repair_cmd.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the edits (default: auto)",
    )
    _add_options(repair_cmd, page=False)
    repair_cmd.set_defaults(run=_repair_command)
    return parser


def _stdio_utf8() -> None:
    # Records are UTF-8 whatever the locale says, so a pipe never raises on Chinese text.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() != "utf-8":
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Example:
        >>> main(["repair", "--help"])  # doctest: +ELLIPSIS
        usage: govnews repair ...
        0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    _stdio_utf8()
    try:
        code: int = args.run(args)
        return code
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"govnews: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except MissingExtraError as error:
        print(f"govnews: error: {error}", file=sys.stderr)
        return EXIT_MISSING_EXTRA
    except (OutputError, InputError) as error:
        print(f"govnews: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        print("govnews: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Whoever read the output has gone; say nothing more to the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE
    except OSError as error:  # a full disk, a vanished output folder
        print(f"govnews: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
