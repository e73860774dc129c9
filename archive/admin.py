"""Admin registration for every model, with search fields and list filters."""

from django.contrib import admin
from django.db import models

from archive.importing.speakers import sort_name_of
from archive.models import (
    Appearance,
    Event,
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
    readonly_fields = ["checksum", "source_name", "created", "updated"]
    inlines = [AppearanceInline]
    # Django 6 makes https the default scheme; a typed "state.gov/…" means https already.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Speaker)
class SpeakerAdmin(SpeakerMergeAdminMixin, FixedSlugAdmin):
    list_display = ["name", "sort_name", "role", "affiliation", "country", "kind"]
    list_filter = ["kind", "country"]
    # name_key: "sanchez" finds Sánchez here too.
    search_fields = ["name", "name_key", "role", "affiliation", "labels__label"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerLabelInline]

    def save_model(self, request, obj, form, change):
        """Give a speaker without a sort name the importer's "Surname, Given" (a role its name)."""
        if not obj.sort_name:
            obj.sort_name = obj.name if obj.kind == SpeakerKind.ROLE else sort_name_of(obj.name)
        super().save_model(request, obj, form, change)


@admin.register(SpeakerLabel)
class SpeakerLabelAdmin(LockedEditMixin, admin.ModelAdmin):
    list_display = ["label", "speaker"]
    search_fields = ["label", "speaker__name"]
    list_select_related = ["speaker"]
    autocomplete_fields = ["speaker"]


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


@admin.register(UtteranceRedirect)
class UtteranceRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_id", "utterance"]
    search_fields = ["old_id"]
    raw_id_fields = ["utterance"]
