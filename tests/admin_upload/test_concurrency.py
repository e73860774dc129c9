"""Two confirms of the same upload import it once, concurrently (PostgreSQL) or in turn."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client

from archive.models import Event, PendingUpload, Utterance
from archive.upload import pending

from .helpers import SEED, preview_data, preview_url


def confirm_data(client, upload):
    return {**preview_data(client.get(preview_url(upload))), "_confirm": "1"}


@pytest.mark.django_db
def test_second_confirm_imports_nothing_and_says_so(admin_client, pending_seed):
    data = confirm_data(admin_client, pending_seed)
    first = admin_client.post(preview_url(pending_seed), data)
    second = admin_client.post(preview_url(pending_seed), data, follow=True)
    event = Event.objects.get()
    assert first.url == event.get_absolute_url()
    assert second.redirect_chain[-1][0] == event.get_absolute_url()
    assert "Already imported" in second.content.decode()
    assert Utterance.objects.count() == 35


@pytest.mark.django_db
def test_confirm_service_twice_returns_the_same_event(admin_user):
    upload = pending.create(
        user=admin_user, text=SEED.read_text(encoding="utf-8"), source_name=SEED.name, overrides={}
    )
    first, second = pending.confirm(upload, {}), pending.confirm(upload, {})
    assert first.created and not second.created and first.event == second.event


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_confirms_import_once(admin_user, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes writers; the concurrent run needs PostgreSQL")
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(admin_user)
    upload = pending.create(
        user=admin_user, text=SEED.read_text(encoding="utf-8"), source_name=SEED.name, overrides={}
    )
    data = confirm_data(clients[0], upload)
    real_import = pending.import_reading

    def slow_import(**kwargs):
        time.sleep(0.3)  # Widens the window in which the two confirms overlap.
        return real_import(**kwargs)

    monkeypatch.setattr(pending, "import_reading", slow_import)
    barrier, responses = threading.Barrier(2), []

    def post(client):
        try:
            barrier.wait()
            responses.append(client.post(preview_url(upload), data, follow=True))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    event = Event.objects.get()
    assert Utterance.objects.count() == 35
    assert PendingUpload.objects.get().event == event
    pages = sorted(r.content.decode() for r in responses)
    assert len(pages) == 2 and all(event.title in page for page in pages)
    assert sum("Imported “" in page for page in pages) == 1
    already = ("Already in the archive", "Already imported")
    assert sum(any(words in page for words in already) for page in pages) == 1
