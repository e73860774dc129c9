"""The bulk import command: progress, per-file failures, a summary and exit status."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.models import Event, Utterance
from tests.importing.conftest import SEED, SOURCES

pytestmark = pytest.mark.django_db


def run(*args, verbosity=0):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_transcripts", *args, stdout=out, stderr=err, verbosity=verbosity)
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


def test_a_utf16_file_with_a_bom_imports_as_the_admin_upload_would(tmp_path):
    (tmp_path / "utf16.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    out, err, error = run(str(tmp_path))
    assert error is None, err
    assert "imported 1," in out and Utterance.objects.count() == 35
    assert Event.objects.get().source_text == SEED.read_text(encoding="utf-8")


def corpus_copy(tmp_path, count=3):
    """Copy a few dev-corpus files into a folder, in the order the command reads them."""
    sources = sorted(p for p in (SOURCES / "state-dept").iterdir() if p.is_file())[:count]
    for i, source in enumerate(sources):
        (tmp_path / f"{i}-{source.name}").write_bytes(source.read_bytes())
    return sorted(tmp_path.iterdir())


def test_a_file_whose_reading_runs_out_of_memory_fails_alone(tmp_path, monkeypatch):
    from archive.reading import files

    paths = corpus_copy(tmp_path)
    real_read = files.read

    def read(data, *, metadata, registry):
        if metadata.filename == paths[1].name:
            raise MemoryError
        return real_read(data, metadata=metadata, registry=registry)

    monkeypatch.setattr(files, "read", read)
    out, err, error = run("--jobs=1", str(tmp_path), verbosity=1)
    assert "imported 2, duplicates 0, failed 1" in out
    assert err.strip().splitlines()[-1] == f"{paths[1]}: could not be read: MemoryError()"
    assert f"{paths[0]}: imported as /events/" in out and f"{paths[2]}: imported as" in out
    assert Event.objects.count() == 2


def test_a_file_whose_import_raises_anything_fails_alone(tmp_path, monkeypatch):
    from archive.management.commands import import_transcripts

    paths = corpus_copy(tmp_path)
    real_import = import_transcripts.import_reading

    def import_reading(**kwargs):
        if kwargs["source_name"] == paths[0].name:
            raise MemoryError
        return real_import(**kwargs)

    monkeypatch.setattr(import_transcripts, "import_reading", import_reading)
    out, err, error = run("--jobs=1", str(tmp_path))
    assert "imported 2, duplicates 0, failed 1" in out
    assert f"{paths[0]}: MemoryError()" in err
    assert error is not None and "1 of 3 files failed" in str(error)


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_batch_prints_its_summary_and_indexes_what_it_committed(
    tmp_path, monkeypatch
):
    from haystack.query import SearchQuerySet

    from archive.management.commands import import_transcripts
    from archive.search.models import IndexTask

    paths = corpus_copy(tmp_path)
    real_import = import_transcripts.import_reading

    def import_reading(**kwargs):
        if kwargs["source_name"] == paths[1].name:
            raise KeyboardInterrupt
        return real_import(**kwargs)

    monkeypatch.setattr(import_transcripts, "import_reading", import_reading)
    out = StringIO()
    with pytest.raises(KeyboardInterrupt):
        call_command("import_transcripts", "--jobs=1", str(tmp_path), stdout=out, verbosity=0)
    assert "imported 1, duplicates 0, failed 0" in out.getvalue()
    assert "stopped after 1 of 3 files" in out.getvalue()
    assert Event.objects.count() == 1 and not IndexTask.objects.exists()
    assert SearchQuerySet().models(Utterance).count() == Utterance.objects.count() > 0


def test_the_admins_size_limit_applies_and_a_flag_raises_it(tmp_path, settings):
    settings.TRANSCRIPT_UPLOAD_MAX_BYTES = 1000
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    out, err, error = run(str(tmp_path))
    assert "imported 0, duplicates 0, failed 1" in out
    assert "seed.txt: the transcript is" in err and "the limit is 1000" in err
    assert "--max-bytes" in err and not Event.objects.exists()
    out, err, error = run("--max-bytes", str(len(SEED.read_bytes())), str(tmp_path))
    assert error is None, err
    assert "imported 1," in out


def test_a_killed_reading_process_fails_its_file_and_the_batch_goes_on(tmp_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from archive.reading import files

    paths = corpus_copy(tmp_path)

    class Pool:
        """Reads here; the second file's worker dies, and the pool is broken from then on."""

        def __init__(self, *args, **kwargs):
            self.broken = False

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, function, path):
            if self.broken:
                raise BrokenProcessPool("a process in the pool was terminated")
            future = Future()
            if path == paths[1]:
                self.broken = True
                future.set_exception(BrokenProcessPool("a process in the pool was terminated"))
            else:
                future.set_result(function(path))
            return future

    monkeypatch.setattr(files, "ProcessPoolExecutor", Pool)
    out, err, error = run("--jobs=2", str(tmp_path))
    assert "imported 2, duplicates 0, failed 1" in out
    assert f"{paths[1]}: not read, the reading process failed" in err
