"""rebuild_index (fast path), update_index and check_index with and without --repair."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from haystack import connections

from archive.models import Utterance
from archive.search import queue

pytestmark = pytest.mark.django_db


def indexed():
    return sorted(int(pk) for pk in connections["default"].get_backend().indexed_ids())


def stored():
    return sorted(Utterance.objects.values_list("pk", flat=True))


def test_rebuild_index_builds_from_the_database_and_drains_the_queue(archive):
    backend = connections["default"].get_backend()
    backend.sync(None, (), [f"archive.utterance.{pk}" for pk in stored()])
    assert indexed() == []
    queue.schedule_index([archive["utterances"][0].pk])
    out = io.StringIO()
    call_command("rebuild_index", interactive=False, stdout=out)
    assert "Indexed 8 utterances" in out.getvalue()
    assert indexed() == stored() and queue.pending() == 0


def test_update_index_keeps_one_document_per_utterance(archive):
    call_command("update_index", verbosity=0)
    call_command("update_index", verbosity=0)
    assert indexed() == stored()


def test_check_index_reports_and_repairs_drift(archive):
    backend = connections["default"].get_backend()
    missing, stale = archive["utterances"][2], archive["utterances"][5]
    backend.sync(None, (), [f"archive.utterance.{missing.pk}"])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM archive_utterance WHERE id = %s", [stale.pk])
    search_index = connections["default"].get_unified_index().get_index(Utterance)
    writer = backend.writer()
    writer.add_document(**backend.document(search_index, archive["utterances"][0]))
    writer.commit()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_index", stdout=out)
    report = out.getvalue()
    assert f"1 missing: {missing.pk}" in report
    assert f"1 stale: {stale.pk}" in report
    assert f"1 duplicated: {archive['utterances'][0].pk}" in report
    out = io.StringIO()
    call_command("check_index", repair=True, stdout=out)
    assert "after repair: The search index matches the database." in out.getvalue()
    assert indexed() == stored()
    call_command("check_index", stdout=io.StringIO())
