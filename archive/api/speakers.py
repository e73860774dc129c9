"""Speakers through the API: the list, one speaker, and every utterance of one speaker."""

from __future__ import annotations

from django.views.generic import DetailView, ListView

from archive.api.base import ApiError, JsonApiMixin, Moved
from archive.api.filters import SpeakerFilters
from archive.api.shapes import api_url, speaker_json, statement_json
from archive.models import Speaker, SpeakerRedirect, Utterance


def find_speaker(queryset, slug: str, url_name: str):
    """Return the speaker with this slug; a merged speaker's old slug moves to `url_name`'s."""
    speaker = queryset.filter(slug=slug).first()
    if speaker is not None:
        return speaker
    merged = SpeakerRedirect.objects.select_related("speaker").filter(old_slug=slug).first()
    if merged is None:
        raise ApiError(f"No speaker “{slug}” is in the archive.", status=404)
    raise Moved(url_name, slug=merged.speaker.slug)


class SpeakerListView(JsonApiMixin, ListView):
    """Speakers by name, filtered by name (`q`), country and kind."""

    params = ("q", "country", "kind", "page")
    filters = SpeakerFilters

    def get_queryset(self):
        return self.filtered(Speaker.objects.order_by("name", "pk"))

    def get_data(self, context):
        return self.listing(context, speaker_json)


class SpeakerView(JsonApiMixin, DetailView):
    """One speaker with their counts and a link to their utterances."""

    queryset = Speaker.objects.with_subquery_counts()

    def get_object(self, queryset=None):
        return find_speaker(self.get_queryset(), self.kwargs["slug"], "archive:api-speaker")

    def get_data(self, context):
        speaker = context["object"]
        return {
            **speaker_json(self.request, speaker),
            "affiliation": speaker.affiliation,
            "utterance_count": speaker.utterance_count,
            "event_count": speaker.event_count,
            "utterances": api_url(self.request, "api-speaker-utterances", slug=speaker.slug),
            "events": api_url(self.request, "api-events", query={"speaker": speaker.slug}),
        }


class SpeakerUtterancesView(JsonApiMixin, ListView):
    """Every utterance of one speaker with its text and their role there, newest event first."""

    params = ("page",)

    def get(self, request, *args, **kwargs):
        url_name = "archive:api-speaker-utterances"
        self.speaker = find_speaker(Speaker.objects.all(), kwargs["slug"], url_name)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        utterances = Utterance.objects.by_speaker(self.speaker).for_display()
        return utterances.with_roles()

    def get_data(self, context):
        return {
            "speaker": speaker_json(self.request, self.speaker),
            **self.listing(context, lambda request, u: statement_json(request, u, u.role)),
        }
