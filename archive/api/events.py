"""Events through the API: the list, and one event with its whole transcript."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.views.generic import DetailView, ListView

from archive.api.base import ApiError, JsonApiMixin, page_links, page_of
from archive.api.filters import EventFilters
from archive.api.shapes import event_json, participant_json, turn_json
from archive.models import Event, Utterance


class EventListView(JsonApiMixin, ListView):
    """Events newest first, filtered by speaker, kind and dates."""

    params = ("speaker", "kind", "from", "to", "page")
    filters = EventFilters

    def get_queryset(self):
        return self.filtered(Event.objects.newest().without_source())

    def get_data(self, context):
        return self.listing(context, event_json)


class EventView(JsonApiMixin, DetailView):
    """One event with its participants and its transcript, a page of turns at a time."""

    params = ("page",)
    # A long briefing holds megabytes of turns; a page of them stays quick to send and parse.
    turns_per_page = 100
    queryset = Event.objects.without_source()

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        event = self.get_queryset().filter(slug=slug).first()
        if event is None:
            raise ApiError(f"No event “{slug}” is in the archive.", status=404)
        return event

    def get_data(self, context):
        event, request = context["object"], self.request
        appearances = event.appearances.select_related("speaker").order_by("pk")
        turns = Utterance.objects.in_event(event).select_related("speaker")
        page = page_of(request, Paginator(turns, self.turns_per_page))
        return {
            **event_json(request, event),
            "venue": event.venue,
            "source_url": event.source_link,
            "participants": [participant_json(request, a) for a in appearances],
            "turn_count": page.paginator.count,
            "pagination": page_links(request, page),
            "turns": [turn_json(request, u) for u in page.object_list],
        }
