"""Haystack inputs of the archive's own: a phrase whose words may stand a little apart."""

from __future__ import annotations

from haystack.inputs import Exact


class Near(Exact):
    """A phrase matched with up to `gaps` other words between its words (Lucene's "…"~gaps).

    An Exact to haystack, so every backend that knows phrases reads it as one; the archive's
    engines apply the gaps (tantivy's phrase slop, Whoosh's slop of one more), and haystack's
    Elasticsearch backend passes the Lucene form to its query string.
    """

    def __init__(self, query_string: str, gaps: int = 1, **kwargs):
        super().__init__(query_string, **kwargs)
        self.gaps = gaps

    def prepare(self, query_obj) -> str:
        phrase = super().prepare(query_obj)
        slop = getattr(query_obj, "phrase_slop", lambda gaps: gaps)(self.gaps)
        return f"{phrase}~{slop}"
