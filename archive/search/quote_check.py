"""The quote check: a quote as remembered → the closest real utterances, each with a verdict.

Candidates come from the engine, within the speaker and period asked for: turns with all of
the quote's words; turns with the most of its pairs of words side by side (a slip of memory
leaves most pairs as they were, and a turn that merely uses the same words has few of them);
turns with any of its words. All stemmed. Each is aligned word by word with the quote
(archive.search.alignment) and the best passages are ranked: exact, then close, then the rest,
the most alike first.
"""

from __future__ import annotations

import logging
import operator
import re
from bisect import bisect
from dataclasses import dataclass, field
from functools import reduce

from haystack.inputs import Clean, Exact
from haystack.query import SQ, SearchQuerySet
from rapidfuzz import fuzz

from archive.models import Utterance
from archive.search import analysis
from archive.search.alignment import EXACT, FUNCTION_WORDS, NOT_FOUND, Alignment, Word, align
from archive.search.documents import day_number
from archive.search.inputs import Near
from archive.search.present import roles_of

log = logging.getLogger(__name__)
MAX_WORDS = 60  # of a quote; a longer one is checked by its first sixty words
ENGINE_WORDS = 24  # distinct words the engine looks for
ALL_WORDS, TRIPLES, PAIRS, ANY_WORDS, ONE_OFF = 20, 20, 30, 10, 20  # candidates of each search
SHORT = 10  # words: a shorter quote is also looked for with any one word wrong
RESULTS = 20
WHOLE_TEXT, MARGIN = 1500, 200  # characters: a longer text is read around the quote's place
SAID = ("text", "via_interpreter")  # the turn's own words, not its speaker's names or title
RANK = {EXACT: 0, "close": 1, NOT_FOUND: 2}
FAILED = "The quote could not be checked just now. Please try again."
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class Match:
    """A real utterance, the passage in it that is most like the quote, and how it differs."""

    utterance: Utterance
    alignment: Alignment
    words: list[Word]
    role: str = ""

    @property
    def verdict(self) -> str:
        return self.alignment.verdict

    @property
    def score(self) -> int:
        """Return how alike passage and quote are, 0-100."""
        return round(100 * self.alignment.similarity)

    @property
    def span(self) -> tuple[int, int]:
        """Return where the passage is in the utterance's text, in characters."""
        start, end = self.alignment.start, self.alignment.end
        return self.words[start].start, self.words[end - 1].end

    @property
    def paragraph(self) -> tuple[int, int]:
        """Return the start and end of the paragraph (or paragraphs) holding the passage."""
        text, (start, end) = self.utterance.text, self.span
        opening = text.rfind("\n\n", 0, start)
        closing = text.find("\n\n", end)
        return opening + 2 if opening >= 0 else 0, closing if closing >= 0 else len(text)


@dataclass
class Check:
    """The answer to a quote check: the matches ranked, best first."""

    quote: str
    matches: list[Match] = field(default_factory=list)
    error: str | None = None

    @property
    def verdict(self) -> str:
        return self.matches[0].verdict if self.matches else NOT_FOUND


def words_of(text: str, analyzer, start: int = 0, end: int | None = None) -> list[Word]:
    """Return the words of a text (or of text[start:end]) with their stems, as the engine
    analyses them; offsets are the whole text's."""
    part = text[start:end]
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    return [
        Word(start + a, start + b, term, analysis.fold(part[a:b]), bisect(breaks, start + a))
        for a, b, term in analysis.tokens(part, analyzer)
    ]


def region(text: str, quote: str) -> tuple[int, int]:
    """Return where in a long text to look for the quote: around its best match, by letters.

    rapidfuzz's partial match of the letters costs a fraction of a millisecond, while reading
    a long speech into words costs several; the margin leaves room for a reworded quote.
    """
    if len(text) <= WHOLE_TEXT:
        return 0, len(text)
    found = fuzz.partial_ratio_alignment(quote.lower(), text.lower())
    margin = len(quote) + MARGIN
    start, end = max(0, found.dest_start - margin), min(len(text), found.dest_end + margin)
    # Whole words only: from after a space to before one.
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def check(quote: str, *, speaker: str = "", start=None, end=None, limit: int = RESULTS) -> Check:
    """Check a quote against the archive; `speaker` a slug, `start`/`end` dates. Never raises."""
    analyzer = analysis.current()
    typed = words_of(quote, analyzer)[:MAX_WORDS]
    answer = Check(quote)
    if not typed:
        return answer
    try:
        found = candidates(typed, speaker, start, end)
    except Exception:
        log.exception("Quote check failed for %r", quote)
        answer.error = FAILED
        return answer
    ranked = []
    for rank, utterance in enumerate(found):
        words = words_of(utterance.text, analyzer, *region(utterance.text, quote))
        alignment = align(typed, words)
        if alignment is not None:
            key = (RANK[alignment.verdict], -alignment.similarity, rank)
            ranked.append((key, Match(utterance, alignment, words)))
    ranked.sort(key=operator.itemgetter(0))
    answer.matches = [match for _, match in ranked[:limit]]
    roles = roles_of([m.utterance for m in answer.matches])
    for match in answer.matches:
        u = match.utterance
        match.role = roles.get((u.event_id, u.speaker_id)) or u.speaker.role
    return answer


def candidates(typed: list[Word], speaker: str, start, end) -> list[Utterance]:
    """Return the turns with all the quote's words, then those with the most of its pairs of
    words, then those with any of its words; the engine's best first in each."""
    terms = list(dict.fromkeys(word.surface for word in typed))[:ENGINE_WORDS]
    sqs = SearchQuerySet().models(Utterance)
    if speaker:
        sqs = sqs.filter(speaker=Exact(speaker))
    if start:
        sqs = sqs.filter(day__gte=day_number(start))
    if end:
        sqs = sqs.filter(day__lte=day_number(end))
    every = reduce(lambda q, term: q.filter(said(term)), terms, sqs)
    anyone = sqs.filter(reduce(operator.or_, (said(term) for term in terms)))
    ids = [int(r.pk) for r in every[:ALL_WORDS]]
    ids += in_runs(sqs, typed, 3, TRIPLES) + in_runs(sqs, typed, 2, PAIRS)
    if len(typed) <= SHORT:
        ids += one_word_off(sqs, typed, ONE_OFF)
    ids += [int(r.pk) for r in anyone[:ANY_WORDS]]
    ids = list(dict.fromkeys(ids))
    loaded = Utterance.objects.for_display().in_bulk(ids)
    return [loaded[pk] for pk in ids if pk in loaded]


def said(text: str, phrase: bool = False, gaps: int = 0) -> SQ:
    """Return the filter of a word (or a phrase, its words up to `gaps` apart) in the words of
    a turn."""
    value = (Near(text, gaps) if gaps else Exact(text)) if phrase else Clean(text)
    return reduce(operator.or_, (SQ(**{name: value}) for name in SAID))


def runs(typed: list[Word], size: int) -> list[str]:
    """Return the quote's runs of `size` neighbouring words, each once, the first few."""
    found = (" ".join(w.surface for w in typed[i : i + size]) for i in range(len(typed) - size + 1))
    return list(dict.fromkeys(found))[:ENGINE_WORDS]


def in_runs(sqs, typed: list[Word], size: int, limit: int) -> list[int]:
    """Return the turns holding the most of the quote's runs of `size` words, best first.

    A slip of memory leaves most runs of the quote as they were, while a turn that merely uses
    the same words holds few of them side by side.
    """
    phrases = runs(typed, size)
    if not phrases:
        return []
    found = sqs.filter(reduce(operator.or_, (said(p, phrase=True) for p in phrases)))
    return [int(r.pk) for r in found[:limit]]


def one_word_off(sqs, typed: list[Word], limit: int) -> list[int]:
    """Return the turns holding the quote less any one of its words, a word apart at most.

    A short quote of common words ("we are a market") has runs that thousands of turns hold;
    with one word wrong, added or dropped, the rest still stands together in the real words.
    What is left of function words alone ("we are a") is in every other turn: not looked for.
    """
    rests = [typed[:i] + typed[i + 1 :] for i in range(len(typed))] if len(typed) >= 3 else []
    phrases = {
        " ".join(w.surface for w in rest)
        for rest in rests
        if any(w.surface not in FUNCTION_WORDS for w in rest)
    }
    if not phrases:
        return []
    found = sqs.filter(reduce(operator.or_, (said(p, phrase=True, gaps=1) for p in phrases)))
    return [int(r.pk) for r in found[:limit]]
