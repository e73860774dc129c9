"""Escaped snippets of a result's text around the query's words, matches in <mark>.

Every piece of transcript text is escaped here, explicitly; only our own <mark> tags are HTML.
Matches are the tokens whose term (from the engine's analyzer) is a query word's, or that lie in
a whole run of a phrase's terms: "we are the market" marks that run, not every "the".
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from archive.search.analysis import Analyzer

SNIPPET_CHARS, SURROUND = 320, 90
TOP = 2
BETWEEN = " … "
LEFT_OUT = re.compile(r"\w")
TRAILING = re.compile(r"[^\w\s]*")  # the punctuation closing a fragment's last word: "market."


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
    singles, phrases = query_terms(words, analyzer)
    tokens = analyzer.tokens(text) if singles or phrases else []
    hits = matched([term for _, _, term in tokens], singles, phrases)
    if not hits:
        return escape(Truncator(text).chars(SNIPPET_CHARS))
    fragments = list(fragments_around(text, tokens, sorted(hits)))
    # The best passages, the earliest of equally good ones, shown in the order of the text.
    best = heapq.nsmallest(TOP, fragments, key=lambda f: (-f.score, f.start))
    return mark_safe(join(text, sorted(best, key=lambda f: f.start)))  # every piece escaped


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
    """Yield fragments: each from a little before a match, taking the matches that fit after it."""
    starts = [start for start, _, _ in tokens]
    position, free = 0, 0  # `free`: the first token no earlier fragment holds
    while position < len(hits):
        first_hit = hits[position]
        begin = tokens[max(free, bisect_left(starts, tokens[first_hit][0] - SURROUND))][0]
        last = position
        while last + 1 < len(hits) and tokens[hits[last + 1]][1] - begin <= SNIPPET_CHARS:
            last += 1
        end_token = hits[last]
        limit = min(tokens[end_token][1] + SURROUND, begin + SNIPPET_CHARS)
        while end_token + 1 < len(tokens) and tokens[end_token + 1][1] <= limit:
            end_token += 1
        marks = tuple(tokens[i][:2] for i in hits[position : last + 1])
        end = TRAILING.match(text, tokens[end_token][1]).end()
        if end_token + 1 < len(tokens):
            end = min(end, tokens[end_token + 1][0])
        yield Fragment(begin, end, marks)
        position, free = last + 1, end_token + 1


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
