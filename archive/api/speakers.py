"""Speakers through the API."""

from __future__ import annotations

from django.views.generic import ListView

from archive.api.base import JsonApiMixin
from archive.api.shapes import speaker_json
from archive.models import Speaker


class SpeakerListView(JsonApiMixin, ListView):
    """Speakers by name."""

    queryset = Speaker.objects.order_by("name", "pk")

    def get_data(self, context):
        return self.listing(context, speaker_json)
