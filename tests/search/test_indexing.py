"""The index follows the database: after commit, in batches, through signals, and through locks."""

import time

import pytest
from django.db import transaction
from haystack import connections

from archive.models import Event, Speaker, Utterance
from archive.search import queue
from archive.search.models import IndexTask

pytestmark = pytest.mark.django_db


def indexed():
    """Return the set of utterance ids in the index."""
    return {int(pk) for pk in connections["default"].get_backend().indexed_ids()}


def stored():
    return set(Utterance.objects.values_list("pk", flat=True))


def test_archive_fixture_is_indexed_exactly(archive):
    assert indexed() == stored() and IndexTask.objects.count() == 0


def test_nothing_is_indexed_before_commit(archive, django_capture_on_commit_callbacks):
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        new = Utterance.objects.create(
            event=event, sequence=99, speaker=speaker, label="PM", text="x"
        )
    assert new.pk not in indexed()
    for callback in callbacks:
        callback()
    assert new.pk in indexed()


def test_rollback_leaves_no_task_and_no_document(archive, django_capture_on_commit_callbacks):
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Utterance.objects.create(event=event, sequence=98, speaker=speaker, label="PM", text="x")
        raise RuntimeError("roll back")
    assert IndexTask.objects.count() == 0 and indexed() == stored()


def test_importer_style_bulk_operations_use_the_hooks(archive, django_capture_on_commit_callbacks):
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    old = list(Utterance.objects.filter(event=event).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        Utterance.objects.filter(pk__in=old)._raw_delete("default")
        queue.schedule_unindex(old)
        rows = Utterance.objects.bulk_create(
            Utterance(event=event, sequence=n, speaker=speaker, label="PM", text=f"turn {n}")
            for n in range(100, 400)
        )
        queue.schedule_index([row.pk for row in rows])
    assert len(callbacks) == 1
    assert indexed() == stored()


def test_single_row_edits_reindex(client, archive, django_capture_on_commit_callbacks):
    utterance = archive["utterances"][1]
    with django_capture_on_commit_callbacks(execute=True):
        utterance.text = "Fentanyl is the word now."
        utterance.save()
        Speaker.objects.filter(pk=utterance.speaker_id).get().save()
        speaker = utterance.speaker
        speaker.name = "John Francis Kelly"
        speaker.save()
        event = Event.objects.get(slug="tokyo-2022")
        event.title = "Joint Press Conference in Hiroshima"
        event.save()
    assert client.get("/search/", {"q": "fentanyl francis"}).context["outcome"].total == 1
    assert client.get("/search/", {"q": "hiroshima"}).context["outcome"].total == 2
    with django_capture_on_commit_callbacks(execute=True):
        utterance.delete()
    assert utterance.pk not in indexed() and indexed() == stored()


def test_unchanged_parent_save_queues_nothing(archive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        archive["events"]["drugs-2017"].save()
        archive["speakers"]["rex-w-tillerson"].save()
    assert IndexTask.objects.count() == 0


def test_locked_index_delays_but_never_loses_work(
    archive, settings, django_capture_on_commit_callbacks
):
    settings.HAYSTACK_CONNECTIONS = {
        "default": {**settings.HAYSTACK_CONNECTIONS["default"], "LOCK_TIMEOUT": 0.2}
    }
    backend = connections["default"].get_backend()
    backend.setup()
    lock = backend.index.lock("WRITELOCK")
    assert lock.acquire(blocking=False)
    try:
        doomed, edited = archive["utterances"][0], archive["utterances"][1]
        doomed_pk = doomed.pk
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            doomed.delete()
        with django_capture_on_commit_callbacks(execute=True):
            edited.text = "Completely new words about fentanyl."
            edited.save()
        assert time.monotonic() - started < 3
        assert doomed_pk in indexed()
        assert queue.queued_ids() == {
            doomed_pk,
            edited.pk,
        }
    finally:
        lock.release()
    assert queue.drain() == 2
    assert indexed() == stored() and IndexTask.objects.count() == 0


def test_a_second_writer_leaves_the_work_to_the_first(archive, django_capture_on_commit_callbacks):
    with queue.writer_lock(wait=False) as held:
        assert held
        with django_capture_on_commit_callbacks(execute=True):
            archive["utterances"][0].delete()
        assert IndexTask.objects.count() == 1
    assert queue.drain() == 1 and indexed() == stored()
