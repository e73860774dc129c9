"""The reading side of the archive's Whoosh backend: queries, filters, facets and suggestions.

- narrow queries become one set of allowed documents, found once for the page and the facets;
  date ranges come from the cached column instead of hundreds of trie terms;
- facets are counted from per-segment column values cached in memory, over the ids of the hits,
  instead of three facet key lookups per hit inside Whoosh's scoring collector.
"""

from __future__ import annotations

from collections import Counter

from whoosh import query as wq

EMPTY = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}


class ColumnSearchMixin:
    """Search, filters, column facets and spelling for haystack's Whoosh backend."""

    def create_spelling_suggestion(self, query_string):
        if not self.setup_complete:
            self.setup()
        words = query_string.lower().split()
        field = self.content_field_name
        with self.index.reader() as reader:
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
        options = self._search_options(sort_by, kwargs.get("narrow_queries"))
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        with self.index.searcher() as searcher:
            # The filter's documents are found once, for the page and for the facet counts.
            allowed = self._allowed(searcher, options.pop("filters", ()))
            raw_page = searcher.search_page(
                parsed, page_num, pagelen=page_length, filter=allowed, **options
            )
            counted = self._facet_counts(searcher, parsed, allowed, names)
            if raw_page.pagenum < page_num:
                return self._beyond_last_page(raw_page, counted)
            result = self._process_results(raw_page, result_class=kwargs.get("result_class"))
        if names:
            result["facets"] = counted
        return result

    def _search_options(self, sort_by, narrow_queries):
        options = {}
        if sort_by:
            options["reverse"] = sort_by[0].startswith("-")
            options["sortedby"] = [field.lstrip("-") for field in sort_by]
        if narrow_queries:
            options["filters"] = [self.parser.parse(str(narrow)) for narrow in narrow_queries]
        return options

    def _allowed(self, searcher, filters) -> set | None:
        """Return the documents every filter lets through, or None when there is no filter."""
        found = [self._filter_docs(searcher, query) for query in filters]
        return set.intersection(*found) if found else None

    def _filter_docs(self, searcher, query) -> set:
        # A numeric range expands into hundreds of trie terms (~1 s at 100k documents); the
        # cached column answers it in a few milliseconds.
        if not isinstance(query, wq.NumericRange) or query.startexcl or query.endexcl:
            return set(searcher.docs_for_query(query))
        low, high = query.start, query.end
        docs = set()
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            values = self._column_values(sub.reader(), query.fieldname)
            docs.update(
                offset + d
                for d in sub.reader().all_doc_ids()
                if (low is None or values[d] >= low) and (high is None or values[d] <= high)
            )
        return docs

    def _facet_counts(self, searcher, parsed, allowed, names) -> dict:
        """Return haystack's facets of every hit, counted from cached column values."""
        counts = {name: Counter() for name in names}
        for sub, offset in (searcher.subsearchers or [(searcher, 0)]) if names else ():
            hits = parsed.docs(sub)
            if allowed is not None:
                hits = [d for d in hits if d + offset in allowed]
            hits = list(hits)
            for name in names:
                values = self._column_values(sub.reader(), name)
                counts[name].update(map(values.__getitem__, hits))
        fields = {
            name: sorted(((v, n) for v, n in found.items() if v), key=lambda i: (-i[1], i[0]))
            for name, found in counts.items()
        }
        return {"fields": fields, "dates": {}, "queries": {}}

    def _column_values(self, reader, name) -> list:
        """Return a segment's column as a list, read once: a segment's files never change."""
        key = (reader.segment().segment_id(), name)
        cache = self.__dict__.setdefault("_columns", {})
        if key not in cache:
            if len(cache) > 64:
                cache.clear()
            cache[key] = list(reader.column_reader(name))
        return cache[key]

    def _beyond_last_page(self, raw_page, facets):
        return {
            "results": [],
            "hits": raw_page.total,
            "facets": facets,
            "spelling_suggestion": None,
        }
