"""The front page."""

from django.views.generic import TemplateView

from archive.models import Event, Speaker, Utterance

NEWEST_EVENTS = 8
TOP_SPEAKERS = 8


class HomeView(TemplateView):
    """The front page: a search box, archive totals, the newest events, the most-quoted speakers."""

    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = {
            "events": Event.objects.count(),
            "speakers": Speaker.objects.identified().count(),
            "utterances": Utterance.objects.count(),
        }
        context["newest_events"] = Event.objects.newest().without_source()[:NEWEST_EVENTS]
        context["top_speakers"] = Speaker.objects.identified().most_quoted()[:TOP_SPEAKERS]
        return context
