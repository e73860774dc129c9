"""URLs of the archive's public pages."""

from django.urls import path

from archive import views

app_name = "archive"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker-detail"),
    path("utterances/<int:pk>/", views.UtteranceDetailView.as_view(), name="utterance-detail"),
]
