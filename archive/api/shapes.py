"""The JSON shapes of speakers, events and utterances, their links absolute like page links."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode


def api_url(request, name: str, query: dict | None = None, **kwargs) -> str:
    """Return the absolute URL of the API endpoint `name` (without its namespace)."""
    url = reverse(f"archive:{name}", kwargs=kwargs)
    return request.build_absolute_uri(f"{url}?{urlencode(query)}" if query else url)


def speaker_json(request, speaker, role: str | None = None) -> dict:
    """Return a speaker as JSON, with `role` (their title at one event) if given."""
    return {
        "slug": speaker.slug,
        "name": speaker.name,
        "role": speaker.role if role is None else role,
        "country": speaker.country,
        "kind": speaker.kind,
        "url": request.build_absolute_uri(speaker.get_absolute_url()),
        "api_url": api_url(request, "api-speaker", slug=speaker.slug),
    }


def event_json(request, event) -> dict:
    """Return an event as JSON."""
    return {
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat(),
        # "year": the source gives the year alone, and the date is its 1 January.
        "date_precision": event.date_precision,
        "city": event.city,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "api_url": api_url(request, "api-event", slug=event.slug),
    }


def utterance_json(request, utterance, role: str | None = None) -> dict:
    """Return an utterance as JSON with its speaker and event, without its text."""
    return {
        **utterance_core(request, utterance),
        "speaker": speaker_json(request, utterance.speaker, role),
        "event": event_json(request, utterance.event),
    }


def utterance_core(request, utterance) -> dict:
    """Return what every JSON shape of an utterance holds: its id, links, label and marks."""
    return {
        "id": utterance.pk,
        "url": request.build_absolute_uri(utterance.get_absolute_url()),
        "api_url": api_url(request, "api-utterance", pk=utterance.pk),
        "label": utterance.label,
        "interpreted": utterance.interpreted,
        "attribution": utterance.attribution,
    }


def words_json(utterance) -> dict:
    """Return what an utterance says: its text, its paragraphs and its stage notes."""
    return {"text": utterance.text, "paragraphs": utterance.paragraphs, "notes": utterance.notes}


def statement_json(request, utterance, role: str | None = None) -> dict:
    """Return an utterance as JSON with its speaker, event and words."""
    return {**utterance_json(request, utterance, role), **words_json(utterance)}


def participant_json(request, appearance) -> dict:
    """Return a speaker at one event as JSON, with the title and affiliation they had there."""
    speaker = appearance.speaker
    return {
        **speaker_json(request, speaker, appearance.role or None),
        "affiliation": appearance.affiliation or speaker.affiliation,
    }


def turn_json(request, utterance) -> dict:
    """Return an utterance as one turn of its event's transcript, naming only its speaker."""
    return {
        **utterance_core(request, utterance),
        "sequence": utterance.sequence,
        "speaker": {"slug": utterance.speaker.slug, "name": utterance.speaker.name},
        **words_json(utterance),
    }
