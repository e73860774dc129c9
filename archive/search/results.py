"""A page of hits as haystack's SearchResults, without haystack's guesses at stored values."""

from __future__ import annotations

from haystack import connections
from haystack.constants import DJANGO_CT, DJANGO_ID
from haystack.models import SearchResult
from haystack.utils.app_loading import haystack_get_model


class HitPage:
    """One page of hits, shaped as haystack's _process_results reads a Whoosh results page."""

    def __init__(self, searcher, ranked: list[tuple[float, int]], total: int):
        self.searcher, self.ranked, self.total = searcher, ranked, total

    def __len__(self):
        return self.total

    def __iter__(self):
        return (self.searcher.stored_fields(docnum) for _, docnum in self.ranked)

    def score(self, n):
        return self.ranked[n][0]


def page_results(alias: str, page: HitPage, result_class=None) -> dict:
    """Return haystack's results of a page, each stored value converted by its index field.

    haystack's _process_results also tries every other stored value as a date and as JSON;
    the failed tries cost as much as the rest of the page's results together.
    """
    unified = connections[alias].get_unified_index()
    result_class = result_class or SearchResult
    results, hits = [], page.total
    for offset, stored in enumerate(page):
        app_label, model_name = stored.pop(DJANGO_CT).split(".")
        model = haystack_get_model(app_label, model_name)
        if model not in unified.get_indexed_models():
            hits -= 1
            continue
        fields = unified.get_index(model).fields
        pk = stored.pop(DJANGO_ID)
        values = {k: _converted(fields.get(k), v) for k, v in stored.items()}
        results.append(result_class(app_label, model_name, pk, page.score(offset) or 0, **values))
    return {"results": results, "hits": hits, "facets": {}, "spelling_suggestion": None}


def _converted(field, value):
    if field is None or not hasattr(field, "convert"):
        return value
    if field.is_multivalued:
        # Stored comma-joined, as haystack's Whoosh backend writes and reads them.
        return value.split(",") if value else []
    return field.convert(value)
