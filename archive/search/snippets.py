"""Escaped snippets of a result's text around the query's words, matches in <mark>.

Every piece of transcript text is escaped here, explicitly; only our own <mark> tags are HTML.
Matches are the tokens whose term (from the engine's analyzer) is a query word's, or that lie in
a whole run of a phrase's terms: "we are the market" marks that run, not every "the". Passages
start and end where words do (at spaces), whatever the engine counts as a word: "U.S.", "can’t".
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.search import analysis
from archive.search.analysis import Analyzer

SNIPPET_CHARS, SURROUND = 320, 90
TOP = 2
BETWEEN = " … "
LEFT_OUT = re.compile(r"\w")
REST_OF_WORD = re.compile(r"\S*")  # up to the next space: "market." or "U.S.-Mexico"
BLANK_LINE = "\n\n"
PARAGRAPH = re.compile(BLANK_LINE)


@dataclass(frozen=True)
class Fragment:
    """A stretch of the text [start, end) and the matched tokens in it."""

    start: int
    end: int
    marks: tuple[tuple[int, int], ...]

    @property
    def score(self) -> int:
        return len(self.marks)


def snippet(text: str, words: list, analyzer: Analyzer) -> SafeString:
    """Return the passages of `text` around the query's words, escaped, with matches marked.

    A word is a str, a phrase the tuple of its words.
    """
    return passages(text, words, analyzer)[0]


def passages(text: str, words: list, analyzer: Analyzer) -> tuple[SafeString, list[tuple]]:
    """Return the snippet and the (start, end) in `text` of each passage it shows."""
    singles, phrases = query_terms(words, analyzer)
    tokens = analysis.tokens(text, analyzer) if singles or phrases else []
    hits = matched([term for _, _, term in tokens], singles, phrases)
    if not hits:
        end = opening(text)
        shown = escape(text[:end]) + (BETWEEN.rstrip() if end < len(text) else "")
        return mark_safe(shown), [(0, end)]  # escaped
    fragments = list(fragments_around(text, tokens, sorted(hits)))
    # The best passages, the earliest of equally good ones, shown in the order of the text.
    best = sorted(heapq.nsmallest(TOP, fragments, key=lambda f: (-f.score, f.start)), key=_start)
    return mark_safe(join(text, best)), [(f.start, f.end) for f in best]  # every piece escaped


def marked(text: str, words: list, analyzer: Analyzer) -> SafeString:
    """Return the whole text escaped, with every match of the query's words marked."""
    singles, phrases = query_terms(words, analyzer)
    tokens = analysis.tokens(text, analyzer) if singles or phrases else []
    hits = sorted(matched([term for _, _, term in tokens], singles, phrases))
    whole = Fragment(0, len(text), tuple(tokens[i][:2] for i in hits))
    return mark_safe(join(text, [whole]))  # every piece escaped


def _start(fragment: Fragment) -> int:
    return fragment.start


def opening(text: str) -> int:
    """Return where the text's first SNIPPET_CHARS end, at the last space before the limit."""
    if len(text) <= SNIPPET_CHARS:
        return len(text)
    cut = max(text.rfind(" ", 0, SNIPPET_CHARS + 1), text.rfind("\n", 0, SNIPPET_CHARS + 1))
    return len(text[:cut].rstrip()) if cut > 0 else SNIPPET_CHARS


def query_terms(words: list, analyzer: Analyzer) -> tuple[frozenset, frozenset]:
    """Return the terms of the query's single words and the term tuples of its phrases."""
    singles = {term for word in words if isinstance(word, str) for term in analyzer.terms(word)}
    phrases = {tuple(analyzer.terms(" ".join(p))) for p in words if not isinstance(p, str)}
    return frozenset(singles), frozenset(p for p in phrases if p)


def matched(terms: list[str], singles: frozenset, phrases: frozenset) -> set[int]:
    """Return the indexes of the tokens that are a query word or lie in a run of a phrase."""
    found = {i for i, term in enumerate(terms) if term in singles}
    for phrase in phrases:
        size = len(phrase)
        for i, term in enumerate(terms):
            if term == phrase[0] and tuple(terms[i : i + size]) == phrase:
                found.update(range(i, i + size))
    return found


def fragments_around(text: str, tokens: list, hits: list[int]):
    """Yield fragments: each from a little before a match, taking the matches that fit after it.

    A fragment stays within the paragraph of its first match (paragraphs are blank-line apart).
    """
    starts = [start for start, _, _ in tokens]
    breaks = [match.start() for match in PARAGRAPH.finditer(text)]
    position, free, floor = 0, 0, 0  # `free`: the first token no earlier fragment holds
    while position < len(hits):
        first_hit = tokens[hits[position]]
        paragraph = bisect_left(breaks, first_hit[0])
        closing = breaks[paragraph] if paragraph < len(breaks) else len(text)
        first = max(free, bisect_left(starts, first_hit[0] - SURROUND))
        opening = breaks[paragraph - 1] + len(BLANK_LINE) if paragraph else 0
        begin = word_start(text, max(tokens[first][0], opening), max(floor, opening))
        last = position
        while (
            last + 1 < len(hits)
            and tokens[hits[last + 1]][1] - begin <= SNIPPET_CHARS
            and tokens[hits[last + 1]][1] <= closing
        ):
            last += 1
        end_token = hits[last]
        limit = min(tokens[end_token][1] + SURROUND, begin + SNIPPET_CHARS, closing)
        while end_token + 1 < len(tokens) and tokens[end_token + 1][1] <= limit:
            end_token += 1
        end = min(REST_OF_WORD.match(text, tokens[end_token][1]).end(), closing)
        while end_token + 1 < len(tokens) and tokens[end_token + 1][0] < end:
            end_token += 1  # the rest of the word holds more tokens: "S" of "U.S."
        # Matches in the rest of the last word are shown, so they are marked too.
        last = bisect_left(hits, end_token + 1, lo=last + 1) - 1
        marks = tuple(tokens[i][:2] for i in hits[position : last + 1])
        yield Fragment(begin, end, marks)
        position, free, floor = last + 1, end_token + 1, end


def word_start(text: str, at: int, floor: int) -> int:
    """Return where the word holding position `at` starts (after a space), not before `floor`."""
    while at > floor and not text[at - 1].isspace():
        at -= 1
    return at


def join(text: str, fragments: list[Fragment]) -> str:
    """Return the fragments as escaped HTML, joined by " … " only where words are left out."""
    pieces, end = [], None
    for fragment in fragments:
        if end is not None:
            gap = text[end : fragment.start]
            pieces.append(BETWEEN if LEFT_OUT.search(gap) else escape(gap))
        cursor = fragment.start
        for start, stop in fragment.marks:
            pieces.append(f"{escape(text[cursor:start])}<mark>{escape(text[start:stop])}</mark>")
            cursor = stop
        pieces.append(escape(text[cursor : fragment.end]))
        end = fragment.end
    return "".join(pieces)
