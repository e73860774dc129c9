"""Events through the API: the list, and one event with its whole transcript."""

from __future__ import annotations

from django.views.generic import DetailView, ListView

from archive.api.base import ApiError, JsonApiMixin
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
    """One event with its participants and every turn, unpaginated: a transcript is read whole."""

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
        turns = list(Utterance.objects.in_event(event).select_related("speaker"))
        return {
            **event_json(request, event),
            "venue": event.venue,
            "source_url": event.source_link,
            "participants": [participant_json(request, a) for a in appearances],
            "turn_count": len(turns),
            "turns": [turn_json(request, u) for u in turns],
        }
