"""Events through the API."""

from __future__ import annotations

from django.views.generic import ListView

from archive.api.base import JsonApiMixin
from archive.api.shapes import event_json
from archive.models import Event


class EventListView(JsonApiMixin, ListView):
    """Events, newest first."""

    queryset = Event.objects.newest().without_source()

    def get_data(self, context):
        return self.listing(context, event_json)
