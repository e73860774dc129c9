"""The search engines behind haystack; code outside this package imports no engine library."""


class IndexBusy(Exception):
    """Another writer holds the index's write lock: the work stays queued and is retried."""


class IndexOutdated(Exception):
    """The index was built with other fields than this version's: rebuild_index makes it anew."""
