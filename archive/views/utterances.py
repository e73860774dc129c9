"""The permalink of one quote, with its context and a citation."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView

from archive.models import Appearance, Utterance, UtteranceRedirect
from archive.search import service
from archive.views.events import transcript_page


class UtteranceDetailView(DetailView):
    """A quote with two turns of context either side; moved permalinks redirect."""

    queryset = Utterance.objects.for_display()

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            moved = get_object_or_404(UtteranceRedirect, old_id=kwargs["pk"])
            return redirect("archive:utterance-detail", pk=moved.utterance_id, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        utterance = self.object
        turns = list(Utterance.objects.around(utterance).select_related("speaker"))
        context["before"] = [turn for turn in turns if turn.sequence < utterance.sequence]
        context["after"] = [turn for turn in turns if turn.sequence > utterance.sequence]
        appearance = Appearance.objects.filter(
            event_id=utterance.event_id, speaker_id=utterance.speaker_id
        ).first()
        role = appearance.role if appearance else ""
        context["role"] = utterance.speaker.role_beside_name(role)
        context["transcript_page"] = transcript_page(utterance)
        context["permalink"] = self.request.build_absolute_uri(utterance.get_absolute_url())
        context["accessed"] = timezone.localdate()
        # Reached from a search result: the words searched for are marked.
        context["paragraphs"] = service.marked_paragraphs(utterance, self.request.GET.get("q", ""))
        context["similar"] = service.similar(utterance)
        return context
