"""Re-read an event from its stored source, keeping every utterance's permalink."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from archive import indexing
from archive.importing.service import (
    UTTERANCE_COLUMNS,
    ImportRefused,
    recorded_metadata,
    resolve_speakers,
    turn_values,
)
from archive.models import Event, SourceFile, Speaker, Utterance, UtteranceRedirect
from archive.names import is_generic_label
from archive.reading import Metadata, Reading, decode, read

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
    chosen = {}
    for speaker in reading.speakers:
        ids = {
            pk for label in speaker.labels if not is_generic_label(label) for pk in by_label[label]
        }
        if len(ids) == 1:
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


def reread_event(*, event: Event, reading: Reading | None = None) -> RereadResult:
    """Replace an event's utterances by a new reading of its source; permalinks stay valid."""
    source = stored_source(event)
    if reading is None:
        given = recorded_metadata(event.reading_metadata) if event.reading_metadata else None
        reading = read(source, metadata=given or Metadata(filename=event.source_name))
    if not reading.utterances:
        raise ImportRefused("The new reading has no turns; the event was left as it was.")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if isinstance(source, bytes):
            # The text beside a PDF is what this reading read out of it.
            Event.objects.filter(pk=event.pk).update(source_text=decode(source)[0])
        old = list(Utterance.objects.in_event(event))
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
        with indexing.queued_by_caller():
            Utterance.objects.filter(pk__in=[row.pk for row in removed]).delete()
        indexing.schedule_unindex([row.pk for row in removed])
        indexing.schedule_index([row.pk for row in list(pairs.values()) + created])
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
