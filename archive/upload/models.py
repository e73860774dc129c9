"""Uploads waiting for the admin's confirmation, and the old URLs of merged speakers."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

PENDING_UPLOAD_LIFETIME = datetime.timedelta(hours=24)


def new_token() -> str:
    """Return an unguessable token naming one pending upload."""
    return secrets.token_urlsafe(24)


def default_expiry() -> datetime.datetime:
    """Return when an upload made now expires."""
    return timezone.now() + PENDING_UPLOAD_LIFETIME


class PendingUploadQuerySet(models.QuerySet):
    def expired(self):
        """Return the uploads past their expiry."""
        return self.filter(expires__lte=timezone.now())

    def waiting_for(self, user):
        """Return the user's uploads still to be confirmed: not imported, not expired."""
        return self.filter(user=user, event__isnull=True, expires__gt=timezone.now())

    def purge_expired(self) -> int:
        """Delete the expired uploads and return how many there were."""
        deleted, _ = self.expired().delete()
        return deleted


class PendingUpload(models.Model):
    """A transcript uploaded and read but not imported yet: kept for its preview and confirm."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    source_text = models.TextField(help_text="The decoded transcript as it will be stored.")
    source_file = models.BinaryField(
        blank=True, default=b"", help_text="The uploaded PDF the text was read out of, if any."
    )
    source_name = models.CharField(max_length=255, blank=True)
    overrides = models.JSONField(default=dict, blank=True, help_text="Metadata the admin gave.")
    warnings = models.JSONField(default=list, blank=True, help_text="Warnings from decoding.")
    speaker_choices = models.JSONField(
        default=dict,
        blank=True,
        help_text="The admin's “Import as” corrections: a speaker id (null: a new one) by key.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_uploads"
    )
    event = models.ForeignKey(
        "archive.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The event this upload became, once confirmed.",
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(default=default_expiry, db_index=True)

    objects = PendingUploadQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.source_name or 'pasted text'} ({self.created:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("admin:archive_event_upload_preview", args=[self.token])

    @property
    def is_expired(self) -> bool:
        """Return whether the upload is past its expiry."""
        return self.expires <= timezone.now()


class SpeakerRedirect(models.Model):
    """Where the page of a speaker merged into another now points."""

    old_slug = models.SlugField(max_length=120, unique=True)
    speaker = models.ForeignKey(
        "archive.Speaker", on_delete=models.CASCADE, related_name="redirects"
    )

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {self.speaker_id}"

    def get_absolute_url(self):
        return self.speaker.get_absolute_url()
