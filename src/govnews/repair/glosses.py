"""Pinyin glosses pasted after characters by content-farm mirrors.

Mirrors re-serve pages in Traditional characters with a reading after some
of them: ``國內(nèi)``. A parenthesised syllable is a gloss only when it is a
reading of the character right before it, so ``大江网(dajwjx)``,
``(记者魏星)``, ``(市、区)`` and ``肖(人毛)根`` stay as they are.

When the glossed character itself was lost (``吉林日?qǐng)?bào)``), the last
reading of the run names it: the character is put back when one candidate
with that reading forms a common word with its neighbours, and marked lost
(U+FFFD) otherwise.
"""

from __future__ import annotations

import functools
import re

from govnews.records import Options
from govnews.repair import lexicon
from govnews.repair.change import Change

__all__ = ["TONE_MARKS", "find", "restore_lost"]

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = f"[a-zü{TONE_MARKS}]{{1,6}}"
# Both branches start with a literal outside any group or repeat, so the
# engine skips in C to the next "(" or "?" (a branch led by a group, even
# one opening with "?", has it try the pattern at every character). The
# second branch is one to four lost glosses, ``(?:\?{1,3}\(?S\)){1,4}``
# with its first round written out. The character a gloss follows is
# checked in find().
_GLOSS = re.compile(
    rf"\((?P<syllable>{_SYLLABLE})\)"
    rf"|\?\?{{0,2}}\(?{_SYLLABLE}\)(?:\?{{1,3}}\(?{_SYLLABLE}\)){{0,3}}"
)
_LOST_PART = re.compile(rf"\?{{1,3}}\(?({_SYLLABLE})\)")
_TONED = re.compile(f"[{TONE_MARKS}]")


def _is_gloss(base: str, syllable: str) -> bool:
    return syllable in lexicon.readings(base)


@functools.lru_cache(maxsize=512)
def _candidates(reading: str) -> tuple[tuple[str, str], ...]:
    # The 80 commonest characters with a reading, each with its Simplified form;
    # converting them once per reading keeps a page of lost glosses linear.
    return tuple((char, lexicon.to_simplified(char)) for char in lexicon.chars_for(reading)[:80])


@functools.lru_cache(maxsize=4096)
def restore_lost(before: str, reading: str, after: str, *, traditional: bool = False) -> str | None:
    """The character with ``reading`` that fits between two neighbours, if one clearly does.

    Args:
        before: the character before the lost one, or "".
        reading: the reading the gloss gives.
        after: the character after, or "".
        traditional: the text around is in Traditional characters.

    Example:
        >>> restore_lost("日", "bào", ""), restore_lost("日", "bào", "", traditional=True)
        ('报', '報')
    """
    left = lexicon.to_simplified(before) if before else ""
    right = lexicon.to_simplified(after) if after else ""
    best: list[tuple[float, str, str]] = []
    for char, simple in _candidates(reading):
        score = 0.0
        if left:
            score += lexicon.word_count(left + simple)
        if right:
            score += lexicon.word_count(simple + right)
        if score:
            best.append((score, char, simple))
    if not best:
        return None
    best.sort(reverse=True)
    top_score = best[0][0]
    tops = {simple for score, _, simple in best if score == top_score}
    runner_up = max((score for score, _, simple in best if simple not in tops), default=0.0)
    if len(tops) != 1 or runner_up * 4 > top_score:
        return None
    forms = [(char, simple) for score, char, simple in best if score == top_score]
    if traditional:
        forms.sort(key=lambda form: form[1] == form[0])
    else:
        forms.sort(key=lambda form: form[1] != form[0])
    return forms[0][0]


# The verdict on a syllable after a character, with the reason, is made once
# per pair: a page repeats the same glosses hundreds of times, and each edit
# then shares one string.
@functools.lru_cache(maxsize=4096)
def _gloss_reason(base: str, syllable: str) -> str | None:
    # Why the syllable after ``base`` is a gloss, or None when it is not one.
    if lexicon.is_han(base) and _is_gloss(base, syllable):
        return f"{syllable} is a reading of {base}"
    return None


@functools.lru_cache(maxsize=1024)
def _lost_reason(reading: str) -> str:
    return f"glossed character lost; no single fit for {reading}"


@functools.lru_cache(maxsize=4096)
def _restored_reason(char: str, reading: str) -> str:
    return f"glossed character lost; {char} reads {reading} and fits its neighbours"


def find(text: str, options: Options) -> list[Change]:
    """Glosses to strip and lost glossed characters to restore or mark.

    Example:
        >>> [c.after for c in find("國內(nèi)(擴(kuò)大)", Options())]
        ['', '']
    """
    if ")" not in text:
        return []  # no gloss without a closing parenthesis (a toneless one, 地(de), has no mark)
    changes: list[Change] = []
    for match in _GLOSS.finditer(text):
        syllable = match[1]
        if syllable:
            start = match.start()
            reason = _gloss_reason(text[start - 1] if start else "", syllable)
            if reason is not None:
                changes.append(Change(start, match.end(), "", 0, reason))
            continue
        readings = _LOST_PART.findall(match.group())
        if not readings or not _TONED.search(readings[-1]):
            continue
        before = (
            text[match.start() - 1]
            if match.start() and lexicon.is_han(text[match.start() - 1])
            else ""
        )
        after = (
            text[match.end()]
            if match.end() < len(text) and lexicon.is_han(text[match.end()])
            else ""
        )
        if not before and not after:
            continue
        window = text[max(0, match.start() - 24) : match.end() + 24]
        char = restore_lost(
            before,
            readings[-1],
            after,
            traditional=lexicon.to_simplified(window) != window,
        )
        if char is None:
            changes.append(
                Change(
                    match.start(),
                    match.end(),
                    "\ufffd",
                    lost=1,
                    reason=_lost_reason(readings[-1]),
                )
            )
        else:
            changes.append(
                Change(
                    match.start(),
                    match.end(),
                    char,
                    reason=_restored_reason(char, readings[-1]),
                )
            )
    return changes
