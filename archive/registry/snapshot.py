"""The registry as the reader consults it, built from the tables and kept until they change."""

from __future__ import annotations

import functools
import threading
from collections import defaultdict

from django.db import connection

from archive.reading import Metadata, Reading, read
from archive.reading.countries import country_of_code
from archive.reading.registry import KnownPerson, Post, Registry
from archive.registry.models import OtherName, Person
from archive.registry.models import Post as PostRow
from archive.speaker_names import fold

_lock = threading.Lock()
_cached: tuple[tuple, Registry] | None = None


def version() -> tuple:
    """Return what changes whenever a person, name or post is added, edited or deleted."""
    # One statement of subselects: it runs before every reading the archive makes.
    quote = connection.ops.quote_name
    people, posts, names = (quote(m._meta.db_table) for m in (Person, PostRow, OtherName))
    columns = [f"(SELECT COUNT(*) FROM {t})" for t in (people, posts, names)]
    columns += [f"(SELECT MAX({quote('updated')}) FROM {people})"]
    columns += [f"(SELECT MAX({quote('id')}) FROM {t})" for t in (posts, names)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}")
        return tuple(cursor.fetchone())


def build() -> Registry:
    """Return the registry of every person in the tables, in three queries."""
    names, posts = defaultdict(list), defaultdict(list)
    for person_id, name in OtherName.objects.values_list("person_id", "name"):
        names[person_id].append(name)
    for row in PostRow.objects.order_by("start", "pk").values():
        country = country_of_code(row["country"]) if row["country"] else None
        posts[row["person_id"]].append(
            Post(
                title=row["title"],
                country=country.name if country else "",
                organisation=row["organisation"],
                start=row["start"],
                end=row["end"],
            )
        )
    people = Person.objects.values_list("pk", "slug", "name", "family_name", "given_name")
    return Registry(
        KnownPerson(slug, name, family, given, tuple(names[pk]), tuple(posts[pk]))
        for pk, slug, name, family, given in people
    )


def current() -> Registry:
    """Return the registry as the tables hold it now; rebuilt only after they change."""
    global _cached
    stamp = version()
    with _lock:
        if _cached is None or _cached[0] != stamp:
            _cached = (stamp, build())
        return _cached[1]


def people_named(words: list[str]) -> list[str]:
    """Return the slugs of the people one of whose names (other names included: "Joe Biden",
    "Tony Blinken") has a word starting with each of the folded words."""
    return [
        slug
        for slug, forms in folded_names(current())
        if any(all(any(t.startswith(w) for t in form) for w in words) for form in forms)
    ]


@functools.lru_cache(maxsize=2)
def folded_names(registry: Registry) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """Return each person's slug and the folded words of each of their names."""
    return tuple(
        (p.key, tuple(tuple(fold(n).split()) for n in (p.name, *p.other_names)))
        for p in registry.people
    )


def read_with_registry(data: bytes | str, *, metadata: Metadata | None = None) -> Reading:
    """Return the reader's reading of a transcript, people named by the archive's registry."""
    return read(data, metadata=metadata or Metadata(), registry=current())
