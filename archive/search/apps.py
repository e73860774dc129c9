"""App configuration for search; listed before haystack so its index commands take precedence."""

from django.apps import AppConfig


class ArchiveSearchConfig(AppConfig):
    """Search of the archive: index queue, backend, commands and pages."""

    name = "archive.search"
    label = "archive_search"
    verbose_name = "Archive search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from archive.search import signals

        signals.connect()
