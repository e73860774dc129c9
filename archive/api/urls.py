"""The API's URLs, included under api/ in the archive's namespace (so no app_name of their own)."""

from django.urls import path

from archive.api import views

urlpatterns = [
    path("search", views.SearchView.as_view(), name="api-search"),
    path("utterances/<str:pk>", views.UtteranceView.as_view(), name="api-utterance"),
    path("speakers/", views.SpeakerListView.as_view(), name="api-speakers"),
    path("events/", views.EventListView.as_view(), name="api-events"),
    # Last: any other path under api/ gets a JSON 404, not the site's HTML page.
    path("", views.NotFoundView.as_view(), name="api-not-found"),
    path("<path:rest>", views.NotFoundView.as_view(), name="api-not-found"),
]
