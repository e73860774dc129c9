"""The bulk import command: progress, per-file failures, a summary and exit status."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from archive.models import Event, Utterance
from tests.importing.conftest import SEED, SOURCES

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_transcripts", *args, stdout=out, stderr=err, verbosity=0)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


@pytest.mark.parametrize("jobs", ["--jobs=1", "--jobs=2"])
def test_folder_import_with_bad_and_duplicate_files(tmp_path, jobs):
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "copy.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.md").write_text("")
    out, err, error = run(jobs, str(tmp_path))
    assert "imported 1, duplicates 1, failed 2, utterances 35" in out
    assert "binary.txt:" in err and "empty.md:" in err
    assert len(err.strip().splitlines()) == 2
    assert error is not None and "2 of 4 files failed" in str(error)
    assert Event.objects.count() == 1 and Utterance.objects.count() == 35


def test_dry_run_writes_nothing():
    out, err, error = run("--dry-run", str(SOURCES / "seed"))
    assert error is None
    assert "dry run: imported 1" in out and "utterances 35" in out
    assert not Event.objects.exists()


def test_a_source_imported_with_an_admin_given_date_is_a_duplicate(tmp_path):
    from archive.importing import import_source
    from archive.reading import Metadata

    undated = tmp_path / "undated.txt"
    undated.write_text(SEED.read_text().replace("May 18, 2017", "").replace("2017", ""))
    given = Metadata(filename=undated.name, date=datetime.date(2017, 5, 18))
    assert import_source(data=undated.read_bytes(), metadata=given).created
    out, err, error = run(str(undated))
    assert error is None, err
    assert "duplicates 1, failed 0" in out and "already imported as /events/" in out


def test_missing_path_is_a_clear_error():
    _, _, error = run("/no/such/folder")
    assert "no such file or folder" in str(error)


def test_whole_dev_corpus_imports_without_failures():
    out, err, error = run(str(SOURCES))
    assert error is None, err
    files = [p for p in SOURCES.rglob("*") if p.is_file()]
    assert f"imported {len(files)}," in out


@pytest.mark.django_db(transaction=True)
def test_bulk_import_leaves_the_index_current():
    from haystack.query import SearchQuerySet

    from archive.search.models import IndexTask

    out, err, error = run(str(SOURCES / "state-dept"))
    assert error is None, err
    assert not IndexTask.objects.exists()
    assert SearchQuerySet().models(Utterance).count() == Utterance.objects.count() > 0


def test_a_windows_1252_file_is_stored_as_the_reader_decoded_it(tmp_path):
    from archive.importing import import_source, reread_event

    text = SEED.read_text().replace("Thank you", "Merci, señor Renée", 1)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("cp1252"))
    out, err, error = run(str(legacy))
    assert error is None, err
    event = Event.objects.get()
    assert "señor Renée" in event.source_text and "\ufffd" not in event.source_text
    said = list(Utterance.objects.in_event(event).values_list("text", flat=True))
    assert any("señor Renée" in t for t in said)
    reread_event(event=event)
    assert list(Utterance.objects.in_event(event).values_list("text", flat=True)) == said
    assert not import_source(data=legacy.read_bytes()).created
