"""The seed transcript and small helpers posting to the upload pages."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.models import PendingUpload

SEED = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "sources"
    / "seed"
    / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt"
)


def upload_url() -> str:
    """Return the upload page."""
    return reverse("admin:archive_event_upload")


def preview_url(upload: PendingUpload) -> str:
    """Return the preview page of a pending upload."""
    return reverse("admin:archive_event_upload_preview", args=[upload.token])


def seed_file(name=SEED.name, data=None):
    """Return the seed transcript (or other bytes) as an uploaded file."""
    return SimpleUploadedFile(name, SEED.read_bytes() if data is None else data, "text/plain")


def upload(client, data=None, name=SEED.name, **fields):
    """Post a file (the seed by default) to the upload page and return the response."""
    return client.post(upload_url(), {"file": seed_file(name, data), **fields})


def paste(client, text, **fields):
    """Post pasted text to the upload page and return the response."""
    return client.post(upload_url(), {"text": text, **fields})


def preview_data(response, **changes):
    """Return the preview form's current values as POST data, with changes applied."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else getattr(value, "pk", value)
    data.update(changes)
    return data


def confirm(client, upload, shown=None, **changes):
    """Post the preview form as shown (fetched unless given), with changes, pressing Import."""
    shown = shown or client.get(preview_url(upload))
    return client.post(preview_url(upload), {**preview_data(shown, **changes), "_confirm": "1"})
