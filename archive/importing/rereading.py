"""Re-read an event from its stored source, keeping every utterance's permalink."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from archive.importing.locks import lock_speakers, retrying
from archive.importing.maintenance import drop_orphans, speakers_of
from archive.importing.service import (
    UTTERANCE_COLUMNS,
    ImportRefused,
    Vanished,
    recorded_metadata,
    resolve_speakers,
    turn_values,
)
from archive.models import Event, SourceFile, Speaker, Utterance, UtteranceRedirect
from archive.reading import SPEAKER_JOURNALIST, Metadata, Reading, decode
from archive.registry.snapshot import read_with_registry
from archive.search import queue
from archive.speaker_names import is_generic_label

# Old rows move out of the way first, so the unique (event, sequence) never clashes mid-update.
SEQUENCE_SHIFT = 1_000_000
UPDATED_FIELDS = [
    "sequence",
    "speaker",
    "label",
    "text",
    "interpreted_paragraphs",
    "notes",
    "attribution",
]
# Copied by attname: new rows hold speaker_id alone, and reading `speaker` would query.
UPDATED_ATTNAMES = [Utterance._meta.get_field(name).attname for name in UPDATED_FIELDS]


@dataclass(frozen=True)
class RereadResult:
    """What a re-read did to an event's utterances."""

    kept: int
    added: int
    removed: int


def pair_turns(old: list[Utterance], new: list[Utterance]) -> dict[int, Utterance]:
    """Return old rows keyed by the index of the new row each becomes: same turn, then same text."""
    pairs: dict[int, Utterance] = {}
    unused = {(u.sequence, u.text): u for u in old}
    for i, row in enumerate(new):
        match = unused.pop((row.sequence, row.text), None)
        if match:
            pairs[i] = match
    by_text = {u.text: u for u in unused.values()}
    for i, row in enumerate(new):
        if i not in pairs and row.text in by_text:
            pairs[i] = by_text.pop(row.text)
    return pairs


def utterance_rows(event: Event, reading: Reading, resolved) -> list[Utterance]:
    """Return unsaved Utterance rows for every turn of the reading."""
    return [
        Utterance(**dict(zip(UTTERANCE_COLUMNS, values, strict=True)))
        for values in turn_values(event, reading, resolved)
    ]


def kept_speakers(old: list[Utterance], reading: Reading) -> dict[str, Speaker]:
    """Return, by reading key, the one archive speaker that speaker's own labels were given to."""
    # An admin's choice at upload, or a merge since, is what the rows say; matching anew would undo
    # it. Generic labels (QUESTION) are shared by many people and decide nothing.
    by_label = defaultdict(set)
    for row in old:
        by_label[row.label].add(row.speaker_id)
    # Behind a generic label, the turns tell: "Alex of Yahoo News" asks under Q, and the rows of
    # the same turns say whom the archivist made of Alex.
    by_turn = {(row.sequence, row.text): row.speaker_id for row in old}
    turns = defaultdict(set)
    for turn in reading.utterances:
        turns[turn.speaker].add(by_turn.get((turn.sequence, turn.text)))
    chosen = {}
    for speaker in reading.speakers:
        ids = {
            pk for label in speaker.labels if not is_generic_label(label) for pk in by_label[label]
        }
        if not ids and speaker.kind == SPEAKER_JOURNALIST:
            ids = turns[speaker.key]
        if len(ids) == 1 and None not in ids:
            chosen[speaker.key] = ids.pop()
    found = Speaker.objects.in_bulk(set(chosen.values()))
    return {key: found[pk] for key, pk in chosen.items() if pk in found}


def redirect_target(sequence: int, rows: list[Utterance]) -> Utterance:
    """Return the saved row nearest in sequence to a removed turn."""
    return min(rows, key=lambda row: (abs(row.sequence - sequence), row.sequence))


def stored_source(event: Event) -> bytes | str:
    """Return what an event was read from: the file it was uploaded as (a PDF), else its text."""
    data = SourceFile.objects.filter(event=event).values_list("data", flat=True).first()
    return bytes(data) if data is not None else event.source_text


def reading_of(event: Event, source: bytes | str) -> Reading:
    """Return a new reading of an event's stored source, given what the reader was given."""
    given = recorded_metadata(event.reading_metadata) if event.reading_metadata else None
    metadata = given or Metadata(filename=event.source_name)
    return read_with_registry(source, metadata=metadata)


@retrying
def reread_event(*, event: Event, reading: Reading | None = None) -> RereadResult:
    """Replace an event's utterances by a new reading of its source; permalinks stay valid."""
    given, source = reading, stored_source(event)
    reading = reading or reading_of(event, source)
    if not reading.utterances:
        raise ImportRefused("The new reading has no turns; the event was left as it was.")
    with transaction.atomic():
        lock_speakers()
        locked = Event.objects.select_for_update().filter(pk=event.pk).first()
        if locked is None:
            raise Vanished(f"“{event.title}” was deleted meanwhile: nothing was re-read.")
        if given is None and locked.source_text != event.source_text:
            source = stored_source(locked)  # edited since it was read
            reading = reading_of(locked, source)
        event = locked
        if isinstance(source, bytes):
            # The text beside a PDF is what this reading read out of it.
            Event.objects.filter(pk=event.pk).update(source_text=decode(source)[0])
        old = list(Utterance.objects.in_event(event))
        before = speakers_of([event])
        Utterance.objects.filter(event=event).update(sequence=F("sequence") + SEQUENCE_SHIFT)
        event.appearances.all().delete()
        resolved = resolve_speakers(event, reading, kept_speakers(old, reading))
        new = utterance_rows(event, reading, resolved)
        pairs = pair_turns(old, new)
        for i, row in pairs.items():
            for attname in UPDATED_ATTNAMES:
                setattr(row, attname, getattr(new[i], attname))
        Utterance.objects.bulk_update(list(pairs.values()), UPDATED_FIELDS, batch_size=1000)
        created = Utterance.objects.bulk_create(
            [row for i, row in enumerate(new) if i not in pairs], batch_size=1000
        )
        kept_ids = {row.pk for row in pairs.values()}
        removed = [row for row in old if row.pk not in kept_ids]
        redirect_removed(removed, list(pairs.values()) + created)
        Utterance.objects.filter(pk__in=[row.pk for row in removed]).delete()
        queue.enqueue(row.pk for row in old + created)
        drop_orphans(before)
    return RereadResult(kept=len(pairs), added=len(created), removed=len(removed))


def redirect_removed(removed: list[Utterance], saved: list[Utterance]) -> None:
    """Point removed permalinks (and redirects that led to them) at the nearest kept turn."""
    if not removed or not saved:
        return
    targets = {u.pk: redirect_target(u.sequence, saved) for u in removed}
    for old_pk, target in targets.items():
        UtteranceRedirect.objects.filter(utterance_id=old_pk).update(utterance=target)
    UtteranceRedirect.objects.bulk_create(
        [UtteranceRedirect(old_id=pk, utterance=target) for pk, target in targets.items()]
    )
