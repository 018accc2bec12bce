"""The ``govnews`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from govnews.errors import GovnewsError
from govnews.parse import parse
from govnews.records import Options

__all__ = ["main"]


def _paths(items: Sequence[str]) -> Iterator[Path]:
    for item in items:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def _parse_command(args: argparse.Namespace) -> int:
    options = Options(simplified=not args.keep_script)
    failed = 0
    for path in _paths(args.paths):
        try:
            article = parse(path.read_bytes(), options=options)
        except (GovnewsError, OSError) as error:
            failed += 1
            print(json.dumps({"input": str(path), "error": type(error).__name__,
                              "message": str(error)}, ensure_ascii=False), file=sys.stderr)
            continue
        record = {"input": str(path), **article.to_dict(provenance=False)}
        print(json.dumps(record, ensure_ascii=False))
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="govnews", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse_cmd = commands.add_parser("parse", help="parse pages into JSON Lines")
    parse_cmd.add_argument("paths", nargs="+", help="files or folders")
    parse_cmd.add_argument("--keep-script", action="store_true",
                           help="keep the script as found (no Simplified conversion)")
    args = parser.parse_args(argv)
    return _parse_command(args)
