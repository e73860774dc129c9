"""Align a quote as remembered with a real text, word by word, and say how far it is off.

Words are compared by their stems (the engine's analyzer's terms), so "markets" meets "market".
The passage is the stretch of the real text holding most of the quote's content words, in any
order; rapidfuzz gives the word-level edit steps between it and the quote (the insertions and
deletions of their longest common subsequence). Steps are then read as a reader would: a word
the quote has and the text lacks is *added*, a real word the quote lacks is *dropped*, one put
in place of another is *changed*, one in another place is *moved*; a word in another form
("market" for "markets") is a *form*.

The verdict: *exact* when every word is the same, *close* when the quote's content words are
mostly there and the passage is much like it, else *not found*. Function words ("the", "we")
weigh less, so a passage sharing only them is never close.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

EXACT, CLOSE, NOT_FOUND = "exact", "close", "not-found"
# Tuned on the dev corpus's mutated sentences and on sentences of events left out of the
# index (docs/benchmarks.md, "Quote check"): close needs both.
CLOSE_SIMILARITY, CLOSE_RECALL = 0.65, 0.6
FUNCTION_WEIGHT = 0.4
# How much of a word counts as found: in another form, misspelt ("Tilerson"), elsewhere. A
# word moved alone counts little (any long text holds the quote's common words in some order);
# one moved with its neighbour, as when a clause is put first, counts more.
CREDIT = {"same": 1.0, "form": 0.8, "typo": 0.5, "moved": 0.5, "moved together": 0.8}
TYPO_RATIO = 80
# Below this, a passage is unlike the quote however it is trimmed ("we are a market" against
# "We know that we are the market" is 0.58 untrimmed, 0.82 trimmed).
WORTH_TRIMMING = 0.4
# Words whose slip turns a statement round: never a small difference.
NEGATIONS = frozenset("no not nor never t cannot nothing none neither".split())
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here of in on at
    to for from by with without about into onto over under up down out off as is are was were be
    been being am do does did done have has had having will would shall should can could may
    might must not no i me my mine we us our ours you your yours he him his she her hers it its
    they them their theirs who whom whose which what when where why how all any some each every
    very just also too only s t re ve ll d m don didn doesn isn aren wasn weren won""".split()
)


@dataclass(frozen=True)
class Word:
    """A word of a text: where it is, its stem, and its surface folded (case, accents)."""

    start: int
    end: int
    stem: str
    surface: str
    paragraph: int = 0  # of the text it is in, counted from 0

    @property
    def weight(self) -> float:
        return FUNCTION_WEIGHT if self.surface in FUNCTION_WORDS else 1.0


@dataclass(frozen=True)
class Step:
    """One step of the comparison: `kind` of the real word (None when the quote added it)."""

    kind: str  # "same", "form", "changed", "added", "dropped", "moved"
    real: Word | None
    typed: Word | None


@dataclass(frozen=True)
class Alignment:
    """The passage of the real text (word indexes [start, end)) and how the quote compares."""

    start: int
    end: int
    steps: tuple[Step, ...]
    similarity: float
    recall: float
    joined: bool = False  # the passage runs on into another paragraph, the quote does not
    words: int = 0  # of the quote

    @property
    def verdict(self) -> str:
        if all(step.kind == "same" for step in self.steps):
            return EXACT
        if self.joined or any(negated(step) for step in self.steps):
            return NOT_FOUND
        if self.edits() > max(1, (self.words + 1) // 3):
            return NOT_FOUND  # "are on the market" is two slips off "we are the market"
        if self.similarity >= CLOSE_SIMILARITY and self.recall >= CLOSE_RECALL:
            return CLOSE
        return NOT_FOUND

    def edits(self) -> int:
        """Return the words added, dropped or put in place of others (moves aside)."""
        return sum(step.kind in {"added", "dropped", "changed"} for step in self.steps)


def negated(step: Step) -> bool:
    """Return whether a step adds, drops or changes a negation ("not", "no", "n't")."""
    if step.kind not in {"added", "dropped", "changed"}:
        return False
    sides = [word is not None and word.surface in NEGATIONS for word in (step.real, step.typed)]
    # "not" for "n't" (will not, won't) says the same: one side alone turns it round.
    return sides[0] != sides[1] if step.kind == "changed" else any(sides)


def align(quote: list[Word], real: list[Word]) -> Alignment | None:
    """Return the best passage of `real` for the quote and the steps between them, or None."""
    if not quote or not real:
        return None
    start, end = passage(quote, real)
    if start is None:
        return None
    whole = within(quote, real, start, end)
    if whole.verdict == EXACT or whole.similarity < WORTH_TRIMMING:
        return whole  # the quote itself, or words that no trimming makes alike
    starts, ends = edges(quote, real, start, end)
    # The best start with the stretch's end, then the best end from there: not every pair.
    first = best([whole] + [within(quote, real, a, end) for a in starts])
    tried = [within(quote, real, first.start, b) for b in ends if first.start < b]
    return best([first, *tried])


def edges(quote: list[Word], real: list[Word], start: int, end: int) -> tuple[list, list]:
    """Return where else in the stretch [start, end) the passage may start, and end.

    Where the quote's first two (last two) words are: the comparison pairs the first of
    several ("We know that we are the market") and reaches back to pair a first word memory
    changed ("Them answer is") with an earlier one. And where a paragraph starts or ends: the
    room left around the words found reaches into the paragraphs either side.
    """
    firsts, lasts = {w.stem for w in quote[:2]}, {w.stem for w in quote[-2:]}
    starts = [
        i
        for i in range(start + 1, end)
        if real[i].stem in firsts or real[i].paragraph != real[i - 1].paragraph
    ]
    ends = [
        i + 1
        for i in range(start, end - 1)
        if real[i].stem in lasts or real[i].paragraph != real[i + 1].paragraph
    ]
    return starts, ends


def best(alignments) -> Alignment:
    """Return the alignment that is close (or exact) if any is, the most alike of those."""
    return max(alignments, key=lambda found: (found.verdict != NOT_FOUND, found.similarity))


def within(quote: list[Word], real: list[Word], start: int, end: int) -> Alignment:
    """Return the alignment of the quote with the real words [start, end)."""
    steps = compare(quote, real[start:end])
    # Real words the quote lacks at either end are outside what it quotes.
    while steps and steps[0].kind == "dropped":
        steps, start = steps[1:], start + 1
    while steps and steps[-1].kind == "dropped":
        steps, end = steps[:-1], end - 1
    found = score(quote, real[start:end], start, end, tuple(steps))
    joined = end > start and real[start].paragraph != real[end - 1].paragraph
    if joined and quote[0].paragraph == quote[-1].paragraph:
        return replace(found, joined=True)
    return found


def passage(quote: list[Word], real: list[Word]) -> tuple[int | None, int]:
    """Return the [start, end) of the stretch of `real` best matching the quote's words.

    The stretch, within a few more words than the quote has, holds the most of the quote's
    words in whatever order, each counted once by its weight: content words decide, function
    words ("the", "we" are everywhere) settle ties.
    """
    slack = max(3, len(quote) // 3)
    if len(real) <= len(quote) + slack:
        return 0, len(real)
    weights = {w.stem: w.weight for w in quote}
    hits = [(i, w.stem) for i, w in enumerate(real) if w.stem in weights]
    if not any(weights[stem] == 1.0 for _, stem in hits) and len(hits) < len(weights):
        return None, 0  # no content word, nor all the function words: nothing of the quote
    span = len(quote) + slack
    best, best_at, held, low = 0.0, (0, 0), Counter(), 0
    for high, (position, stem) in enumerate(hits):
        held[stem] += 1
        while position - hits[low][0] >= span:
            gone = hits[low][1]
            held[gone] -= 1
            if not held[gone]:
                del held[gone]
            low += 1
        covered = sum(weights[stem] for stem in held)
        if covered > best:
            best, best_at = covered, (low, high)
    first, last = hits[best_at[0]][0], hits[best_at[1]][0]
    # Room around the words found for the quote's others and a slip.
    return max(0, first - slack), min(len(real), last + 1 + slack)


def compare(quote: list[Word], real: list[Word]) -> list[Step]:
    """Return the steps from the real words to the quote's, in the real text's order."""
    # Runs of equal words, and between them gaps: (quote words added, real words dropped).
    runs: list[list[Step] | tuple[list[Word], list[Word]]] = []
    for op in Indel.opcodes([w.stem for w in quote], [w.stem for w in real]):
        typed, words = quote[op.src_start : op.src_end], real[op.dest_start : op.dest_end]
        if op.tag == "equal":
            runs.append(
                [
                    Step("same" if t.surface == w.surface else "form", w, t)
                    for t, w in zip(typed, words, strict=True)
                ]
            )
        elif runs and isinstance(runs[-1], tuple):
            runs[-1][0].extend(typed)
            runs[-1][1].extend(words)
        else:
            runs.append((list(typed), list(words)))
    gaps = [run for run in runs if isinstance(run, tuple)]
    moved = placed_elsewhere(gaps)
    steps = []
    for run in runs:
        steps += run if isinstance(run, list) else read_gap(*run, moved)
    return steps


def placed_elsewhere(gaps) -> dict[int, Word]:
    """Return the real words (by id) the quote has in another place: {id(real word): typed}."""
    dropped = [word for _, words in gaps for word in words]
    moved = {}
    for typed in (word for added, _ in gaps for word in added):
        real = next((w for w in dropped if w.stem == typed.stem and id(w) not in moved), None)
        if real is not None:
            moved[id(real)] = typed
    return moved


def read_gap(added: list[Word], dropped: list[Word], moved: dict[int, Word]) -> list[Step]:
    """Return a gap's steps: moved words, then words in place of others (changed), the rest."""
    typed_moved = {id(word) for word in moved.values()}
    added = [word for word in added if id(word) not in typed_moved]
    steps, left = [], list(added)
    for word in dropped:
        if id(word) in moved:
            steps.append(Step("moved", word, moved[id(word)]))
        elif left:
            steps.append(Step("changed", word, left.pop(0)))
        else:
            steps.append(Step("dropped", word, None))
    return steps + [Step("added", None, word) for word in left]


def score(quote, real, start, end, steps) -> Alignment:
    """Return the alignment with its similarity (weighed Dice) and the quote's content found."""
    found = 0.0
    content_found = 0.0
    together = moved_together(quote, steps)
    for index, step in enumerate(steps):
        if step.typed is None or step.real is None:
            continue
        kind = "moved together" if index in together else step.kind
        if kind == "changed":
            kind = "typo" if misspelt(step.typed.surface, step.real.surface) else ""
        credit = CREDIT.get(kind, 0.0)
        found += credit * step.typed.weight
        content_found += credit * (step.typed.weight == 1.0)
    total = sum(w.weight for w in quote) + sum(w.weight for w in real)
    content = sum(w.weight == 1.0 for w in quote)
    recall = content_found / content if content else found / sum(w.weight for w in quote)
    similarity = 2 * found / total if total else 0.0
    return Alignment(start, end, steps, similarity, recall, words=len(quote))


def misspelt(typed: str, real: str) -> bool:
    """Return whether a typed word is the real one misspelt: a letter or two off ("Tilerson"),
    not another word ("plan" for "planet")."""
    allowed = 1 if len(real) < 8 else 2
    return fuzz.ratio(typed, real) >= TYPO_RATIO and Levenshtein.distance(typed, real) <= allowed


def moved_together(quote: list[Word], steps: tuple[Step, ...]) -> set[int]:
    """Return the indexes of the moved steps next to another moved step, as in the quote."""
    place = {id(word): i for i, word in enumerate(quote)}
    together = set()
    for i in range(len(steps) - 1):
        a, b = steps[i], steps[i + 1]
        if a.kind == b.kind == "moved" and place[id(b.typed)] == place[id(a.typed)] + 1:
            together.update((i, i + 1))
    return together
