"""Search through the API: the search page's form and results, as JSON."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.generic import View

from archive.api.base import ApiError, JsonApiMixin, page_links, page_number, past_the_last
from archive.api.shapes import speaker_json, utterance_json
from archive.search import service
from archive.search.forms import ArchiveSearchForm


class SearchView(JsonApiMixin, View):
    """Search utterances with the search page's parameters: q, speaker, event, kind, ..., page."""

    params = (*ArchiveSearchForm.base_fields, "from", "to", "page")

    def get(self, request):
        form = ArchiveSearchForm(request.GET, load_all=True)
        if not form.is_valid():
            raise ApiError("Invalid search parameters.", fields=form.errors.get_json_data())
        number = page_number(request)
        outcome = service.run(form, number)
        if not outcome.searched:
            raise ApiError("Give words to search for in q, or a filter to list what it keeps.")
        if outcome.error:
            raise ApiError(outcome.error, status=503)
        if outcome.page.number != number:
            raise self.page_refused(number, outcome.page.paginator.num_pages)
        results = [
            {
                **utterance_json(request, row.utterance, row.role),
                "snippet": str(row.snippet),
                "snippet_words": row.words,
            }
            for row in outcome.rows
        ]
        return JsonResponse(
            {
                "query": str(form.parsed),
                "pagination": page_links(request, outcome.page, service.MAX_PAGE),
                "results": results,
                "speakers": [speaker_json(request, s) for s in outcome.speakers],
                "facets": outcome.facets,
                "suggestion": outcome.suggestion,
                "notes": outcome.notes,
            }
        )

    @staticmethod
    def page_refused(number: int, pages: int) -> ApiError:
        """Return why a page was not given: past the last, or past what the engine pages to."""
        if number > pages:
            return past_the_last(number, pages)
        limit = service.MAX_PAGE
        return ApiError(
            f"Only the first {limit} pages of results can be fetched: narrow the search.",
            pages=limit,
        )
