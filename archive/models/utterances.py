"""Utterances: the speaker turns of an event, and where removed turns' permalinks lead."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.text import normalize_newlines

from archive.models.choices import Attribution
from archive.models.events import Event
from archive.models.speakers import Appearance, Speaker
from archive.reading import PARAGRAPH_BREAK


class UtteranceQuerySet(models.QuerySet):
    def get_by_natural_key(self, checksum, sequence):
        """Return the turn with this sequence in the event with this checksum."""
        return self.get(event__checksum=checksum, sequence=sequence)

    def for_display(self):
        """Return utterances with their event and speaker loaded in the same query."""
        # Not the event's whole transcript and reading notes: a page of twenty turns of twenty
        # events read those twenty times (0.6 s for a speaker's fiftieth page).
        return self.select_related("event", "speaker").defer(
            "event__source_text", "event__reading_metadata"
        )

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
        # By id: ordering by "event" would join and sort by the event's own ordering.
        ordering = ["event_id", "sequence"]
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
        """Give the text the reader's line endings and check the marks and notes an admin typed."""
        self.text = normalize_newlines(self.text).strip()
        count = len(self.text.split(PARAGRAPH_BREAK)) if self.text else 0
        # An emptied JSON box arrives as None: no marks, no notes.
        marks = [] if self.interpreted_paragraphs is None else self.interpreted_paragraphs
        self.notes = [] if self.notes is None else self.notes
        errors = {}
        numbers = isinstance(marks, list) and all(type(i) is int and 0 <= i < count for i in marks)
        if not numbers or len(set(marks)) != len(marks):
            errors["interpreted_paragraphs"] = (
                f"Give a list of different paragraph numbers from 0 to {count - 1}: the text "
                f"has {count} paragraphs, separated by blank lines."
            )
        if not isinstance(self.notes, list) or not all(isinstance(n, str) for n in self.notes):
            errors["notes"] = 'Give a list of stage directions as text, e.g. ["(Laughter.)"].'
        if errors:
            raise ValidationError(errors)
        self.interpreted_paragraphs = marks

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

    @property
    def interpreted_throughout(self) -> bool:
        """Return whether every paragraph is the interpreter's words: cited "via interpreter"."""
        return self.interpreted and len(self.interpreted_paragraphs) >= len(self.paragraphs)


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
