"""The Whoosh engine (pure Python): SEARCH_URL=whoosh:, its index in WHOOSH_INDEX_DIR."""

from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchQuery

from archive.search.engines.whoosh.backend import ArchiveWhooshBackend


class WhooshEngine(BaseEngine):
    """The engine setting that selects the archive's Whoosh backend."""

    backend = ArchiveWhooshBackend
    query = WhooshSearchQuery
