"""Edits made by hand (the admin): events, speakers, their labels and turns, with index work.

Each saves inside one transaction and queues the utterances whose search documents the edit
changes; nothing else (no model signal) tells the index about a write.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from archive.models import Event, Speaker, SpeakerLabel, Utterance
from archive.search import queue

# The fields of events and speakers that their utterances' documents hold.
EVENT_FIELDS = ("title", "slug", "date", "kind")
SPEAKER_FIELDS = ("name", "slug", "country")


def stored_values(instance, fields) -> dict | None:
    """Return the stored values of a saved instance's fields, None for a new one."""
    if instance.pk is None:
        return None
    return type(instance).objects.filter(pk=instance.pk).values(*fields).first()


def changes(instance, fields) -> bool:
    """Return whether saving the instance would change a stored field of `fields`."""
    before = stored_values(instance, fields)
    return before is not None and any(before[f] != getattr(instance, f) for f in fields)


def save_event(*, event: Event) -> None:
    """Save an event edited by hand; its turns are reindexed if what they show changed."""
    with transaction.atomic():
        reindex = changes(event, EVENT_FIELDS)
        event.save()
        if reindex:
            queue.enqueue(event.utterances.values_list("pk", flat=True))


def save_speaker(*, speaker: Speaker) -> None:
    """Save a speaker edited by hand; their turns are reindexed if what they show changed."""
    with transaction.atomic():
        reindex = changes(speaker, SPEAKER_FIELDS)
        speaker.save()
        if reindex:
            queue.enqueue(speaker.utterances.values_list("pk", flat=True))


def set_labels(*, speaker: Speaker, labels: Iterable[str]) -> bool:
    """Give a speaker exactly these labels; return whether any changed (their turns follow)."""
    wanted = {label.strip() for label in labels if label.strip()}
    with transaction.atomic():
        held = set(speaker.labels.values_list("label", flat=True))
        if wanted == held:
            return False
        speaker.labels.filter(label__in=held - wanted).delete()
        SpeakerLabel.objects.bulk_create(
            [SpeakerLabel(speaker=speaker, label=label) for label in sorted(wanted - held)]
        )
        queue.enqueue(speaker.utterances.values_list("pk", flat=True))
    return True


def save_label(*, label: SpeakerLabel) -> None:
    """Save one label edited by hand; the turns of its speaker (and of its old one) follow."""
    with transaction.atomic():
        before = stored_values(label, ("speaker_id", "label"))
        label.save()
        speakers = {label.speaker_id} | ({before["speaker_id"]} if before else set())
        if before != {"speaker_id": label.speaker_id, "label": label.label}:
            queue.enqueue(turns_of(speakers))


def delete_labels(*, labels) -> int:
    """Delete labels; the turns of their speakers follow. Return how many were deleted."""
    with transaction.atomic():
        speakers = set(labels.values_list("speaker_id", flat=True))
        count, _ = SpeakerLabel.objects.filter(
            pk__in=list(labels.values_list("pk", flat=True))
        ).delete()
        queue.enqueue(turns_of(speakers))
    return count


def save_utterance(*, utterance: Utterance) -> None:
    """Save a turn edited by hand and reindex it."""
    with transaction.atomic():
        utterance.save()
        queue.enqueue([utterance.pk])


def delete_utterances(*, utterances) -> int:
    """Delete turns and take them out of the index; return how many were deleted."""
    with transaction.atomic():
        ids = list(utterances.values_list("pk", flat=True))
        Utterance.objects.filter(pk__in=ids).delete()
        queue.enqueue(ids)
    return len(ids)


def delete_speakers(*, speakers) -> int:
    """Delete speakers who have no turns (those who have are protected); return how many."""
    with transaction.atomic():
        count, _ = Speaker.objects.filter(
            pk__in=list(speakers.values_list("pk", flat=True))
        ).delete()
    return count


def turns_of(speaker_ids: Iterable[int]):
    """Return the ids of the given speakers' utterances, as a query."""
    return Utterance.objects.filter(speaker_id__in=set(speaker_ids)).values_list("pk", flat=True)
