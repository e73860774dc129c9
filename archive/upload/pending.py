"""Pending uploads: kept server-side between the upload, its preview and the confirm."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import pluralize
from django.utils.html import format_html
from django.utils.safestring import SafeString

from archive.importing import ImportRefused, ImportResult, import_reading
from archive.importing import speakers as matching
from archive.importing.locks import retrying
from archive.importing.service import EVENT_FIELDS, event_kind
from archive.models import (
    Attribution,
    DatePrecision,
    Event,
    EventKind,
    PendingUpload,
    Speaker,
    SpeakerKind,
)
from archive.reading import Metadata, Reading, SpeakerReading
from archive.reading.event import web_url
from archive.registry.models import Person
from archive.registry.snapshot import read_with_registry

METADATA_FIELDS = (*EVENT_FIELDS, "speaker", "country")
NO_TURNS = "No turns found: the reader saw no speaker labels in this text."
NO_DATE = "No date found: give the date before importing."
MAX_SIMILAR = 3


class UploadGone(LookupError):
    """Raised when a pending upload expired, was discarded or belongs to someone else."""


@dataclass(frozen=True)
class SpeakerPreview:
    """A speaker of the reading and the archive speaker an import would use (None: a new one)."""

    reading: SpeakerReading
    match: Speaker | None
    turns: int
    person: Person | None = None

    @property
    def title(self) -> str:
        """Return the speaker's role and affiliation, with the country in brackets."""
        r = self.reading
        title = ", ".join(part for part in (r.role, r.affiliation) if part)
        return f"{title} ({r.country})" if title and r.country else title or r.country

    @property
    def kind_label(self) -> str:
        """Return the human name of the speaker's kind."""
        kind = self.reading.kind
        return SpeakerKind(kind).label if kind in SpeakerKind.values else kind


@dataclass(frozen=True)
class Preview:
    """What an upload would become: its reading, matched speakers, named turns and warnings."""

    reading: Reading
    event: dict
    speakers: list[SpeakerPreview]
    turns: list[tuple]
    warnings: list[str]


def parse_date(value) -> datetime.date | None:
    """Return a stored ISO date as a date (None when absent)."""
    return datetime.date.fromisoformat(value) if value else None


def metadata(overrides: Mapping, filename: str = "") -> Metadata:
    """Return the reader's Metadata for an upload's overrides and file name."""
    values = {name: overrides[name] for name in METADATA_FIELDS if overrides.get(name)}
    values["date"] = parse_date(values.get("date"))
    return Metadata(filename=filename, **values)


def import_overrides(overrides: Mapping) -> dict:
    """Return the overrides of the event's own fields, as the import service takes them."""
    values = {name: overrides[name] for name in EVENT_FIELDS if overrides.get(name)}
    if "date" in values:
        values["date"] = parse_date(values["date"])
    return values


def create(
    *, user, text: str, source_name: str, overrides: Mapping, warnings=(), source_file=b""
) -> PendingUpload:
    """Store a new pending upload (purging the expired ones) and return it."""
    PendingUpload.objects.purge_expired()
    return PendingUpload.objects.create(
        user=user,
        source_text=text,
        source_file=source_file,
        source_name=source_name,
        overrides=dict(overrides),
        warnings=list(warnings),
    )


def load(token: str, user) -> PendingUpload:
    """Return the user's live pending upload with this token; expired ones are purged."""
    upload = PendingUpload.objects.filter(token=token, user=user).first()
    if upload is not None and upload.is_expired:
        PendingUpload.objects.purge_expired()
        raise UploadGone("This upload expired (uploads are kept 24 hours): upload the file again.")
    if upload is None:
        raise UploadGone(
            "This upload no longer exists (discarded or expired): upload the file again."
        )
    return upload


def chosen_speakers(upload: PendingUpload) -> dict[str, Speaker | None]:
    """Return the admin's stored "Import as" choices; a speaker gone since is no choice."""
    stored = upload.speaker_choices or {}
    found = Speaker.objects.in_bulk({pk for pk in stored.values() if pk is not None})
    return {key: found.get(pk) for key, pk in stored.items() if pk is None or pk in found}


def source_of(upload: PendingUpload) -> bytes | str:
    """Return what an upload is read from: its PDF, else its text."""
    return bytes(upload.source_file) or upload.source_text  # PostgreSQL gives a memoryview


def read_upload(upload: PendingUpload, overrides: Mapping | None = None) -> Reading:
    """Return the reading of a pending upload with its overrides; ReaderError propagates."""
    given = upload.overrides if overrides is None else overrides
    return read_with_registry(source_of(upload), metadata=metadata(given, upload.source_name))


def preview(upload: PendingUpload, reading: Reading) -> Preview:
    """Return the preview of a reading: speakers with their matches, turns and warnings."""
    turns_by_speaker = Counter(turn.speaker for turn in reading.utterances)
    directory = matching.Directory.load(reading.speakers)
    people = Person.objects.in_bulk(
        {s.person for s in reading.speakers if s.person}, field_name="slug"
    )
    speakers = [
        SpeakerPreview(
            s, matching.preview(s, directory), turns_by_speaker[s.key], people.get(s.person)
        )
        for s in reading.speakers
    ]
    names = {s.key: s for s in reading.speakers}
    warnings = [*upload.warnings, *reading.warnings]
    if not reading.utterances and NO_TURNS not in warnings:
        warnings.append(NO_TURNS)
    if not import_overrides(upload.overrides).get("date") and reading.event.date is None:
        warnings.append(NO_DATE)
    inferred = sum(turn.attribution == Attribution.INFERRED for turn in reading.utterances)
    if inferred:
        count = f"{inferred} turn{pluralize(inferred)}"
        warnings.append(f"{count} with no printed speaker label, attributed by inference: check.")
    turns = [(turn, names.get(turn.speaker)) for turn in reading.utterances]
    event = initial_metadata(reading, upload.overrides)
    warnings += similar_events(event)
    event["kind_label"] = EventKind(event["kind"]).label if event["kind"] else ""
    event["source_link"] = web_url(event["source_url"])
    return Preview(reading, event, speakers, turns, warnings)


def similar_events(event: Mapping) -> list[SafeString]:
    """Return a warning for each archive event with this source URL, or this date and title."""
    same = Q(date=event["date"], title__iexact=event["title"]) if event["date"] else Q(pk=None)
    if event["source_url"]:
        same |= Q(source_url=event["source_url"])
    found = Event.objects.without_source().filter(same).order_by("pk")[:MAX_SIMILAR]
    return [
        format_html(
            'The archive already has {}: <a href="{}">{}</a>. Import only if this is another '
            "transcript, not a corrected copy.",
            "this source URL"
            if event["source_url"] and event["source_url"] == other.source_url
            else "this title and date",
            other.get_absolute_url(),
            other,
        )
        for other in found
    ]


def initial_metadata(reading: Reading, overrides: Mapping) -> dict:
    """Return the preview form's metadata: the overrides, else what the reader found."""
    event = reading.event
    initial = {name: getattr(event, name) for name in EVENT_FIELDS}
    initial["title"] = initial["title"][:500]
    initial["kind"] = event_kind(event.kind or event.title) if event.kind or event.title else ""
    initial.update({name: value for name, value in overrides.items() if value})
    initial["date"] = parse_date(overrides.get("date")) or event.date
    if overrides.get("date"):
        initial["date_precision"] = DatePrecision.DAY
    return initial


@retrying
def confirm(upload: PendingUpload, choices: Mapping[str, Speaker | None]) -> ImportResult:
    """Import a pending upload once; a second confirm returns the event the first one made."""
    with transaction.atomic():
        # The row lock makes a concurrent confirm of the same upload wait for this one's outcome.
        locked = PendingUpload.objects.select_for_update().filter(pk=upload.pk).first()
        if locked is None:
            raise UploadGone("This upload no longer exists (it was discarded or expired).")
        if locked.event_id:
            return ImportResult(event=locked.event, created=False, utterance_count=0)
        reading = read_upload(locked)
        if not reading.utterances:
            raise ImportRefused(NO_TURNS + " Nothing to import.")
        result = import_reading(
            reading=reading,
            source_text=locked.source_text,
            source_file=bytes(locked.source_file),
            source_name=locked.source_name,
            overrides=import_overrides(locked.overrides),
            speaker_choices=dict(choices),
            metadata=metadata(locked.overrides, locked.source_name),
        )
        locked.event = result.event
        locked.save(update_fields=["event"])
    return result
