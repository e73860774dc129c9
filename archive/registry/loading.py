"""Load the reviewed registry fixture (fixtures/registry/people.yaml) into the registry tables.

Loading adds what is missing — new people, and other names and posts not yet recorded for
people already there — and never changes or deletes a row, so an admin's corrections stand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive.reading.registry import parse_day, slug
from archive.registry.models import OtherName, Person, Post


@dataclass(frozen=True)
class Loaded:
    """What a load added."""

    people: int = 0
    names: int = 0
    posts: int = 0


def default_path() -> Path:
    """Return the shipped registry fixture."""
    return Path(settings.BASE_DIR) / "fixtures" / "registry" / "people.yaml"


def sort_name(record: dict) -> str:
    """Return the record's sort name: given, else "family, given"."""
    given = record.get("given") or ""
    return record.get("sort") or (f"{record['family']}, {given}" if given else record["family"])


@transaction.atomic
def load(records: list[dict]) -> Loaded:
    """Add the records' people, other names and posts that the tables lack; return the counts."""
    known = {p.slug: p for p in Person.objects.all()}
    names = set(OtherName.objects.values_list("person_id", "name"))
    posts = set(Post.objects.values_list("person_id", "title", "country", "start"))
    added_people, new_names, new_posts = 0, [], []
    for record in records:
        key = slug(record["name"])
        person = known.get(key)
        if person is None:
            person = Person.objects.create(
                name=record["name"],
                given_name=record.get("given") or "",
                family_name=record["family"],
                sort_name=sort_name(record),
                slug=key,
            )
            known[key] = person
            added_people += 1
        for name in record.get("also") or ():
            if (person.pk, name) not in names:
                names.add((person.pk, name))
                new_names.append(OtherName(person=person, name=name))
        for post in record.get("posts") or ():
            start = parse_day(post.get("from"))
            identity = (person.pk, post["title"], post.get("country") or "", start)
            if identity not in posts:
                posts.add(identity)
                new_posts.append(post_of(person, post, start))
    OtherName.objects.bulk_create(new_names)
    Post.objects.bulk_create(new_posts)
    return Loaded(added_people, len(new_names), len(new_posts))


def post_of(person: Person, record: dict, start) -> Post:
    """Return the unsaved post of a record."""
    return Post(
        person=person,
        title=record["title"],
        organisation=record.get("org") or "",
        country=record.get("country") or "",
        start=start,
        end=parse_day(record.get("to")),
    )
