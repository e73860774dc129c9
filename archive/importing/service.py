"""The one write path: a reading of a transcript becomes an event, its speakers and utterances."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from archive import plain_sql
from archive.importing import speakers as matching
from archive.importing.locks import lock_speakers, retrying
from archive.importing.slugs import unique_slug
from archive.models import (
    Appearance,
    DatePrecision,
    Event,
    EventKind,
    SourceFile,
    Speaker,
    SpeakerLabel,
    Utterance,
)
from archive.reading import Metadata, Reading, decode, is_pdf
from archive.registry.snapshot import read_with_registry
from archive.search import queue

EVENT_FIELDS = ("title", "kind", "date", "date_precision", "venue", "city", "source_url")
KIND_WORDS = [
    ("joint press conference", EventKind.JOINT_PRESS_CONFERENCE),
    ("press availability", EventKind.PRESS_AVAILABILITY),
    ("press briefing", EventKind.PRESS_BRIEFING),
    ("briefing", EventKind.PRESS_BRIEFING),
    ("press call", EventKind.PRESS_CALL),
    ("gaggle", EventKind.PRESS_GAGGLE),
    ("interview", EventKind.INTERVIEW),
    ("speech", EventKind.SPEECH),
    ("general debate", EventKind.SPEECH),
    ("statement", EventKind.STATEMENT),
    ("remarks", EventKind.REMARKS),
    ("press conference", EventKind.PRESS_CONFERENCE),
]


class ImportRefused(ValueError):
    """Raised when a reading cannot become an event; the message says why and what to do."""


class Vanished(ImportRefused):
    """Raised when what a write works on was deleted or merged by another writer meanwhile."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the event holding the source and whether this call created it."""

    event: Event
    created: bool
    utterance_count: int
    warnings: tuple[str, ...] = field(default=())


def checksum(source_text: str) -> str:
    """Return the SHA-256 of a source, blind to line-ending and trailing-space differences."""
    lines = [line.rstrip() for line in source_text.replace("\r\n", "\n").split("\n")]
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def source_checksum(source_text: str, source_file: bytes = b"") -> str:
    """Return the checksum naming a source: of its file as uploaded (a PDF), else of its text."""
    # The file's bytes, not the text read out of it: a better reader must not make a copy new.
    return hashlib.sha256(source_file).hexdigest() if source_file else checksum(source_text)


def event_kind(text: str) -> str:
    """Return the EventKind value that a free-text kind or title names."""
    lowered = text.lower()
    if lowered in EventKind.values:
        return lowered
    return next((kind for words, kind in KIND_WORDS if words in lowered), EventKind.OTHER)


def event_values(reading: Reading, overrides: Mapping) -> dict:
    """Return the event's fields from the reading, with non-empty overrides winning."""
    values = {name: getattr(reading.event, name) for name in EVENT_FIELDS}
    values.update({k: v for k, v in overrides.items() if k in EVENT_FIELDS and v})
    if overrides.get("date"):
        values["date_precision"] = DatePrecision.DAY
    values["kind"] = event_kind(values["kind"] or values["title"])
    if not values["title"]:
        raise ImportRefused("The transcript has no title: give one.")
    if not isinstance(values["date"], datetime.date):
        raise ImportRefused("The transcript has no date the reader could find: give one.")
    for name in ("title", "venue", "city", "source_url"):
        limit = Event._meta.get_field(name).max_length
        if len(values[name]) > limit:
            raise ImportRefused(
                f"The {name.replace('_', ' ')} is {len(values[name]):,} characters long, "
                f"more than the archive's {limit}: give a shorter one."
            )
    return values


def existing_event(digest: str) -> Event | None:
    """Return the event already holding a source with this checksum, if any."""
    return Event.objects.filter(checksum=digest).first()


def metadata_record(metadata: Metadata | None) -> dict:
    """Return the metadata given to the reader as JSON-ready data, empty fields left out."""
    if metadata is None:
        return {}
    given = {k: v for k, v in dataclasses.asdict(metadata).items() if v}
    if "date" in given:
        given["date"] = given["date"].isoformat()
    return given


def recorded_metadata(record: Mapping) -> Metadata:
    """Return the Metadata that metadata_record stored."""
    values = dict(record)
    if values.get("date"):
        values["date"] = datetime.date.fromisoformat(values["date"])
    return Metadata(**values)


def import_source(
    *, data: bytes | str, metadata: Metadata | None = None, overrides: Mapping | None = None
) -> ImportResult:
    """Read a transcript and import it; the reader's errors propagate as ReaderError."""
    metadata = metadata or Metadata()
    source_file = data if is_pdf(data) else b""
    source_text, _warnings = decode(data)
    duplicate = existing_event(source_checksum(source_text, source_file))
    if duplicate:
        return ImportResult(event=duplicate, created=False, utterance_count=0)
    reading = read_with_registry(data, metadata=metadata)
    return import_reading(
        reading=reading,
        source_text=source_text,
        source_name=metadata.filename,
        overrides=overrides or {},
        metadata=metadata,
        source_file=source_file,
    )


@retrying
def import_reading(
    *,
    reading: Reading,
    source_text: str,
    source_name: str = "",
    overrides: Mapping | None = None,
    speaker_choices: Mapping[str, Speaker | None] | None = None,
    metadata: Metadata | None = None,
    source_file: bytes = b"",
) -> ImportResult:
    """Write one reading atomically; a source imported before creates nothing."""
    # `speaker_choices` maps a reading's speaker key to an archive Speaker, or to None for a new
    # one; `metadata` is what the reader was given, kept so a re-read gives the reader the same;
    # `source_file` is the PDF the text was read out of, kept beside it.
    digest = source_checksum(source_text, source_file)
    try:
        values = event_values(reading, overrides or {})
    except ImportRefused:
        # A source imported with the title or date an admin gave is a duplicate, not a refusal.
        if duplicate := existing_event(digest):
            return ImportResult(event=duplicate, created=False, utterance_count=0)
        raise
    record = {"source_text": source_text, "source_name": source_name[:255], "checksum": digest}
    try:
        with transaction.atomic():
            lock_speakers()
            event = create_event(values, record, metadata)
            if source_file:
                keep_source_file(event, source_file, source_name)
            count = write_turns(event, reading, current(speaker_choices or {}))
    except IntegrityError:
        # The unique checksum refused a source imported before (or by a concurrent import);
        # the event is the first write, so nothing else was attempted.
        duplicate = existing_event(digest)
        if duplicate is None:
            raise
        return ImportResult(event=duplicate, created=False, utterance_count=0)
    return ImportResult(event=event, created=True, utterance_count=count, warnings=reading.warnings)


def create_event(values: Mapping, record: Mapping, metadata: Metadata | None) -> Event:
    """Insert the event of a reading, with a slug of its own and its source on record."""
    slug = unique_slug(Event, f"{values['date']:%Y-%m-%d} {values['title']}", "event")
    return plain_sql.create(
        Event, slug=slug, reading_metadata=metadata_record(metadata), **record, **values
    )


def current(choices: Mapping[str, Speaker | None]) -> dict[str, Speaker | None]:
    """Return the chosen speakers as they are now: one merged since is the one it went into."""
    # Chosen before the speaker lock was taken, a speaker may have been merged or deleted since.
    chosen = {key: speaker for key, speaker in choices.items() if speaker is not None}
    found = Speaker.objects.in_bulk({speaker.pk for speaker in chosen.values()})
    now = dict(choices)
    for key, speaker in chosen.items():
        now[key] = found.get(speaker.pk) or Speaker.objects.find(speaker.slug)
        if now[key] is None:
            raise Vanished(
                f"The speaker “{speaker.name}” chosen for this import was deleted meanwhile: "
                "choose again."
            )
    return now


def keep_source_file(event: Event, data: bytes, name: str) -> SourceFile:
    """Store the file an event's text was read out of, beside the event."""
    return SourceFile.objects.create(event=event, name=name[:255], size=len(data), data=data)


def resolve_speakers(event: Event, reading: Reading, choices: Mapping) -> dict[str, Speaker]:
    """Return the archive speaker for each reading key, recording labels and roles.

    A speaker given a new label or country here has it in the documents of their earlier turns
    too, so those are queued for reindexing.
    """
    forced = {key: matching.NEW if chosen is None else chosen for key, chosen in choices.items()}
    readings = matching.fitted(reading.speakers)
    directory = matching.Directory.load(readings)
    known = set(directory.by_id)
    resolved = matching.resolve_all(readings, forced, directory, event.date)
    # Speakers created just now have no earlier turns; those chosen or matched may.
    created = set(directory.by_id) - known
    pairs = [(resolved[r.key], r) for r in readings]
    relabelled = speakers_given_new_labels([(s, r) for s, r in pairs if s.pk not in created])
    matching.record_labels(pairs)
    later = speakers_seen_later(event, [s for s, r in pairs if matching.would_replace(s, r)])
    countries = {speaker.pk: speaker.country for speaker, _ in pairs}
    for speaker, speaker_reading in pairs:
        matching.fill_in(speaker, speaker_reading, is_newest=speaker.pk not in later)
    moved = {speaker.pk for speaker, _ in pairs if speaker.country != countries[speaker.pk]}
    if changed := (relabelled | moved) - created:
        earlier = Utterance.objects.filter(speaker_id__in=changed).exclude(event=event)
        queue.enqueue(earlier.values_list("pk", flat=True))
    spoken = {u.speaker for u in reading.utterances}
    plain_sql.insert(
        Appearance,
        ("event_id", "speaker_id", "role", "affiliation"),
        [
            (event.pk, resolved[s.key].pk, s.role, s.affiliation)
            for s in readings
            if s.key in spoken
        ],
        skip_existing=True,
    )
    return resolved


def speakers_given_new_labels(pairs) -> set[int]:
    """Return the ids of the (speaker, reading) pairs' speakers that lack one of its labels."""
    if not pairs:
        return set()
    ids = {speaker.pk for speaker, _ in pairs}
    known = set(plain_sql.select_in(SpeakerLabel, ["speaker_id", "label"], "speaker_id", ids))
    return {s.pk for s, r in pairs if any((s.pk, label) not in known for label in r.labels)}


def speakers_seen_later(event: Event, speakers: list[Speaker]) -> set[int]:
    """Return the ids of those speakers who appear at an event later than this one."""
    if not speakers:
        return set()
    later = Appearance.objects.filter(speaker__in=speakers, event__date__gt=event.date)
    return set(later.values_list("speaker_id", flat=True))


UTTERANCE_COLUMNS = (
    "event_id",
    "sequence",
    "speaker_id",
    "label",
    "text",
    "interpreted_paragraphs",
    "notes",
    "attribution",
)


def turn_values(event: Event, reading: Reading, resolved: Mapping) -> list[tuple]:
    """Return each turn of the reading as a tuple in the order of UTTERANCE_COLUMNS."""
    return [
        (
            event.pk,
            turn.sequence,
            resolved[turn.speaker].pk,
            turn.label[:200],
            turn.text,
            turn.interpreted_paragraphs,
            list(turn.notes),
            turn.attribution,
        )
        for turn in reading.utterances
    ]


def write_turns(event: Event, reading: Reading, choices: Mapping) -> int:
    """Write the speakers, appearances and utterances of a reading; return the turn count."""
    resolved = resolve_speakers(event, reading, choices)
    ids = plain_sql.insert(
        Utterance, UTTERANCE_COLUMNS, turn_values(event, reading, resolved), returning=True
    )
    queue.enqueue(ids)
    return len(ids)
