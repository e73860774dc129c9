"""The people registry in the admin: people with their other names and posts inline."""

from django.contrib import admin

from archive.registry.models import OtherName, Person, Post


class OtherNameInline(admin.TabularInline):
    model = OtherName
    extra = 0


class PostInline(admin.TabularInline):
    model = Post
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "family_name", "sort_name"]
    search_fields = ["name", "family_name", "given_name", "other_names__name", "posts__title"]
    list_filter = ["posts__country", "posts__title"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OtherNameInline, PostInline]

    def save_model(self, request, obj, form, change):
        """Give a person without a sort name the default "Family, Given"."""
        if not obj.sort_name:
            given = f", {obj.given_name}" if obj.given_name else ""
            obj.sort_name = f"{obj.family_name}{given}"
        super().save_model(request, obj, form, change)
