"""Speakers, the labels transcripts print for them, and their part in each event."""

from __future__ import annotations

import operator
from functools import reduce

from django.db import models
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Left, Upper
from django.urls import reverse

from archive.models.choices import SpeakerKind
from archive.models.events import Event
from archive.speaker_names import fold, sort_key, surname

# What each derived column is made from: save() refreshes a column when one of its sources is saved.
DERIVED_FROM = {"surname_key": {"name"}, "name_key": {"name"}, "sort_key": {"name", "sort_name"}}


class SpeakerQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        """Return the speaker with this slug."""
        return self.get(slug=slug)

    def find(self, slug: str):
        """Return the speaker with this slug, or the one it was merged into; None if neither."""
        return self.filter(slug=slug).first() or self.filter(redirects__old_slug=slug).first()

    def identified(self):
        """Return the speakers who are people, not roles (moderators, audiences, questioners)."""
        return self.exclude(kind=SpeakerKind.ROLE)

    def roles(self):
        """Return the speakers who are roles, not people."""
        return self.filter(kind=SpeakerKind.ROLE)

    def unresolved(self):
        """Return the people known only by a surname, a first name or a title: to review."""
        return self.identified().filter(resolved=False)

    def with_counts(self):
        """Annotate each speaker with their number of utterances and events."""
        return self.annotate(
            utterance_count=Count("utterances", distinct=True),
            event_count=Count("appearances", distinct=True),
        )

    def with_subquery_counts(self):
        """Annotate the same counts with one subquery each, cheap on a page of a big table."""
        return self.annotate(
            utterance_count=_count_per_speaker(self.model, "utterances"),
            event_count=_count_per_speaker(self.model, "appearances"),
        )

    def named_like(self, text: str):
        """Return the speakers with a name word starting with each word of `text`, accents folded.

        "sanchez" finds Pedro Sánchez, "lopez obrador" López Obrador, "jean-pierre" Karine
        Jean-Pierre. A text with no Latin letter or digit ("王毅") is looked for as typed.
        """
        # Imported here: the registry's snapshot reads the registry's tables, defined after these.
        from archive.registry.snapshot import people_named

        words = fold(text).split()
        if not words:
            return self.filter(name__icontains=text.strip()) if text.strip() else self
        starts = [Q(name_key__startswith=word) | Q(name_key__contains=f" {word}") for word in words]
        # Or a name the registry gives the speaker's person ("Joe Biden" for Joseph R. Biden Jr.).
        return self.filter(reduce(operator.and_, starts) | Q(person__slug__in=people_named(words)))

    def a_to_z(self):
        """Return the speakers in A–Z order of their sort names (family name first)."""
        return self.order_by("sort_key", "pk")

    def with_initial(self, letter: str):
        """Return the speakers filed under `letter` in the A–Z; "#" for any other start."""
        if letter == "#":
            return self.exclude(sort_key__regex=r"^[a-z]")
        return self.filter(sort_key__startswith=letter.lower())

    def initials(self) -> set[str]:
        """Return the upper-case initials the speakers are filed under in the A–Z."""
        firsts = self.order_by().annotate(initial=Upper(Left("sort_key", 1)))
        return set(firsts.values_list("initial", flat=True).distinct())

    def countries(self):
        """Return the speakers' countries in order, each once."""
        named = self.exclude(country="").order_by("country")
        return named.values_list("country", flat=True).distinct()

    def most_quoted(self):
        """Return speakers with at least one utterance, the most quoted first."""
        return (
            self.annotate(utterance_count=Count("utterances"))
            .filter(utterance_count__gt=0)
            .order_by("-utterance_count", "name")
        )


def name_keys(name: str, sort_name: str) -> tuple[str, str, str]:
    """Return a speaker's surname_key, name_key and sort_key (the sort name, else the name)."""
    return surname(name), fold(name)[:200], sort_key(sort_name or name)[:200]


def _count_per_speaker(speaker_model, relation: str):
    """Return a subquery counting the outer speaker's rows of a related model."""
    model = speaker_model._meta.get_field(relation).related_model
    rows = model.objects.filter(speaker=OuterRef("pk")).order_by().values("speaker")
    count = rows.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


class Speaker(models.Model):
    """A person (or a role such as 'Moderator') who speaks in transcripts."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=300, blank=True, help_text="Most recent known title.")
    affiliation = models.CharField(max_length=300, blank=True)
    country = models.CharField(max_length=100, blank=True)
    kind = models.CharField(
        max_length=16, choices=SpeakerKind.choices, default=SpeakerKind.OFFICIAL
    )
    created = models.DateTimeField(auto_now_add=True)
    person = models.OneToOneField(
        "registry.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaker",
        help_text="The registry person this speaker is: one speaker per person.",
    )
    resolved = models.BooleanField(
        default=True,
        help_text="Off when the transcripts give only a surname, a first name or a bare title: "
        "for an admin to review.",
    )
    sort_name = models.CharField(
        max_length=200, blank=True, help_text="A–Z order by family name: 'Biden, Joseph R.'."
    )
    surname_key = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The name's last word folded, so matching loads only speakers who could agree.",
    )
    name_key = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The name folded (lower case, no accents or punctuation), for the name box.",
    )
    sort_key = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The sort name (else the name) folded: the A–Z's order and initial.",
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["kind", "name"], name="speaker_kind_name_idx"),
            models.Index(fields=["surname_key"], name="speaker_surname_key_idx"),
            models.Index(fields=["sort_key"], name="speaker_sort_key_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Save the speaker with its keys derived from the name and the sort name."""
        self.surname_key, self.name_key, self.sort_key = name_keys(self.name, self.sort_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {key for key, sources in DERIVED_FROM.items() if sources & {*update_fields}}
            kwargs["update_fields"] = {*update_fields, *derived}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:speaker-detail", kwargs={"slug": self.slug})

    def role_beside_name(self, role: str) -> str:
        """Return the role to print after the name: none where the name says it already
        ("Representative of Russia (Representative)" says it twice)."""
        return "" if role.casefold() in self.name.casefold() else role

    def natural_key(self):
        return (self.slug,)

    @property
    def initial(self) -> str:
        """Return the letter the A–Z files the speaker under, "#" for none."""
        first = self.sort_key[:1].upper()
        return first if "A" <= first <= "Z" else "#"


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


class AppearanceQuerySet(models.QuerySet):
    def get_by_natural_key(self, checksum, slug):
        """Return the appearance of the speaker with this slug at the event with this checksum."""
        return self.get(event__checksum=checksum, speaker__slug=slug)

    def of_speaker(self, speaker):
        """Return a speaker's appearances with their events (source left out), newest first."""
        mine = self.filter(speaker=speaker).select_related("event").defer("event__source_text")
        return mine.order_by("-event__date", "-event_id")

    def roles_of(self, speaker):
        """Return each title a speaker held at events, with its first and last date and count."""
        return (
            self.filter(speaker=speaker)
            .exclude(Q(role="") & Q(affiliation=""))
            .values("role", "affiliation")
            .annotate(first=Min("event__date"), last=Max("event__date"), events=Count("pk"))
            .order_by("first", "role")
        )


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

    objects = AppearanceQuerySet.as_manager()

    class Meta:
        # By id: ordering by "event" would join and sort by the event's own ordering.
        ordering = ["event_id", "pk"]
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
