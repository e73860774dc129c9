"""Escaped snippets of a result's text around the query's words, matches in <mark>.

Whoosh's highlight() passes every word of the text through its analyzer's chain of generators
(~5 µs a word: a long speech costs tens of milliseconds), and its fragmenter walks all of them.
The same tokens come here from the analyzer's own pattern, lower-casing and a cached stemmer;
only the stretches around matches go through Whoosh's fragmenter, fragment scorer and formatter.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from whoosh.analysis import Token
from whoosh.highlight import FIRST, BasicFragmentScorer, ContextFragmenter, Formatter, get_text
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

from archive.search.engines.whoosh.backend import text_analyzer

SNIPPET_CHARS, SURROUND = 320, 90
# The analyzer's tokens (whoosh.analysis.tokenizers.default_pattern, r"\w+(\.?\w+)*"), found
# without its capturing group's backtracking: the same spans in two thirds of the time.
TOKEN = re.compile(r"\w+(?:\.\w+)*")
TOP = 2
LEFT_OUT = re.compile(r"\w")
_stem = lru_cache(maxsize=50_000)(stem)


def fold(word: str) -> str:
    """Return a word lower-cased and accent-folded, as the analyzer folds it before stemming."""
    return word.lower().translate(accent_map)


class MarkFormatter(Formatter):
    """Escape every piece of the transcript first; only our own <mark> tags stay HTML."""

    between = " … "

    def _text(self, text):
        return escape(text)

    def format_token(self, text, token, replace=False):
        return f"<mark>{escape(get_text(text, token, replace))}</mark>"

    def format(self, fragments, replace=False):
        """Join the fragments (in text order) with " … " only where words between are left out."""
        pieces, end = [], None
        for fragment in fragments:
            if end is not None:
                # The fragmenter cuts a run of matches at its size limit and starts the next
                # fragment at the very next word: "trans-criminal … organized" left nothing out.
                gap = fragment.text[end : fragment.startchar]
                pieces.append(self.between if LEFT_OUT.search(gap) else self._text(gap))
            pieces.append(self.format_fragment(fragment, replace=replace))
            end = fragment.endchar
        return "".join(pieces)


def snippet(text: str, words: list) -> SafeString:
    """Return the passages of `text` around the query's words, escaped, with matches marked."""
    # A word is a str, a phrase the tuple of its words: only a phrase's whole runs are marked,
    # not every "the" of "we are the market".
    singles, phrases = query_terms(tuple(words))
    fragments = list(_fragments(text, singles, phrases)) if singles or phrases else []
    # Whoosh's top_fragments() breaks ties by the fragments' memory addresses; the earliest of
    # equally good passages is chosen here instead.
    scorer = BasicFragmentScorer()
    best = [f for f in heapq.nlargest(TOP, fragments, key=scorer) if scorer(f) >= 1]
    if not best:
        return escape(Truncator(text).chars(SNIPPET_CHARS))
    # Safe: MarkFormatter escaped every piece of the transcript; only its <mark> tags are HTML.
    return mark_safe(MarkFormatter().format(sorted(best, key=FIRST)))


@lru_cache(maxsize=256)
def query_terms(words: tuple) -> tuple[frozenset, frozenset]:
    """Return the analyzed terms of the query's words and phrases, once per page, not per row."""
    analyze = text_analyzer()
    singles = [word for word in words if isinstance(word, str)]
    phrases = (tuple(t.text for t in analyze(" ".join(p))) for p in words if not isinstance(p, str))
    return frozenset(t.text for t in analyze(" ".join(singles))), frozenset(p for p in phrases if p)


def matched(stems: list[str], singles: frozenset, phrases: frozenset) -> set[int]:
    """Return the indexes of the tokens that are a query word or lie in a run of a phrase."""
    found = {i for i, stem_ in enumerate(stems) if stem_ in singles}
    for phrase in phrases:
        size = len(phrase)
        for i, stem_ in enumerate(stems):
            if stem_ == phrase[0] and tuple(stems[i : i + size]) == phrase:
                found.update(range(i, i + size))
    return found


def _fragments(text: str, singles: frozenset, phrases: frozenset):
    """Yield Whoosh's fragments of the text, fragmenting only the stretches around matches."""
    spans = [(m.start(), m.end(), _stem(fold(m.group()))) for m in TOKEN.finditer(text)]
    hits = matched([stem_ for _, _, stem_ in spans], singles, phrases)
    starts = [start for start, _, _ in spans]
    fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=SURROUND)
    for first, last in _stretches(spans, starts, hits):
        yield from fragmenter.fragment_tokens(text, _tokens(spans, first, last, hits))


def _stretches(spans, starts, hits: set[int]) -> list[tuple[int, int]]:
    """Return merged [first, last) token ranges reaching well past each match on both sides.

    A fragment starts at most SURROUND characters before its first match and holds at most
    SNIPPET_CHARS characters of words, so the fragmenter needs nothing further away.
    """
    stretches = []
    for index in sorted(hits):
        start, end, _ = spans[index]
        first = bisect_left(starts, start - 2 * SURROUND)
        last = bisect_right(starts, end + 2 * SNIPPET_CHARS)
        if stretches and first <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], last)
        else:
            stretches.append((first, last))
    return stretches


def _tokens(spans, first: int, last: int, hits: set[int]):
    """Yield the spans [first, last) as the tokens of the stemming analyzer, matches flagged."""
    token = Token(chars=True, removestops=False, mode="query")
    token.boost = 1.0
    for index in range(first, last):
        token.startchar, token.endchar, token.text = spans[index]
        token.matched = index in hits
        yield token
