"""The quote check through the API: a quote as remembered → the closest real statements."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views.generic import View

from archive.api.base import ApiError, JsonApiMixin, page_links, page_of
from archive.api.shapes import speaker_json, utterance_json
from archive.search import service
from archive.search.forms import QuoteCheckForm


class QuoteCheckView(JsonApiMixin, View):
    """Check q (optionally within a speaker, by slug or name, and from/to dates), ranked."""

    params = ("q", "speaker", "from", "to", "page")
    paginate_by = 10

    def get(self, request):
        form = QuoteCheckForm(request.GET)
        if not form.is_valid():
            raise ApiError("Invalid quote check parameters.", fields=form.errors.get_json_data())
        answer, shown = service.check_quote(form, request.build_absolute_uri)
        if answer.error:
            raise ApiError(answer.error, status=503)
        page = page_of(request, Paginator(shown, self.paginate_by, allow_empty_first_page=True))
        filters = {
            name: str(form.cleaned_data[name])
            for name in ("speaker", "from", "to")
            if form.cleaned_data.get(name)
        }
        return JsonResponse(
            {
                "quote": answer.quote,
                "verdict": answer.verdict,
                **({"filters": filters} if filters else {}),
                **self.speaker(request, form),
                "pagination": page_links(request, page),
                "results": [self.result(request, item) for item in page.object_list],
            }
        )

    @staticmethod
    def speaker(request, form) -> dict:
        """Return the speaker the check kept to, if any (given by name or slug)."""
        return {"speaker": speaker_json(request, form.speaker_obj)} if form.speaker_obj else {}

    @staticmethod
    def result(request, shown) -> dict:
        match = shown.match
        start, end = match.span
        return {
            **utterance_json(request, match.utterance, match.role),
            "verdict": match.verdict,
            "score": match.score,
            "differences": shown.differences,
            "comparison": shown.steps,
            "passage": {
                "before": shown.before,
                "text": match.utterance.text[start:end],
                "after": shown.after,
                "marked": str(shown.passage),
                "via_interpreter": shown.interpreted,
            },
            "citation": shown.citation,
            "marked_url": request.build_absolute_uri(shown.marked_url),
        }
