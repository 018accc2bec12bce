"""The repair engine: undo the damage crawls do to Chinese text, and say how.

Each repair is a function that looks at a text and returns the changes it
would make, as :class:`Change` records in that text's coordinates. The
engine applies them, turns each into an :class:`Edit`, and runs the repairs
in the fixed order of :data:`REPAIRS` until a round changes nothing.

The first round runs every repair over the whole text. Later rounds run a
repair again only over the lines other repairs changed since it last ran,
so a clean page costs one cheap check per repair, and a damaged one pays a
second look only where it was damaged. A repair marked ``final`` (the
glosses, losses, spaces, punctuation and the script) sends no repair back.

Repairs never add or remove a line break, so line numbers stay valid from the
input to the output.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Sequence
from sys import intern

import attrs

from govnews.errors import InputTooLargeError, InputTypeError
from govnews.records import Edit, Options, Repaired
from govnews.repair import glosses, lost, misalign, mojibake, punctuation, script, spacing
from govnews.repair.change import Change

__all__ = ["REPAIRS", "Change", "Repair", "repair", "replay"]


@attrs.frozen
class Repair:
    """A named repair: the name is what edits, options and docs call it.

    Attributes:
        name: the stable name, used in ``Edit.kind`` and ``Options.repairs``.
        find: returns the changes this repair makes to a text.
        summary: one line on what it undoes.
        final: whether its edits are final: they expose no damage the
            repairs before it undo, so none of those looks again. A removed
            gloss, a marked loss, a space made plain, a mended mark or a
            converted character uncovers no mojibake; a decoded run or a
            removed tag may join text that was split.
    """

    name: str
    find: Callable[[str, Options], list[Change]]
    summary: str
    final: bool = False


REPAIRS: tuple[Repair, ...] = (
    Repair("markup", spacing.find_markup, "stray tags and HTML entities left in text"),
    Repair("spacing", spacing.find_spaces, "NBSP, ideographic and zero-width spaces", final=True),
    Repair("mojibake", mojibake.find, "UTF-8 read as GBK, once or more"),
    Repair("misaligned", misalign.find, "a GBK stream read out of step after a lost byte"),
    Repair("gloss", glosses.find, "pinyin glosses pasted after characters", final=True),
    Repair("lost", lost.find, "characters lost to ? or U+FFFD, marked as lost", final=True),
    Repair(
        "punctuation", punctuation.find_doubled, "punctuation doubled by converters", final=True
    ),
    Repair(
        "fullwidth", punctuation.find_fullwidth, "full-width punctuation in CJK context", final=True
    ),
    Repair("to-simplified", script.find, "Traditional characters back to Simplified", final=True),
)
"""Every repair, in the order the engine runs them.

Example:
    >>> [item.name for item in REPAIRS][:4]
    ['markup', 'spacing', 'mojibake', 'misaligned']
"""

_OPTIONAL = {"fullwidth": "fullwidth", "to-simplified": "simplified"}


def _enabled(options: Options) -> tuple[Repair, ...]:
    chosen = []
    for item in REPAIRS:
        flag = _OPTIONAL.get(item.name)
        if flag is not None and not getattr(options, flag):
            continue
        if options.repairs is not None and item.name not in options.repairs:
            continue
        chosen.append(item)
    return tuple(chosen)


def _ordered(changes: Iterable[Change], size: int) -> list[Change]:
    # A repair's changes must be sorted and disjoint; anything else is dropped
    # rather than allowed to corrupt the text.
    kept: list[Change] = []
    last_end = 0
    for change in sorted(changes, key=_SPAN):
        if change.start < last_end or change.end > size or change.start > change.end:
            continue
        kept.append(change)
        last_end = change.end
    return kept


_SPAN = operator.attrgetter("start", "end")


_SHARED = 8  # edit texts up to this long are interned


_NEAR = 8  # characters of unchanged text that may stand between two merged changes
_MERGED = 64  # changes at most in one edit, so that one edit stays small


class _Log:
    """The edits of one repair pass, with near changes of one reason merged.

    An entity storm or a line of lost glosses is thousands of changes a few
    characters apart; as one edit each they would cost many times the
    memory of the text. Changes with the same reason on one line, at most
    :data:`_NEAR` characters apart, become one edit (up to :data:`_MERGED`
    of them), the text between them on both of its sides: replay and the
    character count stay exact. Its two sides are gathered in pieces and
    joined once, so merging stays linear.
    """

    __slots__ = (
        "afters",
        "befores",
        "edits",
        "end",
        "kind",
        "line",
        "lost",
        "merged",
        "reason",
        "start",
        "text",
        "touching",
    )

    def __init__(self, kind: str, edits: list[Edit], text: str) -> None:
        self.kind = kind
        self.edits = edits
        self.text = text  # the repair's input
        self.befores: list[str] = []
        self.afters: list[str] = []
        self.start = self.end = self.line = self.lost = self.merged = 0
        self.touching = -1  # where, in the repair's input, the pending edit ends
        self.reason = ""

    def add(self, start: int, before: str, after: str, line: int, change: Change) -> None:
        # ``start`` is in the coordinates of the text with the edits so far
        # applied, as replay needs; ``change`` is in the repair's input.
        gap = change.start - self.touching
        if (
            self.befores
            and 0 <= gap <= _NEAR
            and change.reason == self.reason
            and self.merged < _MERGED
        ):
            between = self.text[self.touching : change.start] if gap else ""
            if "\n" not in between:
                self.touching = change.end
                self.befores += (between, before)
                self.afters += (between, after)
                self.end += gap + len(before)
                self.lost += change.lost
                self.merged += 1
                return
        self.flush()
        self.touching = change.end
        self.befores, self.afters = [before], [after]
        self.start, self.end = start, start + len(before)
        self.line, self.lost, self.reason = line, change.lost, change.reason
        self.merged = 1

    def flush(self) -> None:
        if not self.befores:
            return
        before = "".join(self.befores)
        after = "".join(self.afters)
        if len(before) <= _SHARED and len(after) <= _SHARED:
            # A page of thousands of edits repeats the same few glosses and
            # marks: one string each keeps its edits small.
            before, after = intern(before), intern(after)
        self.edits.append(
            Edit(
                self.kind,
                self.start,
                self.end,
                before,
                after,
                self.line,
                self.lost,
                intern(self.reason),
            )
        )
        self.befores = []


def _apply(text: str, kind: str, changes: Sequence[Change], edits: list[Edit]) -> str:
    # The changes are sorted, so the line of each is counted on from the last
    # one's: a page costs one pass over its text, however many edits it has.
    # (A Traditional page carries hundreds of edits: the loop is kept lean.)
    pieces: list[str] = []
    piece = pieces.append
    log = _Log(kind, edits, text)
    add = log.add
    count = text.count
    cursor = 0
    delta = 0
    line = 0
    counted = 0
    for change in changes:
        start = change.start
        end = change.end
        after = change.after
        before = text[start:end]
        if before == after and not change.lost:
            continue
        if ("\n" in before or "\n" in after) and before.count("\n") != after.count("\n"):
            continue
        piece(text[cursor:start])
        piece(after)
        cursor = end
        line += count("\n", counted, start)
        counted = start
        add(start + delta, before, after, line, change)
        delta += len(after) - len(before)
    log.flush()
    piece(text[cursor:])
    return "".join(pieces)


_ROUNDS = 4  # the most rounds; damage nested deeper than this is left as it is
_NEWLINE = re.compile("\n")


def _touched(edits: Sequence[Edit]) -> set[int]:
    # The line numbers an edit's text covers, before and after.
    found: set[int] = set()
    for edit in edits:
        found.update(range(edit.line, edit.line + edit.before.count("\n") + 1))
    return found


def _run(item: Repair, text: str, lines: set[int] | None, options: Options) -> list[Change]:
    """One repair's changes over the whole text, or only over some of its lines.

    Runs of consecutive lines are looked at as one piece each, and their
    changes moved back into the whole text's coordinates.
    """
    if lines is None:
        return _ordered(item.find(text, options), len(text))
    starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]
    changes: list[Change] = []
    for first, last in _blocks(sorted(line for line in lines if line < len(starts))):
        low = starts[first]
        high = starts[last + 1] - 1 if last + 1 < len(starts) else len(text)
        piece = text[low:high]
        changes.extend(
            Change(c.start + low, c.end + low, c.after, c.lost, c.reason)
            for c in _ordered(item.find(piece, options), len(piece))
        )
    return changes


def _blocks(lines: list[int]) -> list[tuple[int, int]]:
    # Sorted line numbers as runs of consecutive ones, first and last.
    blocks: list[tuple[int, int]] = []
    for line in lines:
        if blocks and blocks[-1][1] == line - 1:
            blocks[-1] = (blocks[-1][0], line)
        else:
            blocks.append((line, line))
    return blocks


def repair(text: str, options: Options | None = None) -> Repaired:
    """Repair crawled Chinese text and record every edit made.

    Repairs run in the order of :data:`REPAIRS`, repeated until nothing
    changes. Clean text comes back unchanged except for the script: with
    ``Options(simplified=False)`` clean text is returned as it is.

    Args:
        text: the text to repair.
        options: which repairs to run; the defaults run them all.

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        InputTooLargeError: ``text`` is longer than ``options.max_bytes``.

    Example:
        >>> result = repair("抗擊疫情!國內(nèi)外")
        >>> result.text
        '抗击疫情!国内外'
        >>> [(edit.kind, edit.before, edit.after) for edit in result.edits]
        [('gloss', '(nèi)', ''), ('to-simplified', '擊疫情!國內', '击疫情!国内')]
    """
    if not isinstance(text, str):
        raise InputTypeError(f"repair() takes str, not {type(text).__name__}")
    options = options or Options()
    if len(text) > options.max_bytes:
        raise InputTooLargeError(len(text), options.max_bytes)
    edits: list[Edit] = []
    enabled = _enabled(options)
    if "\ufffd" in text and any(item.name == "lost" for item in enabled):
        # Losses already marked in the input are counted once, here; the
        # repairs' own U+FFFD carry their count in their own edits.
        text = _apply(text, "lost", lost.already_lost(text), edits)
    # The lines each repair has still to look at again, None for all of them.
    pending: dict[str, set[int] | None] = {item.name: None for item in enabled}
    for _ in range(_ROUNDS):
        changed = False
        for item in enabled:
            lines = pending[item.name]
            if lines is not None and not lines:
                continue
            pending[item.name] = set()
            count = len(edits)
            text = _apply(text, item.name, _run(item, text, lines, options), edits)
            if len(edits) == count or item.final:
                continue
            touched = _touched(edits[count:])
            for name, waiting in pending.items():
                if name != item.name and waiting is not None:
                    waiting.update(touched)
            changed = True
        if not changed:
            break
    return Repaired(text, tuple(edits))


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Apply recorded edits to the text they were made on.

    Replaying ``repair(text).edits`` on ``text`` gives ``repair(text).text``.

    Example:
        >>> original = "國內(nèi)"
        >>> replay(original, repair(original).edits) == repair(original).text
        True
    """
    # Edits that move forward through the text (those of one repair pass) are
    # applied together in one join, so replay stays linear in the text.
    pieces: list[str] = []
    cursor = 0  # where the pending batch has copied the base text up to
    delta = 0  # how far the batch has shifted offsets so far
    for edit in edits:
        start, end = edit.start - delta, edit.end - delta
        if start < cursor:
            pieces.append(text[cursor:])
            text = "".join(pieces)
            pieces, cursor, delta = [], 0, 0
            start, end = edit.start, edit.end
        pieces.append(text[cursor:start])
        pieces.append(edit.after)
        cursor = end
        delta += len(edit.after) - (edit.end - edit.start)
    pieces.append(text[cursor:])
    return "".join(pieces)
