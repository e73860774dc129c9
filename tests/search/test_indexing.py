"""The index follows the services' writes: after commit, its own task only, never lost to a lock."""

import logging
import time
from contextlib import contextmanager

import pytest
from django.db import transaction
from haystack import connections

from archive.importing import editing
from archive.models import Event, Speaker, Utterance
from archive.search import queue
from archive.search.models import IndexTask

pytestmark = pytest.mark.django_db


def indexed():
    """Return the set of utterance ids in the index."""
    return {int(pk) for pk in connections["default"].get_backend().indexed_ids()}


def stored():
    return set(Utterance.objects.values_list("pk", flat=True))


def total(client, q):
    return client.get("/search/", {"q": q}).context["outcome"].total


@contextmanager
def engine_lock(settings, engine_name):
    """Hold the engine's own write lock, as a writer outside the queue would."""
    options = settings.HAYSTACK_CONNECTIONS["default"]
    settings.HAYSTACK_CONNECTIONS = {"default": {**options, "LOCK_TIMEOUT": 0.2}}
    connections.connections_info = settings.HAYSTACK_CONNECTIONS
    backend = connections.reload("default").get_backend()
    if engine_name == "tantivy":
        writer = backend.generation().utterances.writer(num_threads=1)
        yield
        writer.rollback()
        writer.wait_merging_threads()
    else:
        backend.setup()
        lock = backend.index.lock("WRITELOCK")
        assert lock.acquire(blocking=False)
        yield
        lock.release()


def test_archive_fixture_is_indexed_exactly(archive):
    assert indexed() == stored() and IndexTask.objects.count() == 0


def test_nothing_is_indexed_before_commit(archive, django_capture_on_commit_callbacks):
    first = archive["utterances"][0]
    new = Utterance(event=first.event, sequence=99, speaker=first.speaker, label="PM", text="x")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        editing.save_utterance(utterance=new)
    assert new.pk not in indexed()
    for callback in callbacks:
        callback()
    assert new.pk in indexed()


def test_rollback_leaves_no_task_and_no_document(archive, django_capture_on_commit_callbacks):
    first = archive["utterances"][0]
    new = Utterance(event=first.event, sequence=98, speaker=first.speaker, label="PM", text="x")
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        editing.save_utterance(utterance=new)
        raise RuntimeError("roll back")
    assert IndexTask.objects.count() == 0 and indexed() == stored()


def test_one_task_for_a_bulk_write(archive, django_capture_on_commit_callbacks):
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    old = list(Utterance.objects.filter(event=event).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        Utterance.objects.filter(pk__in=old).delete()
        rows = Utterance.objects.bulk_create(
            Utterance(event=event, sequence=n, speaker=speaker, label="PM", text=f"turn {n}")
            for n in range(100, 400)
        )
        queue.enqueue([*old, *(row.pk for row in rows)])
    assert len(callbacks) == 1
    assert indexed() == stored() and IndexTask.objects.count() == 0


def test_edits_through_the_services_reindex(client, archive, django_capture_on_commit_callbacks):
    utterance = archive["utterances"][1]
    with django_capture_on_commit_callbacks(execute=True):
        utterance.text = "Fentanyl is the word now."
        editing.save_utterance(utterance=utterance)
        speaker = Speaker.objects.get(pk=utterance.speaker_id)
        speaker.name = "John Francis Kelly"
        editing.save_speaker(speaker=speaker)
        event = Event.objects.get(slug="tokyo-2022")
        event.title = "Joint Press Conference in Hiroshima"
        editing.save_event(event=event)
    assert total(client, "fentanyl francis") == 1
    assert total(client, "hiroshima") == 2
    with django_capture_on_commit_callbacks(execute=True):
        editing.set_labels(speaker=speaker, labels=["SECRETARY KELLY", "GENERAL KELLY"])
    assert total(client, "general fentanyl") == 1
    with django_capture_on_commit_callbacks(execute=True):
        editing.delete_utterances(utterances=Utterance.objects.filter(pk=utterance.pk))
    assert utterance.pk not in indexed() and indexed() == stored()


def test_unchanged_saves_queue_nothing(archive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_event(event=archive["events"]["drugs-2017"])
        editing.save_speaker(speaker=archive["speakers"]["rex-w-tillerson"])
        editing.set_labels(
            speaker=archive["speakers"]["rex-w-tillerson"], labels=["SECRETARY TILLERSON"]
        )
    assert IndexTask.objects.count() == 0


def test_a_write_outside_the_services_is_not_indexed_until_repaired(client, archive):
    # No model signal reaches the index: the services are the one write path.
    Utterance.objects.filter(pk=archive["utterances"][4].pk).update(text="Okapis are shy.")
    utterance = archive["utterances"][5]
    utterance.text = "Zebras too."
    utterance.save()
    assert IndexTask.objects.count() == 0
    assert total(client, "okapis") == total(client, "zebras") == 0


def test_the_commit_applies_its_own_task_and_leaves_others_to_the_worker(
    archive, django_capture_on_commit_callbacks
):
    # A task a killed import left behind, and one of the next edit.
    left = archive["utterances"][0]
    Utterance.objects.filter(pk=left.pk).delete()
    IndexTask.objects.create(utterance_ids=[left.pk])
    edited = archive["utterances"][1]
    edited.text = "Fentanyl."
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_utterance(utterance=edited)
    assert list(IndexTask.objects.values_list("utterance_ids", flat=True)) == [[left.pk]]
    assert left.pk in indexed()
    assert queue.drain() == 1 and indexed() == stored()


def test_a_large_task_is_left_to_the_worker(
    archive, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(queue, "OWN_LIMIT", 2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        editing.delete_utterances(utterances=Utterance.objects.filter(event__slug="drugs-2017"))
    assert callbacks == [] and IndexTask.objects.count() == 1
    assert queue.drain() == 4 and indexed() == stored()


def test_a_busy_writer_delays_but_never_loses_work(archive, django_capture_on_commit_callbacks):
    doomed, edited = archive["utterances"][0], archive["utterances"][1]
    with queue.writer_lock(wait=False) as held:
        assert held
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            editing.delete_utterances(utterances=Utterance.objects.filter(pk=doomed.pk))
        with django_capture_on_commit_callbacks(execute=True):
            edited.text = "Completely new words about fentanyl."
            editing.save_utterance(utterance=edited)
        assert time.monotonic() - started < 1  # the commits did not wait for the writer
        assert queue.drain() == 0  # another writer holds the lock: it applies them
        assert doomed.pk in indexed() and queue.queued_ids() == {doomed.pk, edited.pk}
    assert queue.drain() == 2
    assert indexed() == stored() and IndexTask.objects.count() == 0


def test_an_engine_locked_elsewhere_keeps_the_work_queued(
    archive, settings, engine_name, caplog, django_capture_on_commit_callbacks
):
    doomed = archive["utterances"][0]
    with engine_lock(settings, engine_name), caplog.at_level(logging.WARNING):
        with django_capture_on_commit_callbacks(execute=True):
            editing.delete_utterances(utterances=Utterance.objects.filter(pk=doomed.pk))
        assert queue.queued_ids() == {doomed.pk}
        assert "locked by another writer" in caplog.text
    assert queue.drain() == 1 and indexed() == stored()


def test_a_failing_engine_keeps_the_work_queued(
    archive, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    backend = type(connections["default"].get_backend())

    def broken(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(backend, "write", broken)
    doomed = archive["utterances"][0]
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        editing.delete_utterances(utterances=Utterance.objects.filter(pk=doomed.pk))
    assert queue.queued_ids() == {doomed.pk} and "stays queued" in caplog.text
    with pytest.raises(OSError, match="disk full"):
        queue.drain()
    monkeypatch.undo()
    assert queue.drain() == 1 and indexed() == stored()
