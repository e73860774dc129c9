"""Pages of the archive: generic class-based views over the models."""

from archive.views.dates import DateDayView, DateIndexView, DateMonthView, DateYearView
from archive.views.events import EventDetailView, EventSourceTextView, EventSourceView
from archive.views.home import HomeView
from archive.views.speakers import PersonRedirectView, SpeakerDetailView, SpeakerListView
from archive.views.utterances import UtteranceDetailView

__all__ = [
    "DateDayView",
    "DateIndexView",
    "DateMonthView",
    "DateYearView",
    "EventDetailView",
    "EventSourceTextView",
    "EventSourceView",
    "HomeView",
    "PersonRedirectView",
    "SpeakerDetailView",
    "SpeakerListView",
    "UtteranceDetailView",
]
