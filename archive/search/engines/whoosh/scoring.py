"""Score a Whoosh matcher tree in bulk: whole posting blocks at a time, not one call per document.

Whoosh 2.7.4 scores a document through a dozen Python calls (a length read from the column file
among them), ~6 µs a document; a word in a tenth of 100k utterances costs ~70 ms that way. Reading a
term's posting blocks whole and scoring them in one comprehension, with the lengths cached per
segment, gives exactly Whoosh's BM25F scores in a few milliseconds. The sums of AND and OR follow
Whoosh's own order of addition, so the ranking is the same. Matchers this module does not know
(phrases, spans) are walked document by document the usual way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import IntersectionMatcher, NullMatcherClass, UnionMatcher
from whoosh.matching.wrappers import FilterMatcher, InverseMatcher
from whoosh.scoring import BM25FScorer
from whoosh.util.numeric import byte_to_length

# Whoosh reads a missing length (byte 0) as 1, as doc_field_length(docnum, field, 1) does.
LENGTHS = [1] + [byte_to_length(byte) for byte in range(1, 256)]


@dataclass
class Complement:
    """The documents from `start` below `limit` neither `excluded` nor `missing`: a NOT clause."""

    excluded: dict | set
    start: int
    limit: int
    missing: Callable
    weight: float

    def __contains__(self, docnum: int) -> bool:
        return docnum >= self.start and docnum not in self.excluded and not self.missing(docnum)

    def materialize(self) -> dict:
        """Return {docnum: score} of every document the complement holds."""
        return {d: self.weight for d in range(self.start, self.limit) if d in self}


def scores(matcher, lengths: Callable[[str], list]) -> dict | Complement:
    """Return {segment docnum: Whoosh's score} of what a fresh `matcher` matches; consume it.

    `lengths(fieldname)` returns the segment's length bytes of that field, one per document.
    """
    kind = type(matcher)
    if kind is W3LeafMatcher and type(matcher.scorer) is BM25FScorer:
        return _leaf(matcher, lengths(matcher.term()[0]))
    if kind is IntersectionMatcher:
        return _both(scores(matcher.a, lengths), scores(matcher.b, lengths))
    if kind is UnionMatcher:
        return _either(scores(matcher.a, lengths), scores(matcher.b, lengths))
    if kind is FilterMatcher and matcher._exclude and matcher.boost == 1.0:
        return _drop(scores(matcher.child, lengths), matcher._ids)
    if kind is InverseMatcher:
        if not matcher.is_active():
            return {}
        # The child already moved past the documents below the first id; they are not matched.
        found = _dict(scores(matcher.child, lengths))
        return Complement(found, matcher.id(), matcher.limit, matcher.missing, matcher._weight)
    if kind is NullMatcherClass:
        return {}
    return _walk(matcher)


def _dict(found) -> dict:
    return found.materialize() if isinstance(found, Complement) else found


def _drop(found, dropped):
    if isinstance(found, Complement):
        found.excluded = set(found.excluded) | set(dropped)
        return found
    return {d: s for d, s in found.items() if d not in dropped}


def _walk(matcher) -> dict:
    found = {}
    while matcher.is_active():
        found[matcher.id()] = matcher.score()
        matcher.next()
    return found


def _leaf(matcher, length_bytes: list) -> dict:
    scorer = matcher.scorer
    idf, K1, B, avgfl = scorer.idf, scorer.K1, scorer.B, scorer.avgfl
    k1_plus_1 = K1 + 1
    # Whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))).
    norms = [K1 * ((1 - B) + B * fl / avgfl) for fl in LENGTHS]
    found = {}
    for ids, weights in _blocks(matcher):
        found.update(
            (d, idf * ((w * k1_plus_1) / (w + norms[length_bytes[d]])))
            for d, w in zip(ids, weights, strict=True)
        )
    return found


def _blocks(matcher):
    """Yield the (ids, weights) of each posting block from the matcher's position on."""
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        start = matcher._i
        yield matcher._ids[start:], matcher._weights[start:]
        matcher._next_block()


def _both(a, b):
    """AND: the score is a's plus b's, in Whoosh's order."""
    if isinstance(a, Complement) and isinstance(b, Complement):
        a = a.materialize()
    if isinstance(a, Complement):
        return {d: a.weight + s for d, s in b.items() if d in a}
    if isinstance(b, Complement):
        return {d: s + b.weight for d, s in a.items() if d in b}
    if len(b) < len(a):
        return {d: a[d] + s for d, s in b.items() if d in a}
    return {d: s + b[d] for d, s in a.items() if d in b}


def _either(a, b):
    """OR: the sum of the scores of the sides that match, in Whoosh's order."""
    a, b = _dict(a), _dict(b)
    both = {d: s + b[d] for d, s in a.items() if d in b}
    return {**b, **a, **both}
