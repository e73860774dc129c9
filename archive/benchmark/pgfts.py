"""The benchmark's queries through PostgreSQL full-text search, for comparison with Whoosh.

The GIN expression index is created in the scratch database only: the product searches through
haystack, and the index would cost every import a tsvector per utterance for nothing.
"""

from __future__ import annotations

import datetime
import time

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractYear

from archive.models import Utterance

CONFIG = "english"
PAGE = 20


def vector() -> SearchVector:
    """Return the document expression; the GIN index is built on exactly this."""
    return SearchVector("text", config=CONFIG)


def create_index() -> float:
    """Build the GIN expression index on utterance text; return its wall seconds."""
    index = GinIndex(vector(), name="benchmark_utterance_fts")
    started = time.perf_counter()
    with connection.schema_editor() as editor:
        editor.add_index(Utterance, index)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_utterance")
    return time.perf_counter() - started


def search(params: dict) -> int:
    """Run what the search page runs: count, three facets, a ranked page with headlines."""
    query = SearchQuery(params["q"], search_type="websearch", config=CONFIG)
    hits = Utterance.objects.annotate(document=vector()).filter(document=query)
    if params.get("speaker"):
        hits = hits.filter(speaker__slug=params["speaker"])
    if params.get("from"):
        start, end = (datetime.date.fromisoformat(params[k]) for k in ("from", "to"))
        hits = hits.filter(event__date__range=(start, end))
    total = hits.count()
    facets = [
        list(hits.values(key).annotate(n=Count("pk")).order_by("-n")[:10])
        for key in ("speaker__slug", "event__kind")
    ]
    years = hits.annotate(year=ExtractYear("event__date")).values("year")
    facets.append(list(years.annotate(n=Count("pk")).order_by("year")))
    page = (
        hits.select_related("event", "speaker")
        .defer("event__source_text")
        .annotate(
            rank=SearchRank(vector(), query),
            snippet=SearchHeadline(
                "text", query, config=CONFIG, start_sel="<mark>", stop_sel="</mark>"
            ),
        )
        .order_by("-rank", "pk")[:PAGE]
    )
    return total + len(list(page))


def explain(params: dict) -> str:
    """Return PostgreSQL's plan of the hit count, to show whether the GIN index is used."""
    query = SearchQuery(params["q"], search_type="websearch", config=CONFIG)
    hits = Utterance.objects.annotate(document=vector()).filter(document=query)
    return hits.values("pk").explain()
