"""Every refusal says why and writes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from archive.importing import import_source
from archive.models import Event, PendingUpload, Speaker
from archive.upload.forms import UploadForm

from .helpers import SEED, confirm, paste, preview_url, upload, upload_url

pytestmark = pytest.mark.django_db
NOT_A_TRANSCRIPT = "2017 - 05 - 18\n\n10:00 / 12:30 / 14:45\n"
UNDATED = "Remarks on Trade\n\nMR SMITH: Hello there, and welcome.\n\nMS JONES: Hello back.\n"


def refusal(response) -> str:
    """Return the form's errors on a refused upload, which re-renders the page."""
    assert response.status_code == 200, "a refusal re-renders the form"
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


def assert_nothing_written():
    assert not PendingUpload.objects.exists()
    assert not Event.objects.exists() and not Speaker.objects.exists()


def test_duplicate_source_is_refused_with_a_link(admin_client, seed_bytes):
    event = import_source(data=seed_bytes).event
    response = upload(admin_client, data=seed_bytes.replace(b"\n", b"\r\n"))
    assert "already in the archive" in refusal(response)
    assert event.get_absolute_url() in response.content.decode()
    assert not PendingUpload.objects.exists() and Event.objects.count() == 1


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"], ids=["empty", "blank"])
def test_empty_file_is_refused(admin_client, data):
    assert "empty" in refusal(upload(admin_client, data=data, name="t.txt"))
    assert_nothing_written()


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x06\x00", b"MR SMITH: hi\x00\x00\x01\x02 there"],
    ids=["office-document", "nul-bytes"],
)
def test_binary_file_is_refused(admin_client, data):
    assert "not text" in refusal(upload(admin_client, data=data, name="t.txt"))
    assert_nothing_written()


def test_undecodable_file_is_refused(admin_client):
    data = b"MR SMITH: caf\xe9 \x81\x8d\x8f\n"
    response = upload(admin_client, data=data, name="t.txt")
    assert "neither UTF-8 nor Windows-1252" in refusal(response)
    assert_nothing_written()


def test_windows_1252_is_read_with_a_warning(admin_client, seed_bytes):
    data = seed_bytes.decode("utf-8").replace("—", "-").replace("é", "e")
    data = data.replace("Miguel Angel", "Miguel Ángel").encode("cp1252")
    response = upload(admin_client, data=data)
    pending = PendingUpload.objects.get()
    assert response.url == preview_url(pending) and "Miguel Ángel" in pending.source_text
    page = admin_client.get(preview_url(pending)).content.decode()
    assert "read as Windows-1252" in page


def test_oversize_file_is_refused_by_its_size_unread(settings):
    settings.TRANSCRIPT_UPLOAD_MAX_BYTES = 1000

    class Unreadable(UploadedFile):
        def read(self, *args):
            raise AssertionError("an oversize file must not be read")

    big = Unreadable(name="big.txt", content_type="text/plain", size=1001)
    form = UploadForm(data={}, files={"file": big})
    assert not form.is_valid()
    assert "the limit is 1000" in str(form.errors["file"])


def test_oversize_file_is_refused_over_http(admin_client):
    data = b"MR SMITH: words words words.\n" * (5 * 1024 * 1024 // 29 + 1)
    assert "the limit is 5.0" in refusal(upload(admin_client, data=data, name="big.txt"))
    assert_nothing_written()


def test_oversize_pasted_text_is_refused(admin_client, settings):
    settings.TRANSCRIPT_UPLOAD_MAX_BYTES = 100
    assert "the limit is 100" in refusal(paste(admin_client, "MR SMITH: " + "x" * 200))
    assert_nothing_written()


def test_file_type_outside_txt_html_md_pdf_is_refused(admin_client):
    assert "extension" in refusal(upload(admin_client, name="seed.docx"))
    assert_nothing_written()


def test_neither_or_both_file_and_text_is_refused(admin_client):
    assert "one of the two" in refusal(admin_client.post(upload_url(), {"title": "x"}))
    assert "one of the two" in refusal(upload(admin_client, text="MR SMITH: hello"))
    assert_nothing_written()


def test_text_that_is_not_a_transcript_is_refused(admin_client):
    response = upload(admin_client, data=NOT_A_TRANSCRIPT.encode(), name="letter.txt")
    assert "not a transcript" in refusal(response)
    assert_nothing_written()


def test_missing_date_is_refused_at_confirm_then_accepted_with_one(admin_client):
    upload(admin_client, data=UNDATED.encode(), name="remarks.txt")
    pending = PendingUpload.objects.get()
    shown = admin_client.get(preview_url(pending))
    assert "No date found" in shown.content.decode()
    response = confirm(admin_client, pending, shown)
    assert response.status_code == 200
    assert "date" in " ".join(response.context["form"].non_field_errors())
    assert not Event.objects.exists() and not Speaker.objects.exists()
    confirm(admin_client, pending, shown, date="2020-01-02")
    assert Event.objects.get().date == datetime.date(2020, 1, 2)


def test_expired_upload_is_refused_and_purged(admin_client, pending_seed):
    PendingUpload.objects.update(expires=timezone.now() - datetime.timedelta(seconds=1))
    response = admin_client.get(preview_url(pending_seed), follow=True)
    assert response.redirect_chain[-1][0] == upload_url()
    assert "expired" in response.content.decode()
    assert not PendingUpload.objects.exists()


def test_expired_upload_cannot_be_confirmed(admin_client, pending_seed):
    shown = admin_client.get(preview_url(pending_seed))
    PendingUpload.objects.update(expires=timezone.now() - datetime.timedelta(seconds=1))
    response = confirm(admin_client, pending_seed, shown)
    assert response.url == upload_url()
    assert not Event.objects.exists() and not PendingUpload.objects.exists()


def test_unknown_token_is_refused(admin_client):
    response = admin_client.get(upload_url() + "no-such-token/", follow=True)
    assert "no longer exists" in response.content.decode()


def test_source_already_imported_between_preview_and_confirm(admin_client, pending_seed):
    shown = admin_client.get(preview_url(pending_seed))
    existing = import_source(data=SEED.read_bytes()).event
    response = confirm(admin_client, pending_seed, shown)
    assert response.url == existing.get_absolute_url() and Event.objects.count() == 1
    page = admin_client.get(response.url).content.decode()
    assert "Already in the archive" in page
