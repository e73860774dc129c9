"""A haystack backend on tantivy (Rust, embedded): the archive's default engine.

Writes replace documents by their integer id in one commit and add their new words to the word
list; a rebuild fills a fresh generation (archive.search.engines.tantivy.store) and swaps it in.
Searches compile the query's node tree (archive.search.engines.tantivy.query) to one tantivy
query: the page, the total and every facet come from it, the facets counted over all hits.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

import tantivy
from haystack import connections
from haystack.backends import BaseSearchBackend, log_query
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.utils import get_identifier, get_model_ct

from archive.search import results
from archive.search.documents import TEXT_FIELDS
from archive.search.engines import IndexBusy
from archive.search.engines.tantivy import schema, spelling, store
from archive.search.engines.tantivy.compile import Compiler
from archive.search.engines.tantivy.query import MATCH_ALL, Bool, Syntax, Terms

PAGE = 20
SAID = ("text", "via_interpreter")
# Facets are counted exactly when every segment reports all its values, not only its top ones.
FACET_SIZE, SEGMENT_SIZE = 1000, 1_000_000
ID_RANGE = 200_000
# A rebuild gives the word list the words of every fourth document (the unstemmed words cost a
# third of tantivy's indexing time): a word used in ten documents is missed once in 18, one used
# once three times in four. Every later write adds all the words of what it writes.
WORD_SAMPLE = 4
_ANALYZER = schema.text_analyzer()


class Analyzer:
    """The text analyzer as snippets use it: tokens with character offsets, and terms."""

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        return [
            (t.char_offset_from, t.char_offset_to, t.text)
            for t in _ANALYZER.pre_tokenize(text).tokens
        ]

    def terms(self, text: str) -> list[str]:
        return _ANALYZER.analyze(text)


def all_words(doc: dict) -> str:
    """Return the words of every text field of a document, for the word list."""
    return "\n".join(doc[name] for name in TEXT_FIELDS)


class TantivySearchBackend(BaseSearchBackend):
    """Search, facets, spelling and writes on a tantivy index folder (PATH)."""

    content_field_name = schema.CONTENT
    analysed_fields = frozenset({schema.CONTENT, *TEXT_FIELDS, schema.WORDS})

    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.root = Path(options["PATH"])
        self.lock_timeout = float(options.get("LOCK_TIMEOUT", 2.0))
        self.heap_bytes = int(options.get("HEAP_MB", 64)) * 1_000_000
        self.schema = schema.build()
        self._compiler = None

    @property
    def compiler(self) -> Compiler:
        """Return the query compiler, its field weights read from the haystack index once."""
        if self._compiler is None:
            fields = self.unified_index().all_searchfields()
            boosts = {name: float(fields[name].boost) for name in TEXT_FIELDS}
            self._compiler = Compiler(self.schema, _ANALYZER, boosts)
        return self._compiler

    def unified_index(self):
        return connections[self.connection_alias].get_unified_index()

    def analyzer(self) -> Analyzer:
        return Analyzer()

    def generation(self) -> store.Generation:
        """Return the generation in use, reloaded to its latest commit."""
        generation = store.opened(self.root)
        generation.utterances.reload()
        return generation

    # Writing.

    def write(self, documents: Iterable[dict], removed_ids: Iterable[int] = ()) -> int:
        """Replace the documents given and delete `removed_ids`, in one commit; return how many."""
        documents, removed_ids = list(documents), list(removed_ids)
        if not documents and not removed_ids:
            return 0
        generation = store.opened(self.root)
        words = {word for doc in documents for word in spelling.analyzer_words(all_words(doc))}
        with self.writer(generation.utterances) as writer:
            for pk in [*removed_ids, *(doc[DJANGO_ID] for doc in documents)]:
                writer.delete_documents_by_term(DJANGO_ID, int(pk))
            for doc in documents:
                writer.add_document(self.tantivy_document(doc))
        new_words = spelling.missing_words(generation.words, words)
        if new_words:
            with self.writer(generation.words) as writer:
                spelling.add_words(writer, new_words)
        return len(documents) + len(removed_ids)

    @contextmanager
    def writer(self, index: tantivy.Index, heap_bytes: int | None = None, threads: int = 1):
        """Yield a writer, committed at the end; another writer's lock is waited for a while."""
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                writer = index.writer(heap_size=heap_bytes or self.heap_bytes, num_threads=threads)
                break
            except ValueError as error:
                if "LockBusy" not in str(error):
                    raise
                if time.monotonic() > deadline:
                    raise IndexBusy(str(error)) from error
                time.sleep(0.05)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            writer.wait_merging_threads()
            raise
        writer.commit()
        # Merges of small segments finish here; the writer (and its lock) goes with them.
        writer.wait_merging_threads()
        index.reload()

    def tantivy_document(self, doc: dict, words: bool = True) -> tantivy.Document:
        """Return the tantivy document of an archive document (archive.search.documents).

        `words` adds its words unstemmed, for the word list of "did you mean".
        """
        values = dict(doc, **{schema.WORDS: all_words(doc)}) if words else dict(doc)
        del values[ID]  # the integer django_id identifies a document here
        if values["country"] is None:
            del values["country"]
        return tantivy.Document(**values)

    def update(self, index, iterable, commit=True):
        self.write(index.full_prepare(obj) for obj in iterable)

    def remove(self, obj_or_string, commit=True):
        self.write((), [int(get_identifier(obj_or_string).rsplit(".", 1)[1])])

    def clear(self, models=None, commit=True):
        """Empty the index: a fresh, empty generation is swapped in."""
        store.swap(self.root, store.create(self.root))

    def rebuild(self, documents: Iterable[dict], threads: int = 2, heap_mb: int = 400) -> int:
        """Write every document into a fresh generation, then swap it in; return how many."""
        self.root.mkdir(parents=True, exist_ok=True)
        folder = store.create(self.root)
        fresh = store.Generation(
            folder,
            store.open_index(folder / "utterances"),
            store.open_index(folder / "words"),
        )
        count = 0
        try:
            with self.writer(fresh.utterances, heap_mb * 1_000_000, threads) as writer:
                for doc in documents:
                    writer.add_document(self.tantivy_document(doc, words=not count % WORD_SAMPLE))
                    count += 1
            with self.writer(fresh.words) as writer:
                spelling.add_words(writer, spelling.all_words(fresh.utterances))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)  # the index in use was never touched
            raise
        store.swap(self.root, folder)
        return count

    # Reading.

    @log_query
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        narrow_queries=None,
        spelling_query=None,
        models=None,
        result_class=None,
        **kwargs,
    ):
        searcher = self.generation().utterances.searcher()
        query = self.compiler.compile(self.whole_query(query_string, narrow_queries, models))
        limit = (start_offset + PAGE if end_offset is None else end_offset) - start_offset
        order = {}
        if sort_by:
            field = sort_by[0].lstrip("-")
            descending = sort_by[0].startswith("-")
            order = {
                "order_by_field": field,
                "order": tantivy.Order.Desc if descending else tantivy.Order.Asc,
            }
        # tantivy refuses a limit of 0 (a count alone): one hit is asked for and left out.
        found = searcher.search(query, max(limit, 1), count=True, offset=start_offset, **order)
        hits = []
        for score, address in found.hits[: max(limit, 0)]:
            stored = searcher.doc(address)
            hits.append((0.0 if order else score, stored[DJANGO_CT][0], stored[DJANGO_ID][0]))
        answer = results.answer(self.connection_alias, hits, found.count, result_class)
        if facets:
            answer["facets"] = self.facet_counts(searcher, query, facets)
        if self.include_spelling and not found.count:
            answer["spelling_suggestion"] = self.create_spelling_suggestion(
                spelling_query or str(query_string)
            )
        return answer

    def whole_query(self, query, narrow_queries=None, models=None) -> Bool:
        """Return the node of a query with its narrowing filters and models."""
        node = Syntax(query) if isinstance(query, str) else query
        filters = [Syntax(q) if isinstance(q, str) else q for q in narrow_queries or ()]
        if models:
            filters.append(Terms(DJANGO_CT, tuple(sorted(get_model_ct(m) for m in models))))
        return Bool("AND", (node, *filters)) if filters else node

    def facet_counts(self, searcher, query, facets) -> dict:
        """Return haystack's field facets, each value's count over every hit."""
        spec = {
            name: {"terms": {"field": name, "size": FACET_SIZE, "segment_size": SEGMENT_SIZE}}
            for name in facets
        }
        found = searcher.aggregate(query, spec)
        return results.facet_fields(
            {name: {b["key"]: b["doc_count"] for b in found[name]["buckets"]} for name in facets}
        )

    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        result_class=None,
        **kwargs,
    ):
        """Return the documents whose words are most like the instance's own document's."""
        index = self.unified_index().get_index(type(model_instance))
        document = index.full_prepare(model_instance)
        like = tantivy.Query.more_like_this_document_fields_query(
            self.schema,
            # The turn's own words: its speaker's names and its event's title would find the
            # same speaker and event, which the reader is on already.
            {name: [document[name]] for name in SAID if document[name]},
            min_doc_frequency=1,
            min_term_frequency=1,
        )
        itself = tantivy.Query.term_query(self.schema, DJANGO_ID, int(document[DJANGO_ID]))
        extra = additional_query_string or MATCH_ALL
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, like),
                (tantivy.Occur.Must, self.compiler.compile(self.whole_query(extra, (), models))),
                (tantivy.Occur.MustNot, itself),
            ]
        )
        searcher = self.generation().utterances.searcher()
        limit = (start_offset + PAGE if end_offset is None else end_offset) - start_offset
        found = searcher.search(query, max(limit, 1), count=True, offset=start_offset)
        hits = [
            (score, stored[DJANGO_CT][0], stored[DJANGO_ID][0])
            for score, address in found.hits[: max(limit, 0)]
            for stored in [searcher.doc(address)]
        ]
        return results.answer(self.connection_alias, hits, found.count, result_class)

    def create_spelling_suggestion(self, query_string):
        """Return the query with each word the index lacks replaced by its likeliest correction."""
        generation = self.generation()
        generation.words.reload()
        return " ".join(
            spelling.suggest(word, generation.utterances, generation.words, _ANALYZER)
            for word in query_string.lower().split()
        )

    def indexed_digests(self) -> list[tuple[int, int]]:
        """Return (utterance id, digest) of every live document; a repeated id is a duplicate."""
        searcher = self.generation().utterances.searcher()
        if not searcher.num_docs:
            return []
        newest = searcher.search(tantivy.Query.all_query(), 1, order_by_field=DJANGO_ID)
        highest = searcher.fast_field_values(DJANGO_ID, [newest.hits[0][1]])[0]
        found = []
        # In ranges of ids, so no single search holds a million hits.
        for low in range(0, highest + 1, ID_RANGE):
            span = tantivy.Query.range_query(
                self.schema, DJANGO_ID, tantivy.FieldType.Integer, low, low + ID_RANGE - 1
            )
            addresses = [a for _, a in searcher.search(span, ID_RANGE + 1000, count=False).hits]
            ids = searcher.fast_field_values(DJANGO_ID, addresses)
            found += zip(ids, searcher.fast_field_values("digest", addresses), strict=True)
        return found

    def indexed_ids(self) -> list[str]:
        """Return the django_id of every live document, as strings."""
        return [str(pk) for pk, _ in self.indexed_digests()]
