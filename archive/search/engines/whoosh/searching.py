"""The reading side of the archive's Whoosh backend: queries, filters, facets and suggestions.

- each thread keeps one open searcher and refreshes it when the index changed: a search after a
  write sees the write, and a rebuild (a new folder) is noticed by the folder's inode;
- filters (narrow queries) are one Whoosh filter; facets are counted by Whoosh over every hit;
- only the ids are stored, so a page of results is read from the database.
"""

from __future__ import annotations

import os
import threading

from haystack.backends import log_query
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from whoosh import query as wq
from whoosh.sorting import Count, FieldFacet

from archive.search import documents, results
from archive.search.documents import TEXT_FIELDS


class SearchingMixin:
    """Search, filters, facets and spelling for haystack's Whoosh backend."""

    def open_searcher(self):
        """Return this thread's searcher, refreshed first if the index changed since it opened."""
        if not self.setup_complete:
            self.setup()
        local = self.__dict__.setdefault("_searchers", threading.local())
        folder = os.stat(self.path).st_ino if self.use_file_storage else None
        held = getattr(local, "held", None)
        if held is not None and held[0] == folder:
            if not held[1].up_to_date():
                local.held = (folder, held[1].refresh())
            return local.held[1]
        if held is not None:
            held[1].close()
            self.setup()  # a rebuild swapped in a new folder: open the index there
        local.held = (folder, self.index.searcher())
        return local.held[1]

    @log_query
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        narrow_queries=None,
        result_class=None,
        **kwargs,
    ):
        if not self.setup_complete:
            self.setup()
        parsed = self.parser.parse(str(query_string)) if str(query_string).strip() else None
        if parsed is None or parsed is wq.NullQuery:
            return results.empty()
        searcher = self.open_searcher()
        filters = [self.parser.parse(str(q)) for q in narrow_queries or ()]
        options = {"limit": end_offset or None}
        if filters:
            options["filter"] = wq.And(filters) if len(filters) > 1 else filters[0]
        if sort_by:
            options["sortedby"] = sort_by[0].lstrip("-")
            options["reverse"] = sort_by[0].startswith("-")
        names = list(facets or ())
        if names:
            options["groupedby"] = {name: FieldFacet(name, maptype=Count) for name in names}
        found = searcher.search(parsed, **options)
        hits = [
            (0.0 if sort_by else hit.score, hit[DJANGO_CT], int(hit[DJANGO_ID]))
            for hit in found[start_offset:end_offset]
        ]
        answer = results.answer(self.connection_alias, hits, len(found), result_class)
        if names:
            answer["facets"] = results.facet_fields({name: found.groups(name) for name in names})
        return answer

    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        result_class=None,
        **kwargs,
    ):
        """Return the documents whose words are most like the instance's own document's."""
        searcher = self.open_searcher()
        document = documents.of_utterance(model_instance)
        docnum = searcher.document_number(**{ID: document[ID]})
        if docnum is None:
            return results.empty()
        extra = str(additional_query_string or "").strip()
        found = searcher.more_like(
            docnum,
            self.content_field_name,
            # The turn's own words, original and interpreted, as tantivy's likeness reads them.
            text="\n".join(document[name] for name in ("text", "via_interpreter")),
            top=end_offset or 20,
            filter=self.parser.parse(extra) if extra and extra != "*" else None,
        )
        hits = [(hit.score, hit[DJANGO_CT], int(hit[DJANGO_ID])) for hit in found[start_offset:]]
        return results.answer(self.connection_alias, hits, len(found), result_class)

    def create_spelling_suggestion(self, query_string):
        words = query_string.lower().split()
        reader = self.open_searcher().reader()
        corrector = reader.corrector(self.content_field_name)
        # A word already in the index needs no correction, and looking that up is far
        # cheaper than the corrector's scan of the whole word list.
        return " ".join(
            word
            if any(
                (field, stem) in reader
                for field in TEXT_FIELDS
                for stem in self.schema[field].process_text(word)
            )
            else (corrector.suggest(word, limit=1) or [word])[0]
            for word in words
        )
