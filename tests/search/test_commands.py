"""rebuild_index, update_index, index_worker --once, and check_index with and without --repair."""

import io

import pytest
from django.core.management import CommandError, call_command
from haystack import connections

from archive.models import SpeakerLabel, Utterance
from archive.search import documents, queue
from archive.search.models import IndexTask

pytestmark = pytest.mark.django_db


def backend():
    return connections["default"].get_backend()


def indexed():
    return sorted(int(pk) for pk in backend().indexed_ids())


def stored():
    return sorted(Utterance.objects.values_list("pk", flat=True))


def check(**options) -> str:
    out = io.StringIO()
    call_command("check_index", stdout=out, **options)
    return out.getvalue()


def test_rebuild_index_builds_from_the_database_and_drains_the_queue(archive):
    backend().write((), stored())
    assert indexed() == []
    IndexTask.objects.create(utterance_ids=[archive["utterances"][0].pk])
    out = io.StringIO()
    call_command("rebuild_index", interactive=False, stdout=out)
    assert "Indexed 8 utterances" in out.getvalue()
    assert indexed() == stored() and queue.pending() == 0


def test_rebuild_index_applies_what_was_queued_while_it_ran(archive, monkeypatch):
    late = archive["utterances"][2]
    real = documents.every_document

    def with_a_write_meanwhile():
        yield from real()
        # Committed after the rebuild read the rows: only its task carries the change.
        Utterance.objects.filter(pk=late.pk).update(text="Okapis are shy.")
        IndexTask.objects.create(utterance_ids=[late.pk])

    monkeypatch.setattr(documents, "every_document", with_a_write_meanwhile)
    call_command("rebuild_index", interactive=False, verbosity=0)
    monkeypatch.undo()
    assert queue.pending() == 0
    assert "matches the database" in check()


def test_update_index_keeps_one_document_per_utterance(archive):
    call_command("update_index", verbosity=0)
    call_command("update_index", verbosity=0)
    assert indexed() == stored()


def test_index_worker_once_applies_the_queue(archive):
    IndexTask.objects.create(utterance_ids=[archive["utterances"][0].pk])
    Utterance.objects.filter(pk=archive["utterances"][0].pk).delete()
    out = io.StringIO()
    call_command("index_worker", once=True, stdout=out)
    assert "Applied 1 queued changes." in out.getvalue()
    assert indexed() == stored()


def test_check_index_reports_and_repairs_every_kind_of_drift(archive):
    missing, deleted, stale = (archive["utterances"][n] for n in (2, 5, 7))
    backend().write((), [missing.pk])
    Utterance.objects.filter(pk=deleted.pk).delete()
    # A new label written outside the services: the speaker's documents are now stale.
    SpeakerLabel.objects.create(speaker=stale.speaker, label="MR BLINKEN")
    with pytest.raises(CommandError):
        check()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_index", stdout=out)
    report = out.getvalue()
    assert f"1 missing from the index: {missing.pk}" in report
    assert f"1 indexed but deleted from the database: {deleted.pk}" in report
    blinken = sorted(stale.speaker.utterances.values_list("pk", flat=True))
    assert f"{len(blinken)} indexed with outdated content: {', '.join(map(str, blinken))}" in report
    assert "after repair: The search index matches the database." in check(repair=True)
    assert indexed() == stored()
    assert check() == "The search index matches the database.\n"


def test_check_index_finds_a_document_indexed_twice(archive):
    first = documents.documents_of([archive["utterances"][0].pk])[0]
    engine = backend()
    if hasattr(engine, "generation"):  # tantivy: a second document with the same id
        with engine.writer(engine.generation().utterances) as writer:
            writer.add_document(engine.tantivy_document(first))
    else:
        writer = engine.writer()
        writer.add_document(**engine.whoosh_document(first))
        writer.commit()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_index", stdout=out)
    assert f"1 indexed more than once: {first['django_id']}" in out.getvalue()
    assert "after repair: The search index matches the database." in check(repair=True)


def test_a_failed_rebuild_leaves_the_index_in_use(archive, monkeypatch):
    def failing():
        yield from documents.documents_of([archive["utterances"][0].pk])
        raise RuntimeError("the database went away")

    monkeypatch.setattr(documents, "every_document", failing)
    with pytest.raises(RuntimeError, match="went away"):
        call_command("rebuild_index", interactive=False, verbosity=0)
    monkeypatch.undo()
    assert indexed() == stored()
    assert "matches the database" in check()
