"""haystack's Whoosh backend made fit for this archive.

What it changes, and why (figures in /work/shared/notes/haystack-whoosh.md):
- writes wait for Whoosh's lock at most LOCK_TIMEOUT seconds and raise instead of logging,
  so the queue in archive.indexing keeps the work rather than losing it;
- a batch is one writer: one delete query for all its ids, then add_document (haystack's
  update_document reopens a searcher per document on Whoosh 2.7.4, ~50 documents/s);
- a rebuild writes a fresh index beside the live one with a single writer and swaps it in;
- keyword fields (facets, filters) are whole-value ID fields with a column, so facet counts come
  back as whole values and are read from the column instead of every posting list;
- segments are written as separate files, not one compound file: Whoosh reads a compound file's
  parts through BytesIO, which copies each part into memory at every searcher's opening;
- searching, filters and facets live in archive.search.querying;
- the text keeps stopwords, so "we are the market" is an exact phrase;
- spelling words go into the word list once per writer with their document counts, instead of
  once per document through a second analysis (a third of a rebuild's time).
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import NUMERIC, STORED, TEXT
from whoosh.filedb.filestore import FileStorage
from whoosh.support.charset import accent_map

from archive.search.engines.whoosh.searching import ColumnSearchMixin

SPELLING_WORD = re.compile(r"\w+(?:\.?\w+)*")  # the tokenizer's default pattern


def _cached_reader(self, fieldname, column):
    """Whoosh 2.7.4's version, remembering misses too: a segment's files never change."""
    if fieldname not in self._readers:
        present = self.has_column(fieldname)
        self._readers[fieldname] = self.column_reader(fieldname, column) if present else None
    return self._readers[fieldname]


# Whoosh asks the file system whether a length column exists for every posting of a field that
# has none (ID, numeric): 90 stat calls per document, half of a rebuild's time.
W3PerDocReader._cached_reader = _cached_reader


class ArchiveText(TEXT):
    """The document text; the backend adds its spelling words per writer, not per document."""

    def spellable_words(self, value):
        return iter(())


def text_analyzer():
    """Return the analyzer of the document text: case- and accent-folded, stemmed, no stoplist."""
    # Folded before stemming, so "Sanchez" finds Sánchez and "cafe" café, as readers type them.
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StemFilter()


class ArchiveWhooshBackend(ColumnSearchMixin, WhooshSearchBackend):
    """Whoosh with bounded locks, batched writes, fast rebuilds and column facets."""

    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.lock_timeout = float(options.get("LOCK_TIMEOUT", 2.0))
        self.limitmb = int(options.get("LIMITMB", 256))

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            name = field.index_fieldname
            replacement = self._field_type(field)
            if replacement is not None:
                schema.remove(name)
                schema.add(name, replacement)
        return content_field_name, schema

    def _field_type(self, field):
        if field.document:
            return ArchiveText(stored=False, analyzer=text_analyzer(), spelling=True)
        if hasattr(field, "facet_for"):
            return WHOOSH_ID(stored=True, sortable=True)
        if not field.indexed:
            return STORED()
        if field.field_type == "integer":
            # yyyymmdd fits 32 bits; shift_step 8 writes 4 trie terms per value instead of 8.
            return NUMERIC(stored=field.stored, numtype=int, bits=32, shift_step=8, sortable=True)
        return None

    def document(self, index, obj):
        """Return the Whoosh document of one object, or None when the index skips it."""
        try:
            prepared = index.full_prepare(obj)
        except SkipDocument:
            return None
        prepared.pop("boost", None)
        # Booleans stay booleans: haystack would store "false", which reads back as truthy.
        return {
            key: value if isinstance(value, bool) else self._from_python(value)
            for key, value in prepared.items()
            if value is not None
        }

    def writer(self, timeout=None, **kwargs):
        """Open a writer, waiting for the lock at most `timeout` seconds (LockError after)."""
        if not self.setup_complete:
            self.setup()
        wait = self.lock_timeout if timeout is None else timeout
        return self.index.writer(timeout=wait, delay=0.05, compound=False, **kwargs)

    def sync(self, index, objects, removed_identifiers=()):
        """Replace the documents of `objects` and delete `removed_identifiers`, in one commit."""
        objects = list(objects)
        identifiers = [get_identifier(obj) for obj in objects] + list(removed_identifiers)
        if not identifiers:
            return
        writer = self.writer()
        try:
            with writer.searcher() as searcher:
                terms = [wq.Term(ID, identifier) for identifier in identifiers]
                writer.delete_by_query(wq.Or(terms), searcher=searcher)
            self._add(writer, index, objects)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def update(self, index, iterable, commit=True):
        self.sync(index, iterable)

    def remove(self, obj_or_string, commit=True):
        self.sync(None, (), [get_identifier(obj_or_string)])

    def rebuild(self, index, objects) -> int:
        """Write every object into a fresh index beside the live one, then swap it in."""
        if not self.setup_complete:
            self.setup()
        if not self.use_file_storage:
            self.clear()
            self.update(index, list(objects))
            return self.index.doc_count()
        fresh = Path(f"{self.path}.rebuilding")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        fresh_index = FileStorage(str(fresh)).create_index(self.schema)
        count = self._load(index, fresh_index, objects)
        self._swap(fresh)
        return count

    def _load(self, index, fresh_index, objects) -> int:
        writer = fresh_index.writer(limitmb=self.limitmb, compound=False)
        try:
            count = self._add(writer, index, objects)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=True)
        return count

    def _add(self, writer, index, objects) -> int:
        """Add the documents of `objects` and their spelling words; return how many."""
        field, words, count = self.content_field_name, Counter(), 0
        for obj in objects:
            doc = self.document(index, obj)
            if doc is not None:
                writer.add_document(**doc)
                words.update(set(SPELLING_WORD.findall(doc.get(field, "").lower())))
                count += 1
        fieldobj = writer.schema[field]
        spelling, position = fieldobj.spelling_fieldname(field), fieldobj.format.encode([0])
        for word, documents in words.items():
            # As Whoosh's own add_document does: all on document 0, weighted by documents.
            writer.pool.add((spelling, word.encode("utf-8"), 0, documents, position))
        return count

    def _swap(self, fresh: Path) -> None:
        live, old = Path(self.path), Path(f"{self.path}.old")
        shutil.rmtree(old, ignore_errors=True)
        if live.exists():
            os.replace(live, old)
        os.replace(fresh, live)
        shutil.rmtree(old, ignore_errors=True)
        self.setup()

    def indexed_ids(self) -> list[str]:
        """Return the django_id of every live document (a repeated id means a duplicate)."""
        if not self.setup_complete:
            self.setup()
        with self.index.searcher() as searcher:
            return [fields["django_id"] for fields in searcher.reader().all_stored_fields()]


class ArchiveWhooshEngine(BaseEngine):
    """The engine setting that selects the archive's Whoosh backend."""

    backend = ArchiveWhooshBackend
    query = WhooshSearchQuery
