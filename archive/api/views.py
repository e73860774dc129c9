"""The API's endpoints: search, one utterance, and the lists of speakers and events."""

from __future__ import annotations

from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect
from django.views.generic import DetailView, ListView, View

from archive.api.base import (
    ApiError,
    JsonApiMixin,
    page_links,
    page_number,
    past_the_last,
    slash_twin,
)
from archive.api.shapes import event_json, speaker_json, utterance_json
from archive.models import Event, Speaker, Utterance, UtteranceRedirect
from archive.search import service
from archive.search.forms import ArchiveSearchForm

ENDPOINTS = [
    "/api/search?q=…",
    "/api/utterances/<id>",
    "/api/speakers/",
    "/api/events/",
]


class SearchView(JsonApiMixin, View):
    """Search utterances with the search page's parameters: q, speaker, event, kind, ..., page."""

    def get(self, request):
        form = ArchiveSearchForm(request.GET, load_all=True)
        if not form.is_valid():
            raise ApiError("Invalid search parameters.", fields=form.errors.get_json_data())
        number = page_number(request)
        outcome = service.run(form, number)
        if not outcome.searched:
            raise ApiError("Give words to search for in q.")
        if outcome.error:
            raise ApiError(outcome.error, status=503)
        if outcome.page.number != number:
            raise self.page_refused(number, outcome.page.paginator.num_pages)
        results = [
            {**utterance_json(request, row.utterance, row.role), "snippet": str(row.snippet)}
            for row in outcome.rows
        ]
        return JsonResponse(
            {
                "query": str(form.parsed),
                "pagination": page_links(request, outcome.page, service.MAX_PAGE),
                "results": results,
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


class UtteranceView(JsonApiMixin, DetailView):
    """One utterance with its paragraphs; the id of one a re-read replaced redirects."""

    queryset = Utterance.objects.for_display().defer("event__source_text")

    def get(self, request, *args, **kwargs):
        pk = kwargs["pk"]
        if not (pk.isascii() and pk.isdigit()):
            raise ApiError(f"An utterance id is a whole number, not “{pk}”.")
        try:
            self.object = self.get_object()
        except Http404:
            moved = UtteranceRedirect.objects.filter(old_id=pk).first()
            if moved is None:
                raise ApiError("No such utterance.", status=404) from None
            return redirect("archive:api-utterance", pk=moved.utterance_id, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_data(self, context):
        found = context["object"]
        data = utterance_json(self.request, found)
        return {**data, "text": found.text, "paragraphs": found.paragraphs}


class SpeakerListView(JsonApiMixin, ListView):
    """Speakers by name."""

    queryset = Speaker.objects.order_by("name", "pk")

    def get_data(self, context):
        return self.listing(context, speaker_json)


class EventListView(JsonApiMixin, ListView):
    """Events, newest first."""

    queryset = Event.objects.newest().without_source()

    def get_data(self, context):
        return self.listing(context, event_json)


class NotFoundView(JsonApiMixin, View):
    """Any other path under api/: a JSON 404, or a redirect if only its final slash is off."""

    def get(self, request, *args, **kwargs):
        twin = slash_twin(request)
        if twin:
            return HttpResponsePermanentRedirect(twin)
        raise ApiError(f"No API endpoint is at {request.path}.", status=404, endpoints=ENDPOINTS)
