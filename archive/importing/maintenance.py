"""The archive's maintenance writes: merge speakers, delete events; the search index follows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef

from archive.importing.locks import lock_speakers, retrying
from archive.importing.service import Vanished
from archive.models import (
    Appearance,
    Event,
    Speaker,
    SpeakerLabel,
    SpeakerRedirect,
    Utterance,
)
from archive.search import queue

FILLED_FIELDS = ("role", "affiliation", "country")


@dataclass(frozen=True)
class MergeResult:
    """What a merge moved into the kept speaker."""

    merged: int
    utterances: int


def move_labels(keep: Speaker, others: list[Speaker]) -> None:
    """Give the kept speaker every label of the others, each label once."""
    labels = SpeakerLabel.objects.filter(speaker__in=others).values_list("label", flat=True)
    SpeakerLabel.objects.bulk_create(
        [SpeakerLabel(speaker=keep, label=label) for label in set(labels)],
        ignore_conflicts=True,
    )
    SpeakerLabel.objects.filter(speaker__in=others).delete()


def move_appearances(keep: Speaker, others: list[Speaker]) -> None:
    """Move the others' appearances to the kept speaker, one per event, filling blank roles."""
    kept = {a.event_id: a for a in Appearance.objects.filter(speaker=keep)}
    for appearance in Appearance.objects.filter(speaker__in=others).order_by("pk"):
        existing = kept.get(appearance.event_id)
        if existing is None:
            appearance.speaker = keep
            appearance.save(update_fields=["speaker"])
            kept[appearance.event_id] = appearance
            continue
        for name in ("role", "affiliation"):
            if not getattr(existing, name) and getattr(appearance, name):
                setattr(existing, name, getattr(appearance, name))
        existing.save(update_fields=["role", "affiliation"])
        appearance.delete()


def redirect_slugs(keep: Speaker, others: list[Speaker]) -> None:
    """Point the others' URLs, and the redirects that led to them, at the kept speaker."""
    SpeakerRedirect.objects.filter(speaker__in=others).update(speaker=keep)
    SpeakerRedirect.objects.filter(old_slug=keep.slug).delete()
    for other in others:
        SpeakerRedirect.objects.update_or_create(old_slug=other.slug, defaults={"speaker": keep})


def fill_blanks(keep: Speaker, others: list[Speaker]) -> None:
    """Fill the kept speaker's empty role, affiliation and country from the others."""
    changed = []
    for name in FILLED_FIELDS:
        value = next((getattr(o, name) for o in others if getattr(o, name)), "")
        if value and not getattr(keep, name):
            setattr(keep, name, value)
            changed.append(name)
    if changed:
        keep.save(update_fields=changed)


def locked_speakers(keep: Speaker, speakers: list[Speaker]) -> tuple[Speaker, list[Speaker]]:
    """Return the speakers to merge as they are now, locked; any gone since is a Vanished."""
    wanted = {s.pk for s in speakers} | {keep.pk}
    rows = Speaker.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
    found = {speaker.pk: speaker for speaker in rows}
    gone = list(dict.fromkeys(f"“{s.name}”" for s in [keep, *speakers] if s.pk not in found))
    if gone:
        was = "was" if len(gone) == 1 else "were"
        raise Vanished(
            f"{', '.join(gone)} {was} merged or deleted meanwhile: nothing was merged; "
            "select the speakers again."
        )
    return found[keep.pk], [found[s.pk] for s in speakers if s.pk != keep.pk]


@retrying
def merge_speakers(*, keep: Speaker, speakers: Iterable[Speaker]) -> MergeResult:
    """Merge speakers into `keep`: utterances, labels, appearances and URLs move to it."""
    with transaction.atomic():
        lock_speakers()
        keep, others = locked_speakers(keep, list(speakers))
        turns = Utterance.objects.filter(speaker__in=others)
        moved = list(turns.values_list("pk", flat=True))
        turns.update(speaker=keep)
        move_labels(keep, others)
        move_appearances(keep, others)
        fill_blanks(keep, others)
        redirect_slugs(keep, others)
        Speaker.objects.filter(pk__in=[o.pk for o in others]).delete()
        # The kept speaker's own turns too: their documents hold the labels moved to it.
        queue.enqueue(Utterance.objects.filter(speaker=keep).values_list("pk", flat=True))
    return MergeResult(merged=len(others), utterances=len(moved))


@retrying
def delete_events(*, events) -> int:
    """Delete events and take their utterances out of the search index; return the count."""
    with transaction.atomic():
        lock_speakers()
        # Events first, in one order, then what hangs on them: a re-read locks in that order too.
        wanted = list(events.values_list("pk", flat=True))
        locked = Event.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
        events = Event.objects.filter(pk__in=list(locked.values_list("pk", flat=True)))
        turns = Utterance.objects.filter(event__in=events)
        ids = list(turns.values_list("pk", flat=True))
        speakers = speakers_of(events)
        count = events.count()
        events.delete()
        queue.enqueue(ids)
        drop_orphans(speakers)
    return count


def speakers_of(events) -> set[int]:
    """Return the ids of the speakers who appear or speak at the events."""
    appearing = Appearance.objects.filter(event__in=events).values_list("speaker_id", flat=True)
    speaking = Utterance.objects.filter(event__in=events).values_list("speaker_id", flat=True)
    return set(appearing) | set(speaking)


def drop_orphans(speaker_ids: Iterable[int]) -> int:
    """Delete those of the speakers left with no event and no turn; return how many."""
    # A speaker of no event would be listed with 0 events and matched by later imports; only
    # speakers a write has just left behind go, never one an admin made by hand.
    orphans = Speaker.objects.filter(pk__in=set(speaker_ids)).exclude(
        Exists(Appearance.objects.filter(speaker=OuterRef("pk")))
    )
    orphans = orphans.exclude(Exists(Utterance.objects.filter(speaker=OuterRef("pk"))))
    deleted, _ = orphans.delete()
    return deleted
