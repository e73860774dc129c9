"""PDFs in the archive: upload, import, download, re-read, bulk import; refusals write nothing."""

from __future__ import annotations

import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from archive.importing import delete_events, import_source, reread_event
from archive.models import Event, PendingUpload, SourceFile, Utterance
from archive.reading.pdf import pdf_text
from tests.pdf_samples import encrypted_pdf, image_only_pdf

from .helpers import confirm, preview_url, upload

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
SEED_PDF = GOLDEN / "pdf" / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.pdf"
NAME = "tillerson-press-availability.pdf"


@pytest.fixture
def seed_pdf():
    return SEED_PDF.read_bytes()


def refusal(response) -> str:
    """Return the form's errors on a refused upload."""
    assert response.status_code == 200
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


def assert_nothing_written():
    assert not PendingUpload.objects.exists()
    assert not Event.objects.exists() and not SourceFile.objects.exists()


def test_an_uploaded_pdf_is_previewed_imported_and_kept_beside_its_text(admin_client, seed_pdf):
    response = upload(admin_client, data=seed_pdf, name=NAME)
    pending = PendingUpload.objects.get()
    assert response.url == preview_url(pending) and bytes(pending.source_file) == seed_pdf
    page = admin_client.get(preview_url(pending)).content.decode()
    assert "Read as pdf: 10 speakers, 35 turns." in page
    assert confirm(admin_client, pending).status_code == 302
    event = Event.objects.get()
    assert event.utterances.count() == 35 and event.source_name == NAME
    assert event.checksum == hashlib.sha256(seed_pdf).hexdigest()
    assert event.source_text == pdf_text(seed_pdf).text
    kept = SourceFile.objects.get(event=event)
    assert bytes(kept.data) == seed_pdf and kept.size == len(seed_pdf) and kept.name == NAME


def test_the_event_page_offers_the_pdf_and_its_text(client, seed_pdf):
    event = import_source(data=seed_pdf).event
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Download the source PDF" in page and "the text read out of it" in page
    pdf = client.get(reverse("archive:event-source", args=[event.slug]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == seed_pdf
    assert f'filename="{event.slug}.pdf"' in pdf["Content-Disposition"]
    text = client.get(reverse("archive:event-source-text", args=[event.slug]))
    assert text["Content-Type"].startswith("text/plain")
    assert text.content.decode() == pdf_text(seed_pdf).text
    assert f'filename="{event.slug}.txt"' in text["Content-Disposition"]


def test_the_admin_links_the_pdf(admin_client, seed_pdf):
    event = import_source(data=seed_pdf).event
    page = admin_client.get(reverse("admin:archive_event_change", args=[event.pk]))
    assert reverse("archive:event-source", args=[event.slug]) in page.content.decode()
    assert "the text read out of it" in page.content.decode()


def test_the_same_pdf_again_is_a_duplicate(admin_client, seed_pdf):
    event = import_source(data=seed_pdf).event
    assert "already in the archive" in refusal(upload(admin_client, data=seed_pdf, name=NAME))
    assert Event.objects.get() == event and SourceFile.objects.count() == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda pdf: encrypted_pdf(pdf, "secret"), "the PDF is encrypted with a password"),
        (lambda pdf: image_only_pdf(["QUESTION: Thank you."]), "no text layer: run OCR first"),
        (lambda pdf: pdf[: len(pdf) // 3], "the PDF is damaged or cut short"),
    ],
    ids=["encrypted", "scan", "cut-short"],
)
def test_a_pdf_without_readable_text_is_refused(admin_client, seed_pdf, make, message):
    response = upload(admin_client, data=make(seed_pdf), name=NAME)
    assert f"This is not a transcript the archive can read: {message}" in refusal(response)
    assert_nothing_written()


def test_an_oversize_pdf_is_refused_before_it_is_read(admin_client, settings, seed_pdf):
    settings.TRANSCRIPT_UPLOAD_MAX_BYTES = 1000
    assert "the limit is 1000" in refusal(upload(admin_client, data=seed_pdf, name=NAME))
    assert_nothing_written()


def test_a_failed_import_leaves_no_pdf_behind(seed_pdf, monkeypatch):
    """The file is written in the import's transaction: a failure after it takes it back."""

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("archive.importing.service.write_turns", fail)
    with pytest.raises(RuntimeError):
        import_source(data=seed_pdf)
    assert not Event.objects.exists() and not SourceFile.objects.exists()


def test_rereading_reads_the_pdf_again(seed_pdf):
    """A re-read reads the kept PDF, not the stored text, and puts the text read out beside it."""
    event = import_source(data=seed_pdf).event
    before = list(Utterance.objects.in_event(event).values_list("pk", "text"))
    Event.objects.filter(pk=event.pk).update(source_text="MR NOBODY: A stale text.")
    result = reread_event(event=Event.objects.get(pk=event.pk))
    assert (result.kept, result.added, result.removed) == (35, 0, 0)
    assert list(Utterance.objects.in_event(event).values_list("pk", "text")) == before
    assert Event.objects.get(pk=event.pk).source_text == pdf_text(seed_pdf).text


def test_deleting_the_event_deletes_its_pdf(seed_pdf):
    event = import_source(data=seed_pdf).event
    delete_events(events=Event.objects.filter(pk=event.pk))
    assert not SourceFile.objects.exists()


def run(command, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err, verbosity=0)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_import_transcripts_takes_pdfs_and_refuses_locked_ones(tmp_path, seed_pdf):
    (tmp_path / "briefing.pdf").write_bytes(seed_pdf)
    (tmp_path / "locked.pdf").write_bytes(encrypted_pdf(seed_pdf, "secret"))
    out, err, error = run("import_transcripts", "--jobs=2", str(tmp_path))
    assert "imported 1, duplicates 0, failed 1, utterances 35" in out
    assert "locked.pdf: the PDF is encrypted with a password" in err
    assert error is not None
    event = Event.objects.get()
    assert bytes(event.source_file.data) == seed_pdf and event.source_name == "briefing.pdf"


def test_read_transcript_prints_a_pdfs_reading(seed_pdf):
    out, _, error = run("read_transcript", str(SEED_PDF))
    reading = json.loads(out)
    assert error is None and reading["format"] == "pdf" and len(reading["utterances"]) == 35


def test_read_transcript_refuses_a_scan(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf(["QUESTION: Thank you."]))
    _, _, error = run("read_transcript", str(scan))
    assert "scan.pdf: no text layer: run OCR first" in str(error)
