"""The archive's maintenance writes: merge speakers, delete events; the search index follows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

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


def merge_speakers(*, keep: Speaker, speakers: Iterable[Speaker]) -> MergeResult:
    """Merge speakers into `keep`: utterances, labels, appearances and URLs move to it."""
    others = [s for s in speakers if s.pk != keep.pk]
    with transaction.atomic():
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


def delete_events(*, events) -> int:
    """Delete events and take their utterances out of the search index; return the count."""
    with transaction.atomic():
        events = Event.objects.filter(pk__in=list(events.values_list("pk", flat=True)))
        ids = list(Utterance.objects.filter(event__in=events).values_list("pk", flat=True))
        count = events.count()
        events.delete()
        queue.enqueue(ids)
    return count
