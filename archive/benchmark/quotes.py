"""The quote check's test set and its measure: real sentences, mis-remembered on purpose.

A case is a sentence that occurs in one utterance only, of 8 to 30 words, changed as memory
changes quotes: one to three words dropped, added, swapped with their neighbour or replaced by
words of the corpus. The check should put that utterance first and call it close. Sentences of
events kept out of the index give the other side: the check must not call anything close.
Short cases are what a journalist more often remembers: five words of such a sentence, found
once in the corpus, one word off.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass

from archive.search.alignment import FUNCTION_WORDS
from archive.speaker_names import fold

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘])")
MIN_WORDS, MAX_WORDS = 8, 30
MUTATIONS = ("drop", "add", "swap", "replace")
SHORT_WORDS = 5


@dataclass(frozen=True)
class Case:
    """A quote as remembered, the real sentence, and the utterance holding it (None: held out)."""

    quote: str
    sentence: str
    utterance_id: int | None
    mutation: str


def sentences(text: str) -> list[str]:
    """Return the sentences of a text, paragraph by paragraph."""
    return [s.strip() for p in text.split("\n\n") for s in SENTENCE_END.split(p) if s.strip()]


def unique_sentences(texts: dict[int, str]) -> list[tuple[int, str]]:
    """Return (utterance id, sentence) for sentences of 8-30 words found in one utterance only."""
    counts = Counter(s for text in texts.values() for s in set(sentences(text)))
    return [
        (pk, sentence)
        for pk, text in sorted(texts.items())
        for sentence in dict.fromkeys(sentences(text))
        if counts[sentence] == 1 and MIN_WORDS <= len(sentence.split()) <= MAX_WORDS
    ]


def vocabulary(texts) -> list[str]:
    """Return the corpus's words (lower-case, three letters or more), as often as they occur."""
    return [w for text in texts for w in re.findall(r"[a-z]{3,}", text.lower())]


def mutate(sentence: str, rnd: random.Random, words: list[str], most: int = 3) -> tuple[str, str]:
    """Return the sentence with 1-3 (or `most`) words dropped, added, swapped or replaced, and
    how."""
    tokens = sentence.split()
    kind, count = rnd.choice(MUTATIONS), rnd.randint(1, most)
    for _ in range(count):
        at = rnd.randrange(len(tokens))
        if kind == "drop" and len(tokens) > MIN_WORDS // 2:
            del tokens[at]
        elif kind == "add":
            tokens.insert(at, rnd.choice(words))
        elif kind == "swap" and at + 1 < len(tokens):
            tokens[at], tokens[at + 1] = tokens[at + 1], tokens[at]
        elif kind == "replace":
            tokens[at] = rnd.choice(words)
    return " ".join(tokens), f"{kind} {count}"


def cases(found: list[tuple], count: int, words: list[str], seed: int) -> list[Case]:
    """Return `count` mutated cases drawn from (utterance id, sentence) pairs."""
    rnd = random.Random(seed)
    chosen = rnd.sample(found, min(count, len(found)))
    made = []
    for pk, sentence in chosen:
        quote, how = mutate(sentence, rnd, words)
        made.append(Case(quote, sentence, pk, how))
    return made


def short_cases(found: list[tuple], count: int, words: list[str], texts, seed: int) -> list[Case]:
    """Return `count` cases of five words of the sentences, one word off: words found once in
    `texts` (punctuation aside), two of them at least not function words ("and so, so many"
    is no one's quote)."""
    rnd = random.Random(seed)
    everything = "".join(plain(text) for text in texts)
    made = []
    for pk, sentence in rnd.sample(found, len(found)):
        tokens = sentence.split()
        at = rnd.randrange(len(tokens) - SHORT_WORDS + 1)
        phrase = " ".join(tokens[at : at + SHORT_WORDS])
        content = [w for w in plain(phrase).split() if w not in FUNCTION_WORDS]
        if len(content) >= 2 and everything.count(plain(phrase)) == 1:
            quote, how = mutate(phrase, rnd, words, most=1)
            made.append(Case(quote, phrase, pk, how))
        if len(made) == count:
            break
    return made


def plain(text: str) -> str:
    """Return the text's words folded, one space apart, and one either side."""
    return f" {fold(text)} "


def measure(check, found: list[Case], held_out: list[Case]) -> dict:
    """Run the check on every case; return ranks, verdicts and times (wall and CPU, ms)."""
    check(found[0].quote)  # warm-up: the first search opens the index
    first = top3 = close = 0
    walls, cpus, misses = [], [], []
    for case in found:
        answer, wall, cpu = timed(check, case.quote)
        walls.append(wall)
        cpus.append(cpu)
        ids = [m.utterance.pk for m in answer.matches]
        rank = ids.index(case.utterance_id) if case.utterance_id in ids else None
        first += rank == 0
        top3 += rank is not None and rank < 3
        close += rank is not None and answer.matches[rank].verdict in {"exact", "close"}
        if rank != 0:
            misses.append((case.mutation, case.quote))
    called = []  # held-out sentences the check called close, and to what
    for case in held_out:
        answer, _, _ = timed(check, case.quote)
        if answer.verdict in {"exact", "close"}:
            best = answer.matches[0]
            start, end = best.span
            called.append((case.quote, best.utterance.text[start:end]))
    return {
        "cases": len(found),
        "first": first / len(found),
        "top3": top3 / len(found),
        "called_close": close / len(found),
        "held_out": len(held_out),
        "held_out_called_close": len(called) / len(held_out) if held_out else None,
        "held_out_close": called[:10],
        "p50": statistics.median(walls),
        "p95": sorted(walls)[min(len(walls) - 1, round(0.95 * len(walls)) - 1)],
        "cpu50": statistics.median(cpus),
        "misses": misses[:10],
    }


def timed(check, quote: str):
    wall, cpu = time.perf_counter(), time.process_time()
    answer = check(quote)
    return answer, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000
