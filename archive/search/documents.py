"""The search document of each utterance, built from rows for every engine, with its digest.

One definition serves the rebuild and the queue (which read rows directly: haystack's per-object
preparation cost ~10 s of CPU per 100k utterances), the haystack index (for engines haystack
writes itself, such as Elasticsearch) and check_index, which compares each indexed digest with
the one the database gives now.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.models import Event, Speaker, SpeakerLabel, Utterance
from archive.reading import PARAGRAPH_BREAK
from archive.search.analysis import join_initialisms

CONTENT_TYPE = "archive.utterance"
# The words a search box searches, each field on its own so that each weighs as it should: the
# turn's own words (`text`, the original paragraphs; `via_interpreter`, the interpreter's) above
# the speaker's names and labels, and those above the event's title, which every turn shares.
TEXT_FIELDS = ("text", "via_interpreter", "names", "title")
# The fields engines index, filter, facet or sort on; the digest covers exactly these.
INDEXED = (
    *TEXT_FIELDS,
    "speaker",
    "event",
    "day",
    "year",
    "kind",
    "country",
    "interpreted",
    "original",
    "attribution",
)
CHUNK = 2000
UTTERANCE_COLUMNS = ("pk", "text", "label", "interpreted_paragraphs", "attribution")


@dataclass(frozen=True)
class SpeakerPart:
    """What an utterance's document takes from its speaker."""

    name: str
    slug: str
    country: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class EventPart:
    """What an utterance's document takes from its event."""

    title: str
    slug: str
    day: int
    kind: str


def identifier(utterance_id: int) -> str:
    """Return the document id of an utterance, as haystack writes it."""
    return f"{CONTENT_TYPE}.{utterance_id}"


def day_number(date) -> int:
    """Return a date as the integer yyyymmdd that filters and sorts."""
    return date.year * 10000 + date.month * 100 + date.day


def document(pk: int, text: str, label: str, marks, attribution: str, speaker, event) -> dict:
    """Return the document of one utterance from its columns and its speaker's and event's parts."""
    original, interpreted = split_paragraphs(text, marks)
    names = dict.fromkeys([speaker.name, label, *speaker.labels])  # each once, in order
    values = (
        join_initialisms(PARAGRAPH_BREAK.join(original)),
        join_initialisms(PARAGRAPH_BREAK.join(interpreted)),
        join_initialisms("\n".join(name for name in names if name)),
        join_initialisms(event.title),
        speaker.slug,
        event.slug,
        event.day,
        str(event.day // 10000),
        event.kind,
        speaker.country or None,
        bool(interpreted),
        bool(original),
        attribution,
    )
    return {
        ID: identifier(pk),
        DJANGO_CT: CONTENT_TYPE,
        DJANGO_ID: pk,
        **dict(zip(INDEXED, values, strict=True)),
        "digest": digest(values),
    }


def split_paragraphs(text: str, marks) -> tuple[list[str], list[str]]:
    """Return a turn's original paragraphs and its interpreter's, each in order."""
    marked = set(marks or ())
    paragraphs = text.split(PARAGRAPH_BREAK) if text else []
    original = [p for i, p in enumerate(paragraphs) if i not in marked]
    return original, [p for i, p in enumerate(paragraphs) if i in marked]


def digest(values: tuple) -> int:
    """Return a 63-bit hash of a document's indexed values (fits every engine's signed integer)."""
    content = repr(values).encode()
    return int.from_bytes(hashlib.blake2b(content, digest_size=8).digest(), "big") >> 1


def of_utterance(utterance: Utterance) -> dict:
    """Return the document of a loaded utterance (its speaker, labels and event read from it)."""
    speaker, event = utterance.speaker, utterance.event
    labels = tuple(sorted(label.label for label in speaker.labels.all()))
    return document(
        utterance.pk,
        utterance.text,
        utterance.label,
        utterance.interpreted_paragraphs,
        utterance.attribution,
        SpeakerPart(speaker.name, speaker.slug, speaker.country, labels),
        EventPart(event.title, event.slug, day_number(event.date), event.kind),
    )


def speaker_parts(ids: Iterable[int] | None = None) -> dict[int, SpeakerPart]:
    """Return the document parts of the given speakers (all when None)."""
    speakers = Speaker.objects.order_by()
    labels = SpeakerLabel.objects.order_by()
    if ids is not None:
        ids = list(ids)
        speakers, labels = speakers.filter(pk__in=ids), labels.filter(speaker_id__in=ids)
    by_speaker = defaultdict(list)
    for speaker_id, label in labels.values_list("speaker_id", "label").iterator(CHUNK):
        by_speaker[speaker_id].append(label)
    rows = speakers.values_list("pk", "name", "slug", "country").iterator(CHUNK)
    return {
        # Sorted here, not by the database, whose collation may order them otherwise.
        pk: SpeakerPart(name, slug, country, tuple(sorted(by_speaker[pk])))
        for pk, name, slug, country in rows
    }


def event_parts(ids: Iterable[int] | None = None) -> dict[int, EventPart]:
    """Return the document parts of the given events (all when None)."""
    events = Event.objects.order_by()
    if ids is not None:
        events = events.filter(pk__in=list(ids))
    rows = events.values_list("pk", "title", "slug", "date", "kind").iterator(CHUNK)
    return {
        pk: EventPart(title, slug, day_number(date), kind) for pk, title, slug, date, kind in rows
    }


def every_document() -> Iterator[dict]:
    """Yield the document of every utterance in id order, reading rows a chunk at a time."""
    speakers, events = speaker_parts(), event_parts()
    columns = (*UTTERANCE_COLUMNS, "speaker_id", "event_id")
    last = 0
    while True:
        chunk = list(
            Utterance.objects.filter(pk__gt=last).order_by("pk").values_list(*columns)[:CHUNK]
        )
        if not chunk:
            return
        for *values, speaker_id, event_id in chunk:
            yield document(*values, speakers[speaker_id], events[event_id])
        last = chunk[-1][0]


def documents_of(ids: Iterable[int]) -> list[dict]:
    """Return the documents of those of the given utterances that exist."""
    ids = sorted(set(ids))
    rows = []
    columns = (*UTTERANCE_COLUMNS, "speaker_id", "event_id")
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows += Utterance.objects.filter(pk__in=chunk).order_by("pk").values_list(*columns)
    speakers = speaker_parts({row[-2] for row in rows})
    events = event_parts({row[-1] for row in rows})
    return [document(*values, speakers[s], events[e]) for *values, s, e in rows]
