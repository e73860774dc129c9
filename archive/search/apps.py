"""App configuration for search; listed before haystack so its index commands take precedence."""

from django.apps import AppConfig


class ArchiveSearchConfig(AppConfig):
    """Search of the archive: documents, index queue, engines, commands and pages."""

    name = "archive.search"
    label = "archive_search"
    verbose_name = "Archive search"
    default_auto_field = "django.db.models.BigAutoField"
