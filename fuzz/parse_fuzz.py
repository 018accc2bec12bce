"""Fuzz govnews.parse and govnews.repair with atheris (libFuzzer for Python).

Run for a fixed time, on demand or in a separate CI job::

    python fuzz/parse_fuzz.py -max_total_time=60

Any libFuzzer flag works (``-runs=``, ``-jobs=``, ``-dict=``). With no corpus
directory on the command line, a fresh temporary corpus is seeded from
``examples/`` and a few hostile pages. A crash is any exception that is not a
``govnews.GovnewsError``, or an input slower than ``-timeout`` seconds (20 by
default here); libFuzzer writes it to ``crash-*`` or ``timeout-*``. Replay one
with ``python fuzz/parse_fuzz.py crash-<hash>`` and add it to the regressions
in ``tests/test_hostile.py``.

Each input is read in one of four ways, chosen by its first byte, so one
corpus covers every entry point:

0. ``parse(bytes)``;
1. ``parse(bytes, encoding=label)`` with a label from the rest of the input
   (real, lying, absent or impossible charsets);
2. ``parse(str)``, the bytes read as UTF-16 with surrogates kept, so lone
   surrogates and every code point reach the text path;
3. ``repair(str)`` the same way, with options taken from the input.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports():
    import govnews

LABELS = (
    "utf-8",
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "utf-16",
    "utf-32",
    "latin-1",
    "no-such-charset",
    "undefined",
    "unicode_escape",
    "utf-7",
    "hz",
    "iso-2022-jp",
    "",
)
SEEDS = (
    b"",
    "來源:江西日報\n國內(nèi)新聞\n吉林日?(bào)\n???各设区市,,".encode(),
    b"<html><head><meta charset='gbk'><title>x</title></head><body><table><tr><td>a</td></tr>",
    "<p>正文&nbsp;&amp;&#20013;</p>".encode("utf-16"),
    b"\x00(((((\xe5\x9c\x8b(" * 8,
)


def _text(data: bytes) -> str:
    return data[: len(data) // 2 * 2].decode("utf-16-le", "surrogatepass")


def one_input(data: bytes) -> None:
    """Feed one input to govnews; only GovnewsError may escape it."""
    if not data:
        return
    mode, rest = data[0] % 4, data[1:]
    try:
        if mode == 0:
            govnews.parse(rest)
        elif mode == 1:
            label = LABELS[rest[0] % len(LABELS)] if rest else None
            govnews.parse(rest[1:], encoding=label)
        elif mode == 2:
            govnews.parse(_text(rest))
        else:
            flags = rest[0] if rest else 0
            options = govnews.Options(simplified=bool(flags & 1), fullwidth=bool(flags & 2))
            text = _text(rest[1:])
            result = govnews.repair(text, options)
            if govnews.replay(text, result.edits) != result.text:
                raise AssertionError("the edits do not replay to the repaired text")
    except govnews.GovnewsError:
        pass


def _seed_corpus() -> str:
    corpus = Path(tempfile.mkdtemp(prefix="govnews-fuzz-"))
    examples = Path(__file__).resolve().parent.parent / "examples"
    for i, path in enumerate(sorted(examples.glob("*.txt"))):
        (corpus / f"example-{i}").write_bytes(b"\x00" + path.read_bytes()[:4096])
    for i, seed in enumerate(SEEDS):
        for mode in range(4):
            (corpus / f"seed-{i}-{mode}").write_bytes(bytes([mode]) + seed)
    return str(corpus)


def main(argv: list[str]) -> None:
    args = list(argv)
    if not any(arg.startswith("-timeout=") for arg in args[1:]):
        args.append("-timeout=20")
    if not any(not arg.startswith("-") for arg in args[1:]):
        args.append(_seed_corpus())
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
