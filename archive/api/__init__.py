"""A small read-only JSON API: search, utterances, speakers and events, paginated."""

from archive.api.views import EventListView, SearchView, SpeakerListView, UtteranceView

__all__ = ["EventListView", "SearchView", "SpeakerListView", "UtteranceView"]
