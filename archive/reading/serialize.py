"""The JSON contract of a reading, used by read_transcript, the admin preview and the API."""

from __future__ import annotations

from archive.reading.types import EventReading, Reading, SpeakerReading, UtteranceReading


def event_dict(event: EventReading) -> dict:
    """Return the event as JSON-ready data, the date in ISO form or None."""
    return {
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "venue": event.venue,
        "city": event.city,
        "source_url": event.source_url,
        "host": event.host,
    }


def speaker_dict(speaker: SpeakerReading) -> dict:
    """Return one speaker as JSON-ready data."""
    return {
        "key": speaker.key,
        "name": speaker.name,
        "role": speaker.role,
        "affiliation": speaker.affiliation,
        "country": speaker.country,
        "kind": speaker.kind,
        "labels": list(speaker.labels),
        "person": speaker.person,
        "resolved": speaker.resolved,
    }


def utterance_dict(utterance: UtteranceReading, name: str) -> dict:
    """Return one utterance as JSON-ready data; `speaker` is the resolved name."""
    return {
        "sequence": utterance.sequence,
        "source_line": utterance.source_line,
        "label": utterance.label,
        "speaker": name,
        "speaker_key": utterance.speaker,
        "attribution": utterance.attribution,
        "text": utterance.text,
        "paragraphs": [
            {"text": p.text, "interpreted": p.interpreted} for p in utterance.paragraphs
        ],
        "notes": list(utterance.notes),
    }


def to_dict(reading: Reading) -> dict:
    """Return the reading as plain JSON-ready data."""
    names = {s.key: s.name for s in reading.speakers}
    return {
        "format": reading.format,
        "event": event_dict(reading.event),
        "speakers": [speaker_dict(s) for s in reading.speakers],
        "utterances": [utterance_dict(u, names.get(u.speaker, "")) for u in reading.utterances],
        "warnings": list(reading.warnings),
    }
