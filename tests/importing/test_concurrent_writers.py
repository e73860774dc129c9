"""Concurrent writers on PostgreSQL: import, edit, delete, re-read and merge at the same time."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from archive.importing import (
    delete_events,
    import_source,
    merge_speakers,
    reread_event,
    service,
)
from archive.importing.locks import retrying
from archive.models import Event, Speaker, SpeakerRedirect, Utterance, UtteranceRedirect
from archive.models.utterances import UtteranceQuerySet
from archive.reading import read

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 20


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes writers; concurrent transactions need PostgreSQL")


class Writer(threading.Thread):
    """One writer in a thread and a database connection of its own; keeps its result or error."""

    def __init__(self, name, function, *args, **kwargs):
        super().__init__(name=name, daemon=True)
        self.call, self.result, self.error = (function, args, kwargs), None, None

    def run(self):
        function, args, kwargs = self.call
        try:
            self.result = function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the test reports it
            self.error = error
        finally:
            connection.close()

    def finish(self):
        self.join(WAIT)
        assert not self.is_alive(), f"{self.name} is still waiting"
        assert self.error is None, f"{self.name} failed: {self.error!r}"
        return self.result


class Pause:
    """Stops the named thread at a point of its write until released; others pass through."""

    def __init__(self, thread_name):
        self.thread_name, self.reached, self.released = (
            thread_name,
            threading.Event(),
            threading.Event(),
        )

    def __call__(self):
        if threading.current_thread().name == self.thread_name:
            self.reached.set()
            assert self.released.wait(WAIT), "never released"

    def wait(self):
        assert self.reached.wait(WAIT), f"{self.thread_name} never reached its pause"


def other_copy(seed_bytes: bytes) -> bytes:
    """Return the seed as another transcript (another checksum) with the same speakers."""
    return seed_bytes.replace(b"Can I go first?", b"May I go first?")


@pytest.fixture
def kellys(seed_bytes):
    """Import the seed and return its John Kelly and a second Kelly to merge him into."""
    import_source(data=seed_bytes)
    kelly = Speaker.objects.get(name="John F. Kelly")  # as the registry names him
    return kelly, Speaker.objects.create(name="J. F. Kelly", slug="j-f-kelly")


def test_an_import_and_a_merge_of_the_speaker_it_matched_both_succeed(
    seed_bytes, kellys, monkeypatch
):
    kelly, other = kellys
    turns = kelly.utterances.count()
    pause, real = Pause("import"), service.resolve_speakers

    def resolve_then_pause(*args):
        resolved = real(*args)
        pause()
        return resolved

    monkeypatch.setattr(service, "resolve_speakers", resolve_then_pause)
    importing = Writer("import", import_source, data=other_copy(seed_bytes))
    importing.start()
    pause.wait()
    merging = Writer("merge", merge_speakers, keep=other, speakers=[kelly, other])
    merging.start()
    time.sleep(0.5)  # The merge now waits for the import, which has matched John Kelly.
    pause.released.set()
    assert importing.finish().created
    assert merging.finish().merged == 1
    assert not Speaker.objects.filter(pk=kelly.pk).exists()
    assert Utterance.objects.filter(speaker=other).count() == 2 * turns
    assert Event.objects.count() == 2


def test_a_delete_and_a_reread_of_one_event_do_not_deadlock(seed_bytes, monkeypatch):
    event = import_source(data=seed_bytes).event
    seventh = event.utterances.get(sequence=7)
    UtteranceRedirect.objects.create(old_id=10**9, utterance=seventh)
    reading = read(seed_bytes.decode().replace(seventh.text, "A turn said otherwise."))
    pause, real = Pause("reread"), UtteranceQuerySet.in_event

    def in_event(self, chosen):
        pause()  # Called first thing after the re-read locked the event.
        return real(self, chosen)

    monkeypatch.setattr(UtteranceQuerySet, "in_event", in_event)
    rereading_ = Writer("reread", reread_event, event=event, reading=reading)
    rereading_.start()
    pause.wait()
    deleting = Writer("delete", delete_events, events=Event.objects.filter(pk=event.pk))
    deleting.start()
    time.sleep(1.5)  # Past PostgreSQL's deadlock_timeout (1 s), had the two locked in turn.
    pause.released.set()
    assert rereading_.finish().removed == 1
    assert deleting.finish() == 1
    assert not Event.objects.exists() and not Utterance.objects.exists()


def test_a_deadlock_is_run_again_and_both_writers_finish(kellys):
    kelly, other = kellys
    both_locked_one, attempts = threading.Barrier(2, timeout=WAIT), []

    @retrying
    def rename(first, second):
        attempts.append(first.pk)
        with transaction.atomic():
            Speaker.objects.filter(pk=first.pk).update(role="one")
            if len(attempts) <= 2:
                both_locked_one.wait()  # Each holds one row and asks for the other's: a deadlock.
            Speaker.objects.filter(pk=second.pk).update(role="two")
        return True

    writers = [Writer("a", rename, kelly, other), Writer("b", rename, other, kelly)]
    for writer in writers:
        writer.start()
    assert [writer.finish() for writer in writers] == [True, True]
    assert len(attempts) == 3  # PostgreSQL rolled one back; it ran again.


def change_data(response) -> dict:
    """Return an admin change form as shown, with its inlines, as POST data."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else getattr(value, "pk", value)
    return data


def test_an_admin_edit_saved_while_a_merge_waits_is_not_undone(kellys, admin_user, monkeypatch):
    from archive.admin import SpeakerAdmin

    kelly, other = kellys
    client = Client()
    client.force_login(admin_user)
    url = reverse("admin:archive_speaker_change", args=[kelly.pk])
    data = {**change_data(client.get(url)), "role": "Edited in the admin"}
    pause, real = Pause("edit"), SpeakerAdmin.save_model

    def pause_then_save(self, *args):
        pause()
        return real(self, *args)

    monkeypatch.setattr(SpeakerAdmin, "save_model", pause_then_save)
    editing = Writer("edit", client.post, url, data)
    editing.start()
    pause.wait()
    merging = Writer("merge", merge_speakers, keep=other, speakers=[kelly, other])
    merging.start()
    time.sleep(0.5)
    pause.released.set()
    assert editing.finish().status_code == 302
    merging.finish()
    assert not Speaker.objects.filter(pk=kelly.pk).exists()
    assert SpeakerRedirect.objects.get(old_slug=kelly.slug).speaker == other
    assert Speaker.objects.get(pk=other.pk).role == "Edited in the admin"
