"""Admin registration for every model, with search fields and list filters."""

from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html

from archive.importing import editing
from archive.importing.speakers import sort_name_of
from archive.models import (
    Appearance,
    Event,
    SourceFile,
    Speaker,
    SpeakerKind,
    SpeakerLabel,
    Utterance,
    UtteranceRedirect,
)
from archive.upload.admin import EventUploadAdminMixin, LockedEditMixin, SpeakerMergeAdminMixin

admin.site.index_template = "admin/archive/index.html"


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    autocomplete_fields = ["speaker"]


class SpeakerLabelInline(admin.TabularInline):
    model = SpeakerLabel
    extra = 0


class FixedSlugAdmin(LockedEditMixin, admin.ModelAdmin):
    """Slugs are given once: they are in permalinks that readers have cited."""

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None else [*fields, "slug"]

    def get_prepopulated_fields(self, request, obj=None):
        return super().get_prepopulated_fields(request, obj) if obj is None else {}


@admin.register(Event)
class EventAdmin(EventUploadAdminMixin, FixedSlugAdmin):
    list_display = ["title", "date", "kind", "city"]
    list_filter = ["kind", "date"]
    search_fields = ["title", "venue", "city", "source_url"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["checksum", "source_name", "source_download", "created", "updated"]
    inlines = [AppearanceInline]
    # Django 6 makes https the default scheme; a typed "state.gov/…" means https already.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        editing.save_event(event=obj)

    @admin.display(description="Source")
    def source_download(self, event):
        """Link the source as uploaded (a PDF with its size), and the text the reader read."""
        if event.pk is None:
            return "–"
        source = reverse("archive:event-source", kwargs={"slug": event.slug})
        text = reverse("archive:event-source-text", kwargs={"slug": event.slug})
        found = SourceFile.objects.defer("data").filter(event=event).first()
        if found is None:
            return format_html('<a href="{}">the uploaded text</a>', source)
        return format_html(
            '<a href="{}">{}</a> ({}) · <a href="{}">the text read out of it</a>',
            source,
            found.name or "the PDF",
            filesizeformat(found.size),
            text,
        )


@admin.register(Speaker)
class SpeakerAdmin(SpeakerMergeAdminMixin, FixedSlugAdmin):
    list_display = ["name", "sort_name", "role", "country", "kind", "resolved", "person"]
    # "Resolved: No" lists the speakers known only by a surname, first name or title: to review.
    list_filter = ["resolved", "kind", ("person", admin.EmptyFieldListFilter), "country"]
    # name_key: "sanchez" finds Sánchez here too.
    search_fields = ["name", "name_key", "role", "affiliation", "labels__label", "person__name"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerLabelInline]

    def save_model(self, request, obj, form, change):
        if not obj.sort_name:
            obj.sort_name = obj.name if obj.kind == SpeakerKind.ROLE else sort_name_of(obj.name)
        editing.save_speaker(speaker=obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is not SpeakerLabel:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # lists what changed for the admin's history; writes nothing
        kept = [
            f.cleaned_data["label"]
            for f in formset.forms
            if f.cleaned_data.get("label") and not f.cleaned_data.get("DELETE")
        ]
        editing.set_labels(speaker=form.instance, labels=kept)
        return None

    def delete_model(self, request, obj):
        editing.delete_speakers(speakers=Speaker.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        editing.delete_speakers(speakers=queryset)


@admin.register(SpeakerLabel)
class SpeakerLabelAdmin(LockedEditMixin, admin.ModelAdmin):
    list_display = ["label", "speaker"]
    search_fields = ["label", "speaker__name"]
    list_select_related = ["speaker"]
    autocomplete_fields = ["speaker"]

    def save_model(self, request, obj, form, change):
        editing.save_label(label=obj)

    def delete_model(self, request, obj):
        editing.delete_labels(labels=SpeakerLabel.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        editing.delete_labels(labels=queryset)


@admin.register(Appearance)
class AppearanceAdmin(LockedEditMixin, admin.ModelAdmin):
    list_display = ["speaker", "event", "role", "affiliation"]
    list_filter = ["event__kind"]
    search_fields = ["speaker__name", "event__title", "role", "affiliation"]
    list_select_related = ["speaker", "event"]
    autocomplete_fields = ["speaker", "event"]


@admin.register(Utterance)
class UtteranceAdmin(LockedEditMixin, admin.ModelAdmin):
    list_display = ["event", "sequence", "label", "speaker", "attribution"]
    list_filter = ["attribution", "event__kind", "speaker__kind"]
    search_fields = ["text", "label", "speaker__name", "event__title"]
    list_select_related = ["speaker", "event"]
    autocomplete_fields = ["speaker", "event"]

    def save_model(self, request, obj, form, change):
        editing.save_utterance(utterance=obj)

    def delete_model(self, request, obj):
        editing.delete_utterances(utterances=Utterance.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        editing.delete_utterances(utterances=queryset)


@admin.register(UtteranceRedirect)
class UtteranceRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_id", "utterance"]
    search_fields = ["old_id"]
    raw_id_fields = ["utterance"]
