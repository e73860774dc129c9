"""One event: its participants and full transcript, and its stored source (a PDF, or text)."""

from pathlib import PurePath

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin

from archive.models import Event, SourceFile, Utterance

TRANSCRIPT_PAGE_SIZE = 200


def transcript_page(utterance):
    """Return the transcript page number on which an utterance appears."""
    before = Utterance.objects.filter(
        event_id=utterance.event_id, sequence__lt=utterance.sequence
    ).count()
    return before // TRANSCRIPT_PAGE_SIZE + 1


def source_filename(event, suffix: str = ".txt"):
    """Return the download name of an event's source: the uploaded name, else the slug."""
    name = PurePath(event.source_name.replace("\\", "/")).name if event.source_name else ""
    return name or f"{event.slug}{suffix}"


def text_filename(event):
    """Return the download name of the text read out of an event's PDF."""
    return f"{PurePath(source_filename(event, '.pdf')).stem}.txt"


class EventDetailView(SingleObjectMixin, ListView):
    """One event with its participants and its transcript in order."""

    template_name = "archive/event_detail.html"
    paginate_by = TRANSCRIPT_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Event.objects.without_source())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Utterance.objects.in_event(self.object).select_related("speaker")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["utterances"] = context["page_obj"].object_list
        context["participants"] = self.object.appearances.select_related("speaker").order_by("pk")
        context["source_file"] = SourceFile.objects.defer("data").filter(event=self.object).first()
        return context


def download(content, content_type: str, filename: str) -> HttpResponse:
    """Return a response that downloads content as a file of this name."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class EventSourceView(DetailView):
    """The transcript exactly as uploaded: its PDF, or its text."""

    model = Event

    def render_to_response(self, context, **response_kwargs):
        found = SourceFile.objects.filter(event=self.object).first()
        if found:
            name = source_filename(self.object, ".pdf")
            return download(bytes(found.data), found.content_type, name)
        return download(
            self.object.source_text, "text/plain; charset=utf-8", source_filename(self.object)
        )


class EventSourceTextView(DetailView):
    """The text the reader read: a text source as uploaded, or the text read out of its PDF."""

    model = Event

    def render_to_response(self, context, **response_kwargs):
        pdf = SourceFile.objects.filter(event=self.object).exists()
        name = text_filename(self.object) if pdf else source_filename(self.object)
        return download(self.object.source_text, "text/plain; charset=utf-8", name)
