"""App configuration for the archive."""

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """The archive of diplomatic statements."""

    name = "archive"
    verbose_name = "Diplomatic statements archive"
    default_auto_field = "django.db.models.BigAutoField"
