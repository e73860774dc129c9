"""The people registry, after Popolo: people, the other names they go by, and their posts."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from archive.reading.countries import all_countries


def country_choices() -> list[tuple[str, str]]:
    """Return the country table's codes as choices (a callable: migrations name it, not copy it)."""
    return [(c.code, f"{c.name} ({c.code})") for c in all_countries()]


class PersonQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        """Return the person with this slug."""
        return self.get(slug=slug)


class Person(models.Model):
    """Someone who holds or held an office: full name, name parts and the name to sort by."""

    name = models.CharField(max_length=200, help_text="Full name, as their government prints it.")
    given_name = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(
        max_length=200, help_text="What a label prints: BIDEN, LÓPEZ OBRADOR, PARK."
    )
    sort_name = models.CharField(
        max_length=200, blank=True, help_text="A–Z order: 'Biden, Joseph R.', 'Park, Jin'."
    )
    slug = models.SlugField(max_length=120, unique=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:person-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class OtherName(models.Model):
    """Another full name a person goes by in transcripts ("Tony Blinken")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="unique_other_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.person.get_absolute_url()


class Post(models.Model):
    """An office a person held: title, organisation, country and dates (no end: still held)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="posts")
    title = models.CharField(max_length=200, help_text="Secretary of State, Prime Minister, …")
    organisation = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=8, blank=True, choices=country_choices)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True, help_text="Empty while the post is held.")

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "title", "country", "start"], name="unique_post_per_person"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="post_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        where = self.get_country_display() or self.organisation
        return f"{self.title} ({where})" if where else self.title

    def get_absolute_url(self):
        return self.person.get_absolute_url()
