"""A small read-only JSON API: search, one utterance, speakers and events, paginated."""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from archive.models import Event, Speaker, Utterance
from archive.search import service
from archive.search.forms import ArchiveSearchForm

LIST_PAGE_SIZE = 50


def error(message: str, status: int = 400, **details) -> JsonResponse:
    """Return a JSON error; bad input is always a 400, never a server error."""
    return JsonResponse({"error": message, **details}, status=status)


def page_links(request, page) -> dict:
    """Return absolute links to the next and previous pages, keeping the other parameters."""

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{urlencode(params, doseq=True)}")

    return {
        "page": page.number,
        "pages": page.paginator.num_pages,
        "count": page.paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }


def speaker_json(speaker, role: str | None = None) -> dict:
    data = {
        "slug": speaker.slug,
        "name": speaker.name,
        "role": speaker.role if role is None else role,
    }
    data.update(country=speaker.country, kind=speaker.kind, url=speaker.get_absolute_url())
    return data


def event_json(event) -> dict:
    return {
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat(),
        "city": event.city,
        "url": event.get_absolute_url(),
    }


def utterance_json(utterance, role: str | None = None) -> dict:
    return {
        "id": utterance.pk,
        "url": utterance.get_absolute_url(),
        "label": utterance.label,
        "interpreted": utterance.interpreted,
        "attribution": utterance.attribution,
        "speaker": speaker_json(utterance.speaker, role),
        "event": event_json(utterance.event),
    }


@require_GET
def search(request):
    """Search utterances with the search page's parameters: q, speaker, event, kind, ..., page."""
    form = ArchiveSearchForm(request.GET, load_all=True)
    if not form.is_valid():
        return error("Invalid search parameters.", fields=form.errors.get_json_data())
    outcome = service.run(form, request.GET.get("page"))
    if not outcome.searched:
        return error("Give words to search for in q.")
    if outcome.error:
        return error(outcome.error, status=503)
    results = [
        {**utterance_json(row.utterance, row.role), "snippet": str(row.snippet)}
        for row in outcome.rows
    ]
    return JsonResponse(
        {
            "query": str(form.parsed),
            "pagination": page_links(request, outcome.page),
            "results": results,
            "facets": outcome.facets,
            "suggestion": outcome.suggestion,
            "notes": outcome.notes,
        }
    )


@require_GET
def utterance(request, pk):
    """Return one utterance with its paragraphs."""
    found = Utterance.objects.for_display().defer("event__source_text").filter(pk=pk).first()
    if found is None:
        return error("No such utterance.", status=404)
    return JsonResponse(
        {**utterance_json(found), "text": found.text, "paragraphs": found.paragraphs}
    )


def listing(request, queryset, to_json):
    """Return one page of a queryset as JSON, or a 400 for a bad page number."""
    paginator = Paginator(queryset, LIST_PAGE_SIZE)
    try:
        number = int(request.GET.get("page") or 1)
        page = paginator.page(number)
    except (ValueError, InvalidPage):
        return error(f"page must be a whole number from 1 to {paginator.num_pages}.")
    return JsonResponse(
        {"pagination": page_links(request, page), "results": [to_json(o) for o in page]}
    )


@require_GET
def speakers(request):
    """List speakers by name."""
    return listing(request, Speaker.objects.order_by("name", "pk"), speaker_json)


@require_GET
def events(request):
    """List events, newest first."""
    return listing(request, Event.objects.newest().without_source(), event_json)
