"""Forms of the admin upload: the upload itself, the preview's corrections and the speaker merge."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat

from archive.importing import source_checksum
from archive.importing.service import existing_event
from archive.models import EventKind, Speaker, Utterance
from archive.reading import ReaderError, is_pdf
from archive.reading.pdf import pdf_text
from archive.registry.snapshot import read_with_registry
from archive.upload import pending
from archive.upload.decoding import DecodedText, UndecodableUpload, decode_upload

EXTENSIONS = ["txt", "html", "htm", "md", "pdf"]
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
OVERRIDE_FIELDS = ("title", "date", "kind", "venue", "city", "source_url", "speaker", "country")


def max_upload_bytes() -> int:
    """Return the largest transcript accepted, in bytes."""
    return getattr(settings, "TRANSCRIPT_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def too_large(size: int) -> forms.ValidationError:
    """Return the refusal of a transcript of `size` bytes."""
    limit = filesizeformat(max_upload_bytes())
    return forms.ValidationError(
        f"The transcript is {filesizeformat(size)}; the limit is {limit}.", code="too_large"
    )


class MetadataForm(forms.Form):
    """Facts about the event that win over what the reader finds in the text."""

    title = forms.CharField(max_length=500, required=False)
    date = forms.DateField(
        required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    kind = forms.ChoiceField(
        choices=[("", "— as the transcript says —"), *EventKind.choices], required=False
    )
    venue = forms.CharField(max_length=200, required=False)
    city = forms.CharField(max_length=200, required=False)
    source_url = forms.URLField(
        max_length=500, required=False, assume_scheme="https", label="Source URL"
    )
    speaker = forms.CharField(
        max_length=200,
        required=False,
        help_text="For a speech printed without speaker labels: who gives it.",
    )
    country = forms.CharField(
        max_length=100, required=False, help_text="That speaker's country, for speeches."
    )

    def metadata_fields(self) -> list:
        """Return the bound metadata fields in order."""
        return [self[name] for name in OVERRIDE_FIELDS]

    def overrides(self) -> dict:
        """Return the non-empty metadata given, as JSON-ready values."""
        values = {name: self.cleaned_data.get(name) for name in OVERRIDE_FIELDS}
        if isinstance(values["date"], datetime.date):
            values["date"] = values["date"].isoformat()
        return {name: value for name, value in values.items() if value}


class UploadForm(MetadataForm):
    """A transcript file or pasted text, with optional metadata; clean() decodes and reads it."""

    file = forms.FileField(
        required=False,
        validators=[FileExtensionValidator(EXTENSIONS)],
        error_messages={"empty": "The file is empty."},
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        required=False,
        strip=False,
        label="Or paste the transcript",
    )
    field_order = ["file", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.decoded = None
        self.duplicate = None
        self.source_file = b""
        limit = filesizeformat(max_upload_bytes())
        self.fields["file"].help_text = f"A .txt, .html, .md or .pdf transcript of at most {limit}."

    def source_fields(self) -> list:
        """Return the bound file and text fields."""
        return [self["file"], self["text"]]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Refused by its announced size, before a byte of it is read.
        if upload and upload.size > max_upload_bytes():
            raise too_large(upload.size)
        return upload

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        size = len(text.encode("utf-8"))
        if size > max_upload_bytes():
            raise too_large(size)
        return text

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        if bool(upload) == bool(text.strip()):
            raise forms.ValidationError(
                "Choose a file or paste the transcript (one of the two).", code="source"
            )
        data = upload.read() if upload else text
        self.source_file = data if is_pdf(data) else b""
        self.decoded = self.read_pdf(data) if self.source_file else self.decode(data)
        self.check_not_imported(self.decoded.text)
        self.check_readable(self.source_file or self.decoded.text, upload.name if upload else "")
        return cleaned

    def decode(self, data):
        """Return the decoded upload, or raise its refusal as a validation error."""
        try:
            return decode_upload(data)
        except UndecodableUpload as error:
            raise forms.ValidationError(str(error), code="undecodable") from error

    def read_pdf(self, data: bytes) -> DecodedText:
        """Return the text read out of a PDF, or raise its refusal as a validation error."""
        try:
            # Its warnings (a scanned page) come with every reading of it, so none are kept here.
            return DecodedText(pdf_text(data).text)
        except ReaderError as error:
            raise forms.ValidationError(
                f"This is not a transcript the archive can read: {error}", code="not_transcript"
            ) from error

    def check_not_imported(self, text: str) -> None:
        """Refuse a transcript the archive already holds, remembering which event holds it."""
        self.duplicate = existing_event(source_checksum(text, self.source_file))
        if self.duplicate:
            raise forms.ValidationError(
                "This transcript is already in the archive.", code="duplicate"
            )

    def check_readable(self, source: bytes | str, filename: str) -> None:
        """Refuse text the reader cannot read as a transcript."""
        try:
            read_with_registry(source, metadata=pending.metadata(self.overrides(), filename))
        except ReaderError as error:
            raise forms.ValidationError(
                f"This is not a transcript the archive can read: {error}", code="not_transcript"
            ) from error

    def source_name(self) -> str:
        """Return the uploaded file's name, or '' for pasted text."""
        upload = self.cleaned_data.get("file")
        return upload.name[:255] if upload else ""


class PreviewForm(MetadataForm):
    """The preview's corrections: metadata, and per speaker an existing archive speaker or none."""

    def __init__(self, *args, speakers=(), choices=None, admin_site=None, **kwargs):
        # `choices` holds the admin's earlier corrections by reading key, which win over matches.
        super().__init__(*args, **kwargs)
        self.speaker_keys = {}
        choices = choices or {}
        widget_field = Utterance._meta.get_field("speaker")
        for index, entry in enumerate(speakers):
            name = f"speaker_{index}"
            self.speaker_keys[name] = entry.reading.key
            self.fields[name] = forms.ModelChoiceField(
                queryset=Speaker.objects.all(),
                required=False,
                empty_label="New speaker",
                initial=choices.get(entry.reading.key, entry.match),
                label=entry.reading.name,
                widget=AutocompleteSelect(widget_field, admin_site),
            )

    def corrected_overrides(self, previous: dict) -> dict:
        """Return the previous overrides updated with the fields the admin changed."""
        # Unchanged fields echo what the reader found; keeping them out leaves its reading
        # (e.g. a year-only date) in charge.
        values = self.overrides()
        changed = [name for name in self.changed_data if name in OVERRIDE_FIELDS]
        corrected = {name: value for name, value in previous.items() if name not in changed}
        corrected.update({name: values[name] for name in changed if name in values})
        return corrected

    def speaker_fields(self) -> list:
        """Return the bound speaker-choice fields in the order of the reading's speakers."""
        return [self[name] for name in self.speaker_keys]

    def speaker_choices(self) -> dict[str, Speaker | None]:
        """Return the chosen archive speaker (None for a new one) by reader key."""
        return {key: self.cleaned_data.get(name) for name, key in self.speaker_keys.items()}

    def corrected_choices(self, previous: dict) -> dict:
        """Return the stored choices (speaker id or None, by key) updated with the changed ones."""
        chosen = self.speaker_choices()
        changed = {
            self.speaker_keys[name] for name in self.changed_data if name in self.speaker_keys
        }
        return {**previous, **{key: getattr(chosen[key], "pk", None) for key in changed}}


class MergeSpeakersForm(forms.Form):
    """Which of the selected speakers to keep; the others merge into it."""

    keep = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this speaker",
    )

    def __init__(self, *args, speakers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = speakers
