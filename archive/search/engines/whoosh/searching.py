"""The reading side of the archive's Whoosh backend: queries, filters, facets and suggestions.

- each thread keeps one open searcher and reopens it only when the index changed on disk (a new
  table of contents), so a search after a write sees the write;
- the query is matched once: the scores of every match (archive.search.scoring) give the page,
  the count and the facets, instead of a scored pass, a counting pass and a facet pass;
- narrow queries become one set of allowed documents; date ranges come from the cached column;
- facets are counted from per-segment column values cached in memory, over the ids of the hits.
"""

from __future__ import annotations

import heapq
import os
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import chain
from operator import itemgetter

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.index import TOC

from archive.search.engines.whoosh import scoring
from archive.search.results import HitPage, page_results

EMPTY = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}
NO_FACETS = {"fields": {}, "dates": {}, "queries": {}}
FEW_VALUES = 64  # a column with more distinct values is counted with a Counter


class ColumnSearchMixin:
    """Search, filters, column facets and spelling for haystack's Whoosh backend."""

    def open_searcher(self):
        """Return this thread's searcher, reopened first if the index changed since it opened."""
        if not self.setup_complete:
            self.setup()
        local = self.__dict__.setdefault("_searchers", threading.local())
        version = (os.getpid(), id(self.index), self._index_version())
        held = getattr(local, "held", None)
        if held is not None and held[0] == version and version[2] is not None:
            return held[1]
        local.held = None  # never hand out a closed searcher, even if opening fails below
        if held is not None and held[0][0] == version[0]:
            held[1].close()
        # The version is read before opening: a write in between only costs one more reopen.
        searcher = self.index.searcher()
        local.held = (version, searcher)
        self._forget_other_segments(searcher)
        return searcher

    def _forget_other_segments(self, searcher) -> None:
        """Drop the cached columns of segments the index no longer has (merged or rebuilt)."""
        live = {
            sub.reader().segment().segment_id()
            for sub, _ in searcher.leaf_searchers()
            if sub.reader().doc_count_all()
        }
        cache = self.__dict__.setdefault("_columns", {})
        # A copy of the keys: another thread's searcher may add to the cache meanwhile.
        for key in [key for key in list(cache) if key[0] not in live]:
            del cache[key]

    def _index_version(self):
        """Return what identifies the index's latest state on disk, or None if it can't tell."""
        try:
            generation = self.index.latest_generation()
            if not self.use_file_storage:
                return generation
            # A rebuild swaps in a new folder whose generation may equal the old one's.
            name = TOC._filename(self.index.indexname, generation)
            stat = os.stat(os.path.join(self.index.storage.folder, name))
        except OSError:
            return None
        return generation, stat.st_ino, stat.st_mtime_ns

    def create_spelling_suggestion(self, query_string):
        words = query_string.lower().split()
        field = self.content_field_name
        reader = self.open_searcher().reader()
        corrector = reader.corrector(field)
        # A word already in the index needs no correction, and looking that up is far
        # cheaper than the corrector's scan of the whole word list.
        return " ".join(
            word
            if any((field, stem) in reader for stem in self.schema[field].process_text(word))
            else (corrector.suggest(word, limit=1) or [word])[0]
            for word in words
        )

    def search(self, query_string, sort_by=None, start_offset=0, end_offset=None, **kwargs):
        if not self.setup_complete:
            self.setup()
        if not query_string.strip():
            return dict(EMPTY)
        parsed = self.parser.parse(query_string)
        if parsed is None or parsed is wq.NullQuery:
            return dict(EMPTY)
        names = list(kwargs.get("facets") or ())
        filters = [self.parser.parse(str(q)) for q in kwargs.get("narrow_queries") or ()]
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        searcher = self.open_searcher()
        hits = self._hits(searcher, parsed, self._allowed(searcher, filters))
        total = sum(len(found) for _, _, found in hits)
        facets = self._facet_counts(hits, names)
        first = (page_num - 1) * page_length
        if total and first >= total:
            return {**EMPTY, "hits": total, "facets": facets}
        ranked = self._ranked(hits, sort_by, first + page_length)[first:]
        page = HitPage(searcher, ranked, total)
        result = page_results(self.connection_alias, page, kwargs.get("result_class"))
        if names:
            result["facets"] = facets
        return result

    def _hits(self, searcher, parsed, allowed) -> list[tuple[object, int, dict]]:
        """Return (reader, offset, {docnum: score}) of each segment's matches the filters allow."""
        hits = []
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            if not reader.doc_count_all():
                continue
            found = scoring.scores(parsed.matcher(sub), lambda f, r=reader: self._lengths(r, f))
            if isinstance(found, scoring.Complement):
                found = found.materialize()
            if allowed is not None:
                found = {d: s for d, s in found.items() if d + offset in allowed}
            hits.append((reader, offset, found))
        return hits

    def _ranked(self, hits, sort_by, count: int) -> list[tuple[float, int]]:
        """Return the first `count` (score, docnum): by score as Whoosh ranks, or by a column."""
        if not sort_by:
            # The count-th best score first (in C), then only the documents reaching it are sorted;
            # equal scores go in document order, as in Whoosh.
            best = heapq.nlargest(count, chain.from_iterable(f.values() for _, _, f in hits))
            floor = best[-1] if best else 0
            top = sorted(
                (-s, d + offset)
                for _, offset, found in hits
                for d, s in found.items()
                if s >= floor
            )
            return [(-negated, docnum) for negated, docnum in top[:count]]
        name = sort_by[0].lstrip("-")
        keyed = [
            (values[d], d + offset, s)
            for reader, offset, found in hits
            for values in [self._column_values(reader, name)]
            for d, s in found.items()
        ]
        keyed.sort(reverse=sort_by[0].startswith("-"))
        return [(s, docnum) for _, docnum, s in keyed[:count]]

    def _allowed(self, searcher, filters) -> set | None:
        """Return the documents every filter lets through, or None when there is no filter."""
        ranges = [q for q in filters if self._is_column_range(q)]
        others = [q for q in filters if not self._is_column_range(q)]
        found = [set(searcher.docs_for_query(q)) for q in others]
        if ranges:
            found.append(self._range_docs(searcher, ranges))
        return set.intersection(*found) if found else None

    @staticmethod
    def _is_column_range(query) -> bool:
        return isinstance(query, wq.NumericRange) and not query.startexcl and not query.endexcl

    def _range_docs(self, searcher, ranges) -> set:
        # A numeric range expands into hundreds of trie terms (~1 s at 100k documents); the
        # cached, sorted column answers it with two bisections.
        docs = set()
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            if not reader.doc_count_all():
                continue
            inside = None
            for name, (low, high) in _bounds(ranges).items():
                keys, order = self._sorted_column(reader, name)
                first = 0 if low is None else bisect_left(keys, low)
                span = set(order[first : len(keys) if high is None else bisect_right(keys, high)])
                inside = span if inside is None else inside & span
            docs.update(d + offset for d in inside)
        return docs

    def _facet_counts(self, hits, names) -> dict:
        """Return haystack's facets of every hit, counted from cached column values."""
        if not names:
            return dict(NO_FACETS)
        counts = {name: Counter() for name in names}
        for reader, _, found in hits:
            for name in names:
                counts[name].update(self._count_column(reader, name, found))
        fields = {
            name: sorted(((v, n) for v, n in found.items() if v), key=lambda i: (-i[1], i[0]))
            for name, found in counts.items()
        }
        return {**NO_FACETS, "fields": fields}

    def _count_column(self, reader, name, docs) -> dict:
        """Return {value: documents} of a segment's column over `docs`."""
        distinct, codes = self._coded_column(reader, name)
        if codes is None:
            return Counter(map(self._column_values(reader, name).__getitem__, docs))
        # A byte per document, counted by bytes.count() in C: a third of the cost of a Counter.
        # itemgetter picks the bytes in C, a third of the cost of a map; given one document it
        # would return that byte alone rather than a tuple.
        if len(docs) > 1:
            picked = bytes(itemgetter(*docs)(codes))
        else:
            picked = bytes(map(codes.__getitem__, docs))
        return {value: n for code, value in enumerate(distinct) if (n := picked.count(code))}

    def _coded_column(self, reader, name) -> tuple[list | None, bytes | None]:
        """Return a column's distinct values and a byte code per document, if they are few."""

        def build():
            values = self._column_values(reader, name)
            distinct = sorted(set(values), key=str)
            if len(distinct) > FEW_VALUES:
                return None, None
            code = {value: n for n, value in enumerate(distinct)}
            return distinct, bytes(code[value] for value in values)

        return self._cached(reader, ("coded", name), build)

    def _column_values(self, reader, name) -> list:
        """Return a segment's column as a list, read once: a segment's files never change."""
        return self._cached(reader, name, lambda: list(reader.column_reader(name)))

    def _sorted_column(self, reader, name) -> tuple[list, list]:
        """Return a segment's column values in order and the document of each."""

        def build():
            values = self._column_values(reader, name)
            order = sorted(range(len(values)), key=values.__getitem__)
            return [values[d] for d in order], order

        return self._cached(reader, ("sorted", name), build)

    def _lengths(self, reader, field) -> list:
        """Return a segment's length bytes of a text field, one per document."""
        column = f"_{field}_len"

        def build():
            # Whoosh keeps lengths in a column of its own, not in the schema's fields.
            perdoc = reader._perdoc
            if not perdoc.has_column(column):
                return [0] * reader.doc_count_all()
            return list(perdoc.column_reader(column, LENGTHS_COLUMN))

        return self._cached(reader, column, build)

    def _cached(self, reader, name, build):
        key = (reader.segment().segment_id(), name)
        cache = self.__dict__.setdefault("_columns", {})
        if key not in cache:
            cache[key] = build()
        return cache[key]


def _bounds(ranges) -> dict:
    """Return each field's narrowest (low, high) of the ranges on it: "from" and "to" are two."""
    bounds = {}
    for query in ranges:
        low, high = bounds.get(query.fieldname, (None, None))
        if query.start is not None and (low is None or query.start > low):
            low = query.start
        if query.end is not None and (high is None or query.end < high):
            high = query.end
        bounds[query.fieldname] = (low, high)
    return bounds
