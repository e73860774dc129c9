"""haystack's Whoosh backend made fit for this archive, through Whoosh's public API only.

What it changes, and why (figures in /work/shared/notes/haystack-whoosh.md):
- writes wait for Whoosh's lock at most LOCK_TIMEOUT seconds and raise IndexBusy instead of
  logging, so the queue (archive.search.queue) keeps the work rather than losing it;
- a batch is one writer and one delete query for all its ids (haystack's update_document reopens
  a searcher per document on Whoosh 2.7.4, ~50 documents/s);
- a rebuild writes a fresh index beside the live one with a single writer and swaps it in;
- keyword fields (facets, filters) are whole-value ID fields with a column, so facets come back as
  whole values; the text fields are folded and stemmed but keep stopwords, for exact phrases;
- words without a field ("content") are searched in every text field; a match in a text field
  scores its BM25F score times the field's boost, as tantivy's boost queries do;
- searching, filters and facets live in archive.search.engines.whoosh.searching.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from haystack import connections
from haystack.backends.whoosh_backend import WhooshSearchBackend
from haystack.constants import DJANGO_ID, ID
from haystack.utils import get_identifier
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import NUMERIC, STORED, TEXT
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.qparser import FuzzyTermPlugin, MultifieldPlugin, QueryParser
from whoosh.support.charset import accent_map

from archive.search.documents import TEXT_FIELDS, identifier
from archive.search.engines import IndexBusy
from archive.search.engines.whoosh.searching import SearchingMixin


def text_analyzer():
    """Return the analyzer of the document text: case- and accent-folded, stemmed, no stoplist."""
    # Folded before stemming, so "Sanchez" finds Sánchez and "cafe" café, as readers type them.
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StemFilter()


class Analyzer:
    """The text analyzer as snippets use it: tokens with character offsets, and terms."""

    def __init__(self):
        self.analyze = text_analyzer()

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        return [(t.startchar, t.endchar, t.text) for t in self.analyze(text, chars=True)]

    def terms(self, text: str) -> list[str]:
        return [t.text for t in self.analyze(text)]


class WeighingParser(QueryParser):
    """Whoosh's parser over every text field, each match's score weighed by its field's weight."""

    def __init__(self, weights: dict[str, float], schema):
        # What whoosh.qparser.MultifieldParser builds, with the weights applied after parsing.
        super().__init__(None, schema)
        self.add_plugin(MultifieldPlugin(list(weights)))
        self.weights = weights

    def parse(self, text, normalize=True, debug=False):
        query = super().parse(text, normalize=normalize, debug=debug)
        # After parsing, so words given a field ("names:(kelly)") are weighed as well.
        for leaf in query.leaves():
            weight = self.weights.get(leaf.field(), 1.0)
            if weight != 1.0:
                leaf.boost *= weight
        return query


class ArchiveWhooshBackend(SearchingMixin, WhooshSearchBackend):
    """Whoosh with bounded locks, batched writes, swapped-in rebuilds and whole-value facets."""

    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.lock_timeout = float(options.get("LOCK_TIMEOUT", 2.0))
        self.limitmb = int(options.get("LIMITMB", 256))

    def analyzer(self) -> Analyzer:
        return Analyzer()

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            name = field.index_fieldname
            replacement = self._field_type(field)
            if replacement is not None:
                schema.remove(name)
                schema.add(name, replacement)
        return content_field_name, schema

    def setup(self):
        super().setup()
        # Words without a field search every text field (haystack's parser: the text alone).
        fields = connections[self.connection_alias].get_unified_index().all_searchfields()
        weights = {name: float(fields[name].boost) for name in TEXT_FIELDS}
        self.parser = WeighingParser(weights, schema=self.schema)
        self.parser.add_plugins([FuzzyTermPlugin])

    def _field_type(self, field):
        if field.index_fieldname in TEXT_FIELDS:
            return TEXT(stored=False, analyzer=text_analyzer(), spelling=True)
        if hasattr(field, "facet_for"):
            return WHOOSH_ID(stored=False, sortable=True)
        if not field.indexed:
            return STORED()
        if field.field_type == "integer":
            return NUMERIC(stored=False, numtype=int, bits=32, sortable=True)
        return None

    def whoosh_document(self, doc: dict) -> dict:
        """Return the Whoosh fields of an archive document (archive.search.documents)."""
        # Booleans stay booleans and numbers numbers; the ids are text, as haystack keeps them.
        fields = {key: value for key, value in doc.items() if value is not None}
        fields[DJANGO_ID] = str(fields[DJANGO_ID])
        return fields

    def writer(self, index=None, **kwargs):
        """Open a writer, waiting for the lock at most LOCK_TIMEOUT seconds (IndexBusy after)."""
        if not self.setup_complete:
            self.setup()
        try:
            return (index or self.index).writer(
                timeout=self.lock_timeout, delay=0.05, compound=False, **kwargs
            )
        except LockError as error:
            raise IndexBusy(str(error)) from error

    def write(self, documents: Iterable[dict], removed_ids: Iterable[int] = ()) -> int:
        """Replace the documents given and delete `removed_ids`, in one commit; return how many."""
        documents = list(documents)
        identifiers = [doc[ID] for doc in documents] + [identifier(pk) for pk in removed_ids]
        if not identifiers:
            return 0
        writer = self.writer()
        try:
            with writer.searcher() as searcher:
                terms = [wq.Term(ID, name) for name in identifiers]
                writer.delete_by_query(wq.Or(terms), searcher=searcher)
            for doc in documents:
                writer.add_document(**self.whoosh_document(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return len(identifiers)

    def update(self, index, iterable, commit=True):
        self.write(index.full_prepare(obj) for obj in iterable)

    def remove(self, obj_or_string, commit=True):
        name = get_identifier(obj_or_string)
        self.write((), [int(name.rsplit(".", 1)[1])])

    def rebuild(self, documents: Iterable[dict]) -> int:
        """Write every document into a fresh index beside the live one, then swap it in."""
        if not self.setup_complete:
            self.setup()
        fresh = Path(f"{self.path}.rebuilding")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        writer = (
            FileStorage(str(fresh))
            .create_index(self.schema)
            .writer(limitmb=self.limitmb, compound=False)
        )
        count = 0
        try:
            for doc in documents:
                writer.add_document(**self.whoosh_document(doc))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=True)
        self._swap(fresh)
        return count

    def _swap(self, fresh: Path) -> None:
        live, old = Path(self.path), Path(f"{self.path}.old")
        shutil.rmtree(old, ignore_errors=True)
        if live.exists():
            os.replace(live, old)
        os.replace(fresh, live)
        shutil.rmtree(old, ignore_errors=True)
        self.setup()

    def indexed_digests(self) -> list[tuple[int, int]]:
        """Return (utterance id, digest) of every live document; a repeated id is a duplicate."""
        if not self.setup_complete:
            self.setup()
        with self.index.searcher() as searcher:
            return [
                (int(fields[DJANGO_ID]), fields.get("digest"))
                for fields in searcher.reader().all_stored_fields()
            ]

    def indexed_ids(self) -> list[str]:
        """Return the django_id of every live document, as strings."""
        return [str(pk) for pk, _ in self.indexed_digests()]
