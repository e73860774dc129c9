"""App configuration for the people registry."""

from django.apps import AppConfig


class RegistryConfig(AppConfig):
    """People who hold the offices transcripts name, and the posts they held when."""

    name = "archive.registry"
    label = "registry"
    verbose_name = "People registry"
    default_auto_field = "django.db.models.BigAutoField"
