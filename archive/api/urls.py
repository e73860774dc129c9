"""The API's URLs, included under api/ in the archive's namespace (so no app_name of their own)."""

from django.urls import path

from archive.api import check, events, search, speakers, utterances
from archive.api.base import NotFoundView

urlpatterns = [
    path("search", search.SearchView.as_view(), name="api-search"),
    path("check", check.QuoteCheckView.as_view(), name="api-check"),
    path("utterances/<str:pk>", utterances.UtteranceView.as_view(), name="api-utterance"),
    path("speakers/", speakers.SpeakerListView.as_view(), name="api-speakers"),
    path("speakers/<str:slug>", speakers.SpeakerView.as_view(), name="api-speaker"),
    path(
        "speakers/<str:slug>/utterances",
        speakers.SpeakerUtterancesView.as_view(),
        name="api-speaker-utterances",
    ),
    path("events/", events.EventListView.as_view(), name="api-events"),
    path("events/<str:slug>", events.EventView.as_view(), name="api-event"),
    # Last: any other path under api/ gets a JSON 404, not the site's HTML page.
    path("", NotFoundView.as_view(), name="api-not-found"),
    path("<path:rest>", NotFoundView.as_view(), name="api-not-found"),
]
