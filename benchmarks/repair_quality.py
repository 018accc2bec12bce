"""How well the encoding repairs undo damage made on purpose, and what they cost.

    python benchmarks/repair_quality.py            # the full sample, several minutes
    python benchmarks/repair_quality.py --quick    # a smaller one, under 30 s

The damage is generated from clean text: the sentences of the example
pages (``examples/*.txt``; lines with damage of their own left out, glosses
stripped), so the numbers are about the project's own kind of text.

- **glosses**: the sentences in Traditional characters (OpenCC ``s2t``) with
  the first reading (pypinyin's order) pasted after a third of the Han
  characters, as mirrors do; removed exactly when ``glosses.find`` gives the
  unglossed text back.
- **misaligned**: each sentence encoded to GB18030, one byte dropped at a
  random position inside its Chinese text, decoded with GB18030 (errors
  replaced, or ignored), full-width forms folded to ASCII. The share undone is
  ``1 - distance(repaired, clean) / distance(damaged, clean)`` summed over the
  sample (Levenshtein distance), for every damaged sentence and for those
  where the lost byte left a run of two or more misread characters (a single
  misread character with no sign around it is the part no detector can
  see).
- **mojibake**: UTF-8 read as GB18030 one to three times. Exact where every
  round kept its bytes (the stretch between ASCII characters had an even
  number of bytes); where a round lost a byte at a stretch's end (the byte
  paired with the ASCII after it), the share undone by edit distance.
- **false edits**: changes made by the three repairs to clean text: the
  sentences themselves, in Simplified and Traditional, and generated mixes of
  common characters, rare-but-real characters, ASCII words, numbers and URLs.
- **speed**: characters per second of ``misalign.find`` and ``mojibake.find``
  on the clean sentences joined into pages, after a warm-up pass.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.damage import (  # noqa: E402
    HAN,
    apply,
    clean_sentences,
    distance,
    drop_byte,
    fold,
    han_bytes,
)

from govnews.records import Options  # noqa: E402
from govnews.repair import Change, glosses, lexicon, misalign, mojibake  # noqa: E402

OPTIONS = Options()


def gloss(text: str, rng: random.Random) -> str:
    """Traditional text with the first reading pasted after some Han characters."""
    out: list[str] = []
    for char in text:
        out.append(char)
        values = lexicon.first_reading(char)
        if values and rng.random() < 1 / 3:
            out.append(f"({values})")
    return "".join(out)


def mojibake_rounds(text: str, rounds: int) -> tuple[str, bool]:
    """``text`` read as UTF-8-as-GB18030 ``rounds`` times, and whether no byte was lost."""
    lossless = True
    for _ in range(rounds):
        damaged = text.encode("utf-8").decode("gb18030", "replace")
        lossless = (
            lossless and damaged.encode("gb18030", "replace").decode("utf-8", "replace") == text
        )
        text = damaged
    return text, lossless


def clean_mixes(rng: random.Random, count: int) -> list[str]:
    """Generated clean text: common and rare-but-real characters, ASCII, numbers, URLs."""
    common = (
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
        "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
        "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
        "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
        "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
        "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
        "几九区强放决西被干做必战先回则任取据处理府研质"
    )
    rare = "犇淼鑫翀喆昇燊堃焜彧婕"
    words = ["GDP", "APP", "WiFi", "5G", "COVID-19", "PM2.5", "No.1"]
    urls = ["http://www.jxnews.com.cn/", "https://www.gov.cn/zhengce/2022-09/10/content_5709.htm"]
    out: list[str] = []
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(2, 6)):
            kind = rng.random()
            if kind < 0.6:
                parts.append("".join(rng.choice(common) for _ in range(rng.randint(2, 12))))
            elif kind < 0.7:
                parts.append(rng.choice(rare))
            elif kind < 0.8:
                parts.append(rng.choice(words))
            elif kind < 0.9:
                parts.append(str(rng.randint(0, 99999)))
            else:
                parts.append(rng.choice(urls))
            parts.append(rng.choice(["", "", ",", "。", " ", "、"]))
        out.append("".join(parts))
    return out


def measure(quick: bool, show: bool = False) -> list[tuple[str, str, str, str]]:
    """Every row of the report: what, result, target, holds."""
    rng = random.Random(20260125)
    sentences = clean_sentences()
    samples = 120 if quick else 2000
    rows: list[tuple[str, str, str, str]] = []

    # Glosses.
    t2s = _s2t()
    exact = total = 0
    for sentence in rng.choices(sentences, k=samples):
        traditional = t2s(sentence)
        glossed = gloss(traditional, rng)
        if glossed == traditional:
            continue
        total += 1
        exact += apply(glossed, glosses.find(glossed, OPTIONS)) == traditional
    rows.append(
        (
            "glosses removed exactly",
            f"{exact / total:.1%} of {total}",
            "100%",
            _holds(exact == total),
        )
    )

    # Misaligned runs.
    for errors in ("replace", "ignore"):
        before = after = run_before = run_after = exact = count = worse = 0
        for sentence in rng.choices(sentences, k=samples):
            positions = han_bytes(sentence)
            if not positions:
                continue
            damaged = drop_byte(sentence, rng.choice(positions), errors)
            expected = fold(sentence)
            repaired = apply(damaged, misalign.find(damaged, OPTIONS))
            d0, d1 = distance(damaged, expected), distance(repaired, expected)
            before += d0
            after += d1
            count += 1
            exact += repaired == expected
            worse += d1 > d0
            if d0 >= 2:
                run_before += d0
                run_after += d1
        share = 1 - after / max(before, 1)
        run_share = 1 - run_after / max(run_before, 1)
        rows.append(
            (
                f"misaligned ({errors}): damage undone, runs of 2+",
                f"{run_share:.1%}",
                ">= 90%",
                _holds(run_share >= 0.9),
            )
        )
        rows.append((f"misaligned ({errors}): damage undone, all", f"{share:.1%}", "", ""))
        rows.append(
            (
                f"misaligned ({errors}): exact / made worse",
                f"{exact / count:.1%} / {worse} of {count}",
                "",
                "",
            )
        )

    # Mojibake.
    exact = lossless_count = lossy_before = lossy_after = 0
    for _ in range(samples):
        sentence = rng.choice(sentences)
        # Han text in multiples of eight characters keeps its bytes through
        # three rounds (24 bytes, 12 characters, 36 bytes, 18 characters)
        # unless a round makes a two-byte UTF-8 character; whole sentences
        # mostly lose a byte at the end of a stretch.
        han = "".join(HAN.findall(sentence))
        for text in (han[: len(han) // 8 * 8], sentence):
            if not text:
                continue
            damaged, lossless = mojibake_rounds(text, rng.randint(1, 3))
            repaired = apply(damaged, mojibake.find(damaged, OPTIONS))
            if lossless:
                lossless_count += 1
                exact += repaired == text
            else:
                lossy_before += distance(damaged, text)
                lossy_after += distance(repaired, text)
    rows.append(
        (
            "mojibake undone exactly (bytes kept)",
            f"{exact / max(lossless_count, 1):.1%} of {lossless_count}",
            ">= 95%",
            _holds(exact >= 0.95 * lossless_count),
        )
    )
    rows.append(
        (
            "mojibake undone (a byte lost), by distance",
            f"{1 - lossy_after / max(lossy_before, 1):.1%}",
            "",
            "",
        )
    )

    # False edits on clean text.
    clean = sentences + [t2s(s) for s in sentences] + clean_mixes(rng, samples)
    edits = 0
    for text in clean:
        for find in (misalign.find, mojibake.find, glosses.find):
            changes = find(text, OPTIONS)
            edits += len(changes)
            for change in changes if show else ():
                print(
                    "false edit:", text[change.start : change.end], "->", change.after, "in", text
                )
    rows.append(
        ("false edits on clean text", f"{edits} in {len(clean)} texts", "0", _holds(edits == 0))
    )

    # Speed.
    pages = ["\n".join(sentences[i : i + 40]) for i in range(0, len(sentences), 40)]
    pages += ["\n".join(t2s(s) for s in sentences[i : i + 40]) for i in range(0, 400, 40)]
    for name, find in (("misalign.find", misalign.find), ("mojibake.find", mojibake.find)):
        rate = _rate(find, pages)
        rows.append((f"{name} speed", f"{rate:,.0f} chars/s", "", ""))
    return rows


def _s2t() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("s2t").convert
    return convert


def _rate(find: Callable[[str, Options], list[Change]], pages: list[str]) -> float:
    for page in pages:  # warm-up: lexicon tables and caches
        find(page, OPTIONS)
    size = sum(len(page) for page in pages)
    start = time.perf_counter()
    for page in pages:
        find(page, OPTIONS)
    return size / (time.perf_counter() - start)


def _holds(ok: bool) -> str:
    return "holds" if ok else "misses"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller sample, under 30 s")
    parser.add_argument("--show", action="store_true", help="print every false edit")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = measure(args.quick, args.show)
    width = max(len(row[0]) for row in rows)
    print(f"| {'measure':<{width}} | result | target | |")
    print(f"|{'-' * (width + 2)}|---|---|---|")
    for name, result, target, holds in rows:
        print(f"| {name:<{width}} | {result} | {target} | {holds} |")
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
