"""The admin's upload pages: upload or paste, then preview, correct and confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html
from django.views.generic import FormView

from archive.importing import ImportRefused
from archive.models import PendingUpload
from archive.reading import ReaderError
from archive.upload import pending
from archive.upload.forms import PreviewForm, UploadForm

UPLOAD_URL = "admin:archive_event_upload"
PREVIEW_URL = "admin:archive_event_upload_preview"


def event_link(event):
    """Return an HTML link to an event's public page, with its admin page alongside."""
    admin_url = reverse("admin:archive_event_change", args=[event.pk])
    return format_html(
        '<a href="{}">{}</a> (<a href="{}">edit</a>)', event.get_absolute_url(), event, admin_url
    )


class AdminPageMixin:
    """An admin page of the Event model admin: staff with the add permission only."""

    model_admin = None
    title = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return self.prepare(request, **kwargs) or super().dispatch(request, *args, **kwargs)

    def prepare(self, request, **kwargs):
        """Load what the page needs; return a response to send instead of the page, or None."""
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            self.model_admin.admin_site.each_context(self.request),
            opts=self.model_admin.opts,
            title=self.title,
        )
        return context


class UploadView(AdminPageMixin, FormView):
    """Take a transcript file or pasted text and keep it as a pending upload to preview."""

    form_class = UploadForm
    template_name = "admin/archive/event/upload.html"
    title = "Upload transcript"

    def get_context_data(self, **kwargs):
        waiting = PendingUpload.objects.waiting_for(self.request.user)
        return super().get_context_data(waiting=waiting.order_by("-created"), **kwargs)

    def form_valid(self, form):
        upload = pending.create(
            user=self.request.user,
            text=form.decoded.text,
            source_name=form.source_name(),
            overrides=form.overrides(),
            warnings=form.decoded.warnings,
            source_file=form.source_file,
        )
        return redirect(PREVIEW_URL, token=upload.token)


class PreviewView(AdminPageMixin, FormView):
    """Show what a pending upload will become; correct it, then import or discard it."""

    form_class = PreviewForm
    template_name = "admin/archive/event/upload_preview.html"
    title = "Preview transcript"

    def prepare(self, request, **kwargs):
        self.speakers_changed = False
        try:
            self.upload = pending.load(kwargs["token"], request.user)
        except pending.UploadGone as error:
            messages.error(request, str(error))
            return redirect(UPLOAD_URL)
        if self.upload.event_id:
            messages.info(
                request, format_html("Already imported: {}", event_link(self.upload.event))
            )
            return redirect(self.upload.event.get_absolute_url())
        try:
            self.preview = pending.preview(self.upload, pending.read_upload(self.upload))
        except ReaderError as error:
            messages.error(request, f"This is not a transcript the archive can read: {error}")
            return redirect(UPLOAD_URL)
        return None

    def post(self, request, *args, **kwargs):
        if "_discard" in request.POST:
            self.upload.delete()
            messages.info(request, "The upload was discarded; nothing was imported.")
            return redirect(UPLOAD_URL)
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        return pending.initial_metadata(self.preview.reading, self.upload.overrides)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            speakers=self.preview.speakers,
            choices=pending.chosen_speakers(self.upload),
            admin_site=self.model_admin.admin_site,
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            upload=self.upload,
            preview=self.preview,
            speaker_rows=list(zip(self.preview.speakers, form.speaker_fields(), strict=True)),
        )
        return context

    def form_valid(self, form):
        if not self.apply_corrections(form):
            return self.form_invalid(form)
        if "_confirm" not in self.request.POST:
            choices = form.corrected_choices(self.upload.speaker_choices)
            if choices != self.upload.speaker_choices:
                self.upload.speaker_choices = choices
                self.upload.save(update_fields=["speaker_choices"])
            messages.info(self.request, "The preview shows your corrections.")
            return redirect(PREVIEW_URL, token=self.upload.token)
        return self.confirm(form)

    def apply_corrections(self, form) -> bool:
        """Store the corrected metadata if the reader still reads the text with it."""
        overrides = form.corrected_overrides(self.upload.overrides)
        if overrides == self.upload.overrides:
            return True
        try:
            reading = pending.read_upload(self.upload, overrides)
        except ReaderError as error:
            form.add_error(None, f"With these corrections the text cannot be read: {error}")
            return False
        self.upload.overrides = overrides
        self.upload.save(update_fields=["overrides"])
        # Speaker choices were made against the old reading; a changed cast needs a new look.
        self.speakers_changed = reading.speakers != self.preview.reading.speakers
        return True

    def confirm(self, form):
        """Import the upload through the import service and go to the new event's page."""
        if self.speakers_changed:
            messages.warning(self.request, "Your corrections changed the speakers: check them.")
            return redirect(PREVIEW_URL, token=self.upload.token)
        try:
            result = pending.confirm(self.upload, form.speaker_choices())
        except (ImportRefused, ReaderError, pending.UploadGone) as error:
            form.add_error(None, f"Nothing was imported: {error}")
            return self.form_invalid(form)
        if not result.created:
            messages.warning(
                self.request,
                format_html(
                    "Already in the archive, nothing imported: {}", event_link(result.event)
                ),
            )
            return redirect(result.event.get_absolute_url())
        turns = result.utterance_count
        message = format_html(
            'Imported “{}”: {} turn{}. <a href="{}">Upload another</a> · '
            '<a href="{}">Edit it in the admin</a>',
            result.event.title,
            turns,
            pluralize(turns),
            reverse(UPLOAD_URL),
            reverse("admin:archive_event_change", args=[result.event.pk]),
        )
        messages.success(self.request, message)
        return redirect(result.event.get_absolute_url())
