"""The Whoosh engine (pure Python): SEARCH_URL=whoosh:, its index in WHOOSH_INDEX_DIR."""

from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchQuery

from archive.search.engines.whoosh.backend import ArchiveWhooshBackend


class ArchiveWhooshQuery(WhooshSearchQuery):
    """Haystack's Whoosh query, with the slop of a phrase whose words may stand apart."""

    @staticmethod
    def phrase_slop(gaps: int) -> int:
        # Whoosh's slop 1 means side by side: one more than the words allowed between.
        return gaps + 1


class WhooshEngine(BaseEngine):
    """The engine setting that selects the archive's Whoosh backend."""

    backend = ArchiveWhooshBackend
    query = ArchiveWhooshQuery
