"""One utterance through the API."""

from __future__ import annotations

from django.http import Http404
from django.views.generic import DetailView

from archive.api.base import BEYOND, ApiError, JsonApiMixin, Moved, whole_number
from archive.api.shapes import statement_json
from archive.models import Utterance, UtteranceRedirect


class UtteranceView(JsonApiMixin, DetailView):
    """One utterance with its paragraphs; the id of one a re-read replaced redirects."""

    queryset = Utterance.objects.for_display().with_roles()

    def get(self, request, *args, **kwargs):
        pk = whole_number(kwargs["pk"])
        if pk is None:
            shown = kwargs["pk"] if len(kwargs["pk"]) <= 40 else f"{kwargs['pk'][:40]}…"
            raise ApiError(f"An utterance id is a whole number, not “{shown}”.")
        if pk >= BEYOND:
            raise ApiError("No such utterance.", status=404)
        self.kwargs["pk"] = pk
        try:
            self.object = self.get_object()
        except Http404:
            moved = UtteranceRedirect.objects.filter(old_id=pk).first()
            if moved is None:
                raise ApiError("No such utterance.", status=404) from None
            raise Moved("archive:api-utterance", pk=moved.utterance_id) from None
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_data(self, context):
        found = context["object"]
        return statement_json(self.request, found, found.role)
