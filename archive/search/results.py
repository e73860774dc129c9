"""The answer every archive engine gives haystack: a page of results, the total, the facets."""

from __future__ import annotations

from collections.abc import Iterable

from haystack import connections
from haystack.models import SearchResult
from haystack.utils.app_loading import haystack_get_model

NO_FACETS = {"fields": {}, "dates": {}, "queries": {}}


def empty(hits: int = 0, facets: dict | None = None) -> dict:
    """Return haystack's answer with no results on the page."""
    return {"results": [], "hits": hits, "facets": facets or {}, "spelling_suggestion": None}


def answer(alias: str, hits: Iterable[tuple[float, str, int]], total: int, result_class=None):
    """Return haystack's answer for (score, "app.model", pk) hits; unknown models are left out."""
    indexed = connections[alias].get_unified_index().get_indexed_models()
    result_class = result_class or SearchResult
    results = []
    for score, content_type, pk in hits:
        app_label, model_name = content_type.split(".")
        if haystack_get_model(app_label, model_name) not in indexed:
            total -= 1
            continue
        results.append(result_class(app_label, model_name, str(pk), score))
    return {"results": results, "hits": total, "facets": {}, "spelling_suggestion": None}


def facet_fields(counts: dict[str, dict]) -> dict:
    """Return haystack's facets from {field: {value: count}}, most frequent first."""
    fields = {
        name: sorted(((v, n) for v, n in found.items() if v), key=lambda i: (-i[1], i[0]))
        for name, found in counts.items()
    }
    return {**NO_FACETS, "fields": fields}
