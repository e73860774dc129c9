"""Events: one transcript each, with its facts and the stored source."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from archive.models.choices import DatePrecision, EventKind
from archive.reading.event import web_url


class EventQuerySet(models.QuerySet):
    def get_by_natural_key(self, checksum):
        """Return the event holding the source with this checksum."""
        return self.get(checksum=checksum)

    def newest(self):
        """Return events newest first."""
        return self.order_by("-date", "-pk")

    def without_source(self):
        """Leave out the stored source text, which only the download needs."""
        return self.defer("source_text")

    def dated_to_the_day(self):
        """Leave out events dated by their year alone, which the source gives no day for."""
        return self.exclude(date_precision=DatePrecision.YEAR)

    def featuring(self, speaker):
        """Return the events a speaker took part in."""
        return self.filter(appearances__speaker=speaker)

    def between(self, start=None, end=None):
        """Return events dated within [start, end]; either end may be open."""
        query = Q()
        if start:
            query &= Q(date__gte=start)
        if end:
            query &= Q(date__lte=end)
        return self.filter(query)


class Event(models.Model):
    """One transcript: a briefing, press availability, interview or speech."""

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=32, choices=EventKind.choices, default=EventKind.OTHER)
    date = models.DateField()
    date_precision = models.CharField(
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="Year only: the source gives the year, and the date is 1 January.",
    )
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_name = models.CharField(max_length=255, blank=True, help_text="Uploaded file name.")
    reading_metadata = models.JSONField(
        default=dict, blank=True, help_text="What was given to the reader beside the text."
    )
    checksum = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the source.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Last: SQLite reads a row's columns in order, and this one is long (migration 0007).
    source_text = models.TextField(help_text="The transcript exactly as uploaded, to read again.")

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["date"], name="event_date_idx")]

    def __str__(self):
        # UN speeches are titled with their year already: "Russia (2023)".
        if self.title.endswith(f"({self.date_label})"):
            return self.title
        return f"{self.title} ({self.date_label})"

    def get_absolute_url(self):
        return reverse("archive:event-detail", kwargs={"slug": self.slug})

    def clean(self):
        """Check the reader's metadata an admin may have edited: an object of fields, or empty."""
        if self.reading_metadata is None:
            self.reading_metadata = {}
        if not isinstance(self.reading_metadata, dict):
            raise ValidationError(
                {"reading_metadata": 'Give an object such as {"filename": "briefing.txt"}, or {}.'}
            )

    def natural_key(self):
        return (self.checksum,)

    @property
    def source_link(self) -> str:
        """Return the source URL if it is a web address a page may link to, else ""."""
        return web_url(self.source_url)

    @property
    def date_url(self) -> str:
        """Return the date archive's page for the event: its day, or its year when that is all."""
        if self.date_precision == DatePrecision.YEAR:
            return reverse("archive:date-year", kwargs={"year": self.date.year})
        parts = {"year": self.date.year, "month": self.date.month, "day": self.date.day}
        return reverse("archive:date-day", kwargs=parts)

    @property
    def date_iso(self) -> str:
        """Return the date for a <time> element: '2017-05-18', or '2023' for a year alone."""
        return (
            f"{self.date:%Y}"
            if self.date_precision == DatePrecision.YEAR
            else f"{self.date:%Y-%m-%d}"
        )

    @property
    def date_label(self) -> str:
        """Return the date as precisely as the source gives it: '18 May 2017' or '2023'."""
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date:%Y}"
        return f"{self.date.day} {self.date:%B %Y}"
