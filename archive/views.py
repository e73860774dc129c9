"""Pages of the archive: generic class-based views over the models."""

from django.views.generic import DetailView, TemplateView

from archive.models import Event, Speaker, Utterance


class HomeView(TemplateView):
    """The front page: archive totals and the newest events."""

    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = {
            "events": Event.objects.count(),
            "speakers": Speaker.objects.count(),
            "utterances": Utterance.objects.count(),
        }
        context["newest_events"] = Event.objects.newest()[:10]
        return context


class EventDetailView(DetailView):
    """One event with its full transcript in order."""

    model = Event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["utterances"] = Utterance.objects.in_event(self.object).select_related("speaker")
        return context


class SpeakerDetailView(DetailView):
    """One speaker and what they said."""

    model = Speaker


class UtteranceDetailView(DetailView):
    """The permalink of one quote."""

    queryset = Utterance.objects.for_display()
