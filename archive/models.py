"""The archive's data: events, speakers with their labels and roles, and utterances."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.text import normalize_newlines

from archive.names import surname
from archive.reading import PARAGRAPH_BREAK
from archive.reading.event import web_url


class EventKind(models.TextChoices):
    PRESS_AVAILABILITY = "press-availability", "Press availability"
    PRESS_BRIEFING = "press-briefing", "Press briefing"
    JOINT_PRESS_CONFERENCE = "joint-press-conference", "Joint press conference"
    PRESS_CALL = "press-call", "Press call"
    PRESS_GAGGLE = "press-gaggle", "Press gaggle"
    INTERVIEW = "interview", "Interview"
    REMARKS = "remarks", "Remarks"
    SPEECH = "speech", "Speech"
    STATEMENT = "statement", "Statement"
    OTHER = "other", "Other"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    YEAR = "year", "Year only"


class SpeakerKind(models.TextChoices):
    OFFICIAL = "official", "Official"
    JOURNALIST = "journalist", "Journalist"
    MODERATOR = "moderator", "Moderator or spokesperson"
    UNIDENTIFIED = "unidentified", "Unidentified"


class Attribution(models.TextChoices):
    LABEL = "label", "From the printed label"
    INFERRED = "inferred", "Inferred from the moderator's introduction"


class EventQuerySet(models.QuerySet):
    def get_by_natural_key(self, checksum):
        """Return the event holding the source with this checksum."""
        return self.get(checksum=checksum)

    def newest(self):
        """Return events newest first."""
        return self.order_by("-date", "-pk")

    def with_counts(self):
        """Annotate each event with its number of utterances and speakers."""
        return self.annotate(
            utterance_count=Count("utterances", distinct=True),
            speaker_count=Count("appearances", distinct=True),
        )

    def without_source(self):
        """Leave out the stored source text, which only the download needs."""
        return self.defer("source_text")

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
        return f"{self.title} ({self.date_label})"

    def get_absolute_url(self):
        return reverse("archive:event-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.checksum,)

    @property
    def source_link(self) -> str:
        """Return the source URL if it is a web address a page may link to, else ""."""
        return web_url(self.source_url)

    @property
    def date_label(self) -> str:
        """Return the date as precisely as the source gives it: '18 May 2017' or '2023'."""
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date:%Y}"
        return f"{self.date.day} {self.date:%B %Y}"


class SpeakerQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        """Return the speaker with this slug."""
        return self.get(slug=slug)

    def find(self, slug):
        """Return the speaker with this slug, or the one it was merged into; None if neither."""
        return self.filter(Q(slug=slug) | Q(redirects__old_slug=slug)).first()

    def identified(self):
        """Return speakers known by name (not anonymous questioners)."""
        return self.exclude(kind=SpeakerKind.UNIDENTIFIED)

    def with_counts(self):
        """Annotate each speaker with their number of utterances and events."""
        return self.annotate(
            utterance_count=Count("utterances", distinct=True),
            event_count=Count("appearances", distinct=True),
        )

    def with_subquery_counts(self):
        """Annotate the same counts with one subquery each, cheap on a page of a big table."""
        return self.annotate(
            utterance_count=_count_per_speaker(Utterance),
            event_count=_count_per_speaker(Appearance),
        )

    def most_quoted(self):
        """Return speakers with at least one utterance, the most quoted first."""
        return (
            self.annotate(utterance_count=Count("utterances"))
            .filter(utterance_count__gt=0)
            .order_by("-utterance_count", "name")
        )


def _count_per_speaker(model):
    """Return a subquery counting `model` rows of the outer speaker."""
    rows = model.objects.filter(speaker=OuterRef("pk")).order_by().values("speaker")
    count = rows.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


class Speaker(models.Model):
    """A person (or an unidentified role such as 'Question') who speaks in transcripts."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=300, blank=True, help_text="Most recent known title.")
    affiliation = models.CharField(max_length=300, blank=True)
    country = models.CharField(max_length=100, blank=True)
    kind = models.CharField(
        max_length=16, choices=SpeakerKind.choices, default=SpeakerKind.OFFICIAL
    )
    created = models.DateTimeField(auto_now_add=True)
    surname_key = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The name's last word folded, so matching loads only speakers who could agree.",
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["kind", "name"], name="speaker_kind_name_idx"),
            models.Index(fields=["surname_key"], name="speaker_surname_key_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Save the speaker with surname_key derived from the name."""
        self.surname_key = surname(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "surname_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:speaker-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class SpeakerLabelManager(models.Manager):
    def get_by_natural_key(self, slug, label):
        """Return the label row for this speaker slug and label."""
        return self.get(speaker__slug=slug, label=label)


class SpeakerLabel(models.Model):
    """A label by which transcripts name a speaker, e.g. 'SECRETARY TILLERSON'."""

    # The unique (speaker, label) leads with the speaker, so it indexes lookups by speaker.
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="labels", db_index=False
    )
    label = models.CharField(max_length=200)

    objects = SpeakerLabelManager()

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "label"], name="unique_label_per_speaker")
        ]
        indexes = [models.Index(fields=["label"], name="speakerlabel_label_idx")]

    def __str__(self):
        return f"{self.label} → {self.speaker}"

    def get_absolute_url(self):
        return self.speaker.get_absolute_url()

    def natural_key(self):
        return (*self.speaker.natural_key(), self.label)

    natural_key.dependencies = ["archive.speaker"]


class AppearanceManager(models.Manager):
    def get_by_natural_key(self, checksum, slug):
        """Return the appearance of the speaker with this slug at the event with this checksum."""
        return self.get(event__checksum=checksum, speaker__slug=slug)


class Appearance(models.Model):
    """A speaker's part in one event, with the title they held there."""

    # Both keys lead a composite index below; an index of their own would only slow writes.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="appearances", db_index=False
    )
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="appearances", db_index=False
    )
    role = models.CharField(max_length=300, blank=True)
    affiliation = models.CharField(max_length=300, blank=True)

    objects = AppearanceManager()

    class Meta:
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "speaker"], name="unique_speaker_per_event")
        ]
        indexes = [models.Index(fields=["speaker", "event"], name="appearance_speaker_idx")]

    def __str__(self):
        return f"{self.speaker} at {self.event.title}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()

    def natural_key(self):
        return (*self.event.natural_key(), *self.speaker.natural_key())

    natural_key.dependencies = ["archive.event", "archive.speaker"]


class UtteranceQuerySet(models.QuerySet):
    def get_by_natural_key(self, checksum, sequence):
        """Return the turn with this sequence in the event with this checksum."""
        return self.get(event__checksum=checksum, sequence=sequence)

    def for_display(self):
        """Return utterances with their event and speaker loaded in the same query."""
        return self.select_related("event", "speaker")

    def by_speaker(self, speaker):
        """Return a speaker's utterances, newest event first."""
        return self.filter(speaker=speaker).order_by("-event__date", "event_id", "sequence")

    def with_roles(self):
        """Annotate `role`: the speaker's title at the utterance's event, else their latest."""
        at_event = Appearance.objects.filter(
            event_id=OuterRef("event_id"), speaker_id=OuterRef("speaker_id")
        ).values("role")[:1]
        role = Coalesce(NullIf(Subquery(at_event), Value("")), F("speaker__role"))
        return self.annotate(role=role)

    def in_event(self, event):
        """Return an event's utterances in transcript order."""
        return self.filter(event=event).order_by("sequence")

    def between(self, start=None, end=None):
        """Return utterances from events dated within [start, end]; either end may be open."""
        query = Q()
        if start:
            query &= Q(event__date__gte=start)
        if end:
            query &= Q(event__date__lte=end)
        return self.filter(query)

    def around(self, utterance, turns=2):
        """Return the turns up to `turns` before and after an utterance in its event."""
        low, high = utterance.sequence - turns, utterance.sequence + turns
        return self.in_event(utterance.event_id).filter(sequence__range=(low, high))


class Utterance(models.Model):
    """One speaker turn in an event: its paragraphs, interpreter marks and stage notes."""

    # Both keys lead a composite index below; an index of their own would only slow writes.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="utterances", db_index=False
    )
    sequence = models.PositiveIntegerField(help_text="Turn number within the event, from 1.")
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, related_name="utterances", db_index=False
    )
    label = models.CharField(max_length=200, help_text="The label as printed.")
    text = models.TextField(help_text="The paragraphs, one line each, joined by blank lines.")
    # Indexes rather than the paragraphs themselves: their text is `text`, stored once.
    interpreted_paragraphs = models.JSONField(
        default=list,
        blank=True,
        help_text="Indexes (from 0) of the paragraphs that are the interpreter's words.",
    )
    notes = models.JSONField(default=list, blank=True, help_text="Stage directions.")
    attribution = models.CharField(
        max_length=16, choices=Attribution.choices, default=Attribution.LABEL
    )

    objects = UtteranceQuerySet.as_manager()

    class Meta:
        ordering = ["event", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["event", "sequence"], name="unique_sequence_per_event")
        ]
        indexes = [models.Index(fields=["speaker", "event"], name="utterance_speaker_event_idx")]

    def __str__(self):
        return f"{self.label}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("archive:utterance-detail", kwargs={"pk": self.pk})

    def natural_key(self):
        return (*self.event.natural_key(), self.sequence)

    natural_key.dependencies = ["archive.event", "archive.speaker"]

    def clean(self):
        """Give the text the reader's line endings and check each mark names a paragraph."""
        self.text = normalize_newlines(self.text).strip()
        count = len(self.text.split(PARAGRAPH_BREAK)) if self.text else 0
        marks = self.interpreted_paragraphs
        if not isinstance(marks, list) or not all(type(i) is int and 0 <= i < count for i in marks):
            raise ValidationError(
                {
                    "interpreted_paragraphs": f"Give a list of paragraph numbers from 0 to "
                    f"{count - 1}: the text has {count} paragraphs, separated by blank lines."
                }
            )

    @property
    def paragraphs(self) -> list[dict]:
        """Return the paragraphs in order as {"text": ..., "interpreted": bool}."""
        marked = set(self.interpreted_paragraphs)
        texts = self.text.split(PARAGRAPH_BREAK) if self.text else []
        return [{"text": text, "interpreted": i in marked} for i, text in enumerate(texts)]

    @property
    def interpreted(self) -> bool:
        """Return whether any paragraph is the interpreter's words."""
        return bool(self.interpreted_paragraphs)


class UtteranceRedirect(models.Model):
    """Where the permalink of an utterance removed by a re-read now points."""

    old_id = models.BigIntegerField(primary_key=True)
    utterance = models.ForeignKey(Utterance, on_delete=models.CASCADE, related_name="redirects")

    class Meta:
        ordering = ["old_id"]

    def __str__(self):
        return f"{self.old_id} → {self.utterance_id}"

    def get_absolute_url(self):
        return self.utterance.get_absolute_url()


# The admin upload's models live in their own module; importing them here registers them.
from archive.upload.models import PendingUpload, SpeakerRedirect  # noqa: E402, F401
