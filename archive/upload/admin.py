"""Admin mixins: the upload pages and maintenance actions on events, the merge on speakers."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html

from archive.importing import (
    ImportRefused,
    Vanished,
    delete_events,
    merge_speakers,
    reread_event,
)
from archive.models import PendingUpload, SpeakerRedirect
from archive.reading import ReaderError
from archive.speaker_names import is_full_name
from archive.upload.forms import MergeSpeakersForm
from archive.upload.views import PreviewView, UploadView


class LockedEditMixin:
    """An edit locks its row from the form's load to the save: none is saved over a deletion."""

    # Without the lock, a speaker merged (deleted) between the two would be saved back: Django's
    # save() inserts the row again when its update finds none. Deleted before the load, the admin
    # answers that the object does not exist; deleted during the edit, the deletion waits.
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if request.method == "POST" and match and match.url_name.endswith("_change"):
            # The admin's change view loads and saves in one transaction: the lock lasts to its end.
            return queryset.select_for_update(of=("self",))
        return queryset


class EventUploadAdminMixin:
    """Adds the upload pages and the re-read action; deletions take turns out of the index."""

    actions = ["reread_events"]

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        upload = UploadView.as_view(model_admin=self)
        preview = PreviewView.as_view(model_admin=self)
        return [
            path("upload/", wrap(upload), name="{}_{}_upload".format(*info)),
            path("upload/<slug:token>/", wrap(preview), name="{}_{}_upload_preview".format(*info)),
            *super().get_urls(),
        ]

    @admin.action(
        description="Re-read selected events from their stored source", permissions=["change"]
    )
    def reread_events(self, request, queryset):
        if "reread" not in request.POST:
            return self.reread_page(request, queryset)
        for event in queryset:
            try:
                result = reread_event(event=event)
            except (ReaderError, ImportRefused) as error:
                self.message_user(
                    request, f"“{event.title}” could not be re-read: {error}", messages.ERROR
                )
                continue
            self.message_user(
                request,
                f"Re-read “{event.title}”: {result.kept} turns kept, "
                f"{result.added} added, {result.removed} removed.",
                messages.SUCCESS,
            )
        return None

    def reread_page(self, request, queryset):
        """Return the page asking to confirm a re-read, which replaces edits made to turns."""
        context = {
            **self.admin_site.each_context(request),
            "title": "Re-read events from their source",
            "opts": self.opts,
            "events": queryset.without_source().annotate(turns=Count("utterances")),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/archive/event/reread.html", context)

    def delete_model(self, request, obj):
        delete_events(events=type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        delete_events(events=queryset)


class SpeakerMergeAdminMixin:
    """Adds the action merging selected speakers into the one the admin keeps."""

    actions = ["merge_speakers"]

    @admin.action(description="Merge selected speakers into one", permissions=["change", "delete"])
    def merge_speakers(self, request, queryset):
        counted = queryset.with_counts().prefetch_related("labels")
        speakers = counted.order_by("-utterance_count", "name")
        if len(speakers) < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        data = request.POST if "merge" in request.POST else None
        # A registry person, else a full name, else the most quoted: "Zolan" merges into
        # "Zolan Kanno-Youngs" however many more questions the first name asked.
        likely = min(speakers, key=lambda s: (s.person_id is None, not is_full_name(s.name)))
        form = MergeSpeakersForm(data, speakers=speakers, initial={"keep": likely})
        if not form.is_valid():
            return self.merge_page(request, form, speakers)
        keep = form.cleaned_data["keep"]
        merged = ", ".join(f"{s.name} ({s.slug})" for s in speakers if s.pk != keep.pk)
        try:
            result = merge_speakers(keep=keep, speakers=list(speakers))
        except Vanished as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        moved = f"{result.utterances} turn{pluralize(result.utterances)}"
        self.message_user(
            request,
            f"Merged {merged} into {keep.name} ({keep.slug}): {moved} moved.",
            messages.SUCCESS,
        )
        return None

    def merge_page(self, request, form, speakers):
        """Return the page asking which of the selected speakers to keep."""
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.opts,
            "form": form,
            "speakers": speakers,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/archive/speaker/merge.html", context)


@admin.register(PendingUpload)
class PendingUploadAdmin(admin.ModelAdmin):
    """Each user's own uploads still to be confirmed, each leading back to its preview."""

    list_display = ["__str__", "created", "expires", "resume"]
    # No token: it opens the upload's preview, and only its owner may have that.
    fields = ["source_name", "created", "expires", "overrides", "warnings", "resume"]
    readonly_fields = fields

    def get_queryset(self, request):
        return PendingUpload.objects.waiting_for(request.user)

    @admin.display(description="Preview")
    def resume(self, obj):
        return format_html('<a href="{}">Preview and import</a>', obj.get_absolute_url())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SpeakerRedirect)
class SpeakerRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "speaker"]
    search_fields = ["old_slug", "speaker__name"]
    list_select_related = ["speaker"]
    autocomplete_fields = ["speaker"]
