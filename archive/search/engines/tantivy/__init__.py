"""The tantivy engine: SEARCH_URL=tantivy: (the default), its index in SEARCH_INDEX_DIR."""

from haystack.backends import BaseEngine

from archive.search.engines.tantivy.backend import TantivySearchBackend
from archive.search.engines.tantivy.query import TantivySearchQuery


class TantivyEngine(BaseEngine):
    """The engine setting that selects the archive's tantivy backend."""

    backend = TantivySearchBackend
    query = TantivySearchQuery
