"""The original file an event's transcript was read out of (a PDF), kept as uploaded."""

from __future__ import annotations

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse


class SourceFile(models.Model):
    """A transcript's file as uploaded, to download and to read again; its text is the event's."""

    # In the database rather than in MEDIA_ROOT: it is written in the import's transaction, so
    # a refused or rolled-back import leaves no file behind and a deleted event takes it along.
    event = models.OneToOneField(
        "archive.Event", on_delete=models.CASCADE, related_name="source_file"
    )
    name = models.CharField(max_length=255, blank=True, help_text="Uploaded file name.")
    content_type = models.CharField(max_length=100, default="application/pdf")
    size = models.PositiveIntegerField(help_text="Bytes.")
    data = models.BinaryField(help_text="The file exactly as uploaded.")

    class Meta:
        ordering = ["event"]

    def __str__(self):
        return f"{self.name or 'source file'} ({filesizeformat(self.size)})"

    def get_absolute_url(self):
        return reverse("archive:event-source", kwargs={"slug": self.event.slug})
