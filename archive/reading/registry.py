"""The people registry as the reader consults it: who is called what, and who held which post when.

Pure data handed to `read()` (the archive builds it from its registry tables, tests from the
fixture). The reader asks it two things: whom a full name names, and who held an office on a
day ("THE PRESIDENT" on whitehouse.gov on 10 January 2023). It answers only when exactly one
person fits; otherwise the reader keeps what the transcript says and the speaker stays
unresolved, for an admin to review.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from archive.reading.countries import country_of_code
from archive.reading.lexicon import fold

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "he", "hon"})
SLACK = datetime.timedelta(days=60)
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def tokens(name: str) -> tuple[str, ...]:
    """Return a name's folded words without courtesy titles, suffixes or initials' dots."""
    words = WORD.findall(fold(name).replace("’", "'"))
    return tuple(w for w in words if w not in COURTESY and w not in SUFFIXES)


def office_words(title: str) -> frozenset[str]:
    """Return the upper-case words of an office title, without "of", "the" or hyphens."""
    words = re.split(r"[\s\-–]+", title.upper().replace(".", ""))
    return frozenset(w for w in words if w and w not in {"OF", "THE", "FOR", "AND"})


@dataclass(frozen=True)
class Post:
    """An office someone held: title, country name ("" for the UN or NATO), organisation, dates."""

    title: str
    country: str = ""
    organisation: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None

    def held_on(self, day: datetime.date) -> bool:
        """Return whether the post was held on that day (an open end: still held)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def words(self) -> frozenset[str]:
        """Return the title's office words ("SECRETARY", "STATE")."""
        return office_words(self.title)


@dataclass(frozen=True)
class KnownPerson:
    """A person of the registry: key (slug), full name, family name, other names, posts."""

    key: str
    name: str
    family: str
    given: str = ""
    other_names: tuple[str, ...] = ()
    posts: tuple[Post, ...] = ()

    def names(self) -> set[tuple[str, ...]]:
        """Return every folded form of the person's full name the registry knows."""
        forms = {tokens(self.name), *(tokens(n) for n in self.other_names)}
        if self.given:
            forms.add(tokens(f"{self.given} {self.family}"))
            forms.add(tokens(f"{self.given.split()[0]} {self.family}"))
        return {form for form in forms if len(form) > 1}

    def called(self, words: tuple[str, ...]) -> bool:
        """Return whether a label's name words name this person ("VIDEGARAY", "LÓPEZ OBRADOR")."""
        if not words:
            return True
        family = tokens(self.family)
        if words == family[: len(words)] or words == family[-len(words) :]:
            return True
        return any(words == form[-len(words) :] for form in self.names())

    def post_on(
        self, day: datetime.date, wanted: frozenset[str], country: str, exact: bool = False
    ) -> Post | None:
        """Return the post held on that day that fits the office words and country, if any.

        The office words must all be the post's ("SECRETARY" fits Secretary of State), or be
        exactly its words when `exact` ("PRESIDENT" alone is not the Vice President).
        """
        for post in self.posts:
            if not post.held_on(day) or (country and post.country != country):
                continue
            if wanted == post.words or (not exact and wanted <= post.words):
                return post
        return None


@dataclass(frozen=True)
class Found:
    """A registry answer: the person and the post they held at the event (if one was asked)."""

    person: KnownPerson
    post: Post | None = None
    former: bool = False  # the post was held before the day, not on it


class Registry:
    """People indexed by their folded names and family names, for the reader's two questions."""

    def __init__(self, people: Iterable[KnownPerson]):
        """Index the people by every form of their names and by each word of their family name."""
        self.people = tuple(people)
        self.by_name: dict[tuple[str, ...], list[KnownPerson]] = defaultdict(list)
        self.by_word: dict[str, list[KnownPerson]] = defaultdict(list)
        for person in self.people:
            for form in person.names():
                self.by_name[form].append(person)
            for word in {*tokens(person.family), *(f[-1] for f in person.names())}:
                self.by_word[word].append(person)

    def __len__(self) -> int:
        return len(self.people)

    def named(self, name: str) -> KnownPerson | None:
        """Return the one person a full name names ("Antony J. Blinken", "Tony Blinken")."""
        words = tokens(name)
        if len(words) < 2:
            return None
        found = {p.key: p for p in self.by_name.get(words, ())}
        if not found:
            # Without a middle name or initial: "Antony Blinken" for "Antony J. Blinken".
            found = {
                p.key: p
                for p in self.by_word.get(words[-1], ())
                if any(f[0] == words[0] and f[-1] == words[-1] for f in p.names())
            }
        return next(iter(found.values())) if len(found) == 1 else None

    def holder(
        self,
        day: datetime.date | None,
        *,
        name: tuple[str, ...] = (),
        office: frozenset[str] = frozenset(),
        country: str = "",
        home: str = "",
        exact: bool = False,
        guests: tuple[str, ...] = (),
    ) -> Found | None:
        """Return the one person who held a fitting post that day, by family name and office."""
        if day is None or not (name or office):
            return None
        words = tokens(" ".join(name)) if name else ()
        pool = self.by_word.get(words[-1], ()) if words else self.people
        fits = {}
        for person in dict.fromkeys(pool):
            post = person.post_on(day, office, country, exact) if person.called(words) else None
            if post is not None:
                fits.setdefault(person.key, Found(person, post))
        if not fits and words:
            # Dates of a change of title are often known to the month only: a name that held
            # a post in the weeks around the day is still that person ("MR. KIRBY").
            fits = self.around(day, words, office, country, exact)
        if not fits and words and office:
            fits = self.former(day, words, office, country)
        found = list(fits.values())
        if not country and not (words and office):
            # "MR. KIM" or "THE PRESIDENT" alone names an official of the publisher's own
            # country, or of a country the page names ("MR. EBRARD" beside Mexico's president).
            found = [f for f in found if f.post.country in ({home} | set(guests)) - {""}]
        elif not country and len(found) > 1 and home:
            found = [f for f in found if f.post.country == home] or found
        return found[0] if len(found) == 1 else None

    def around(
        self,
        day: datetime.date,
        words: tuple[str, ...],
        office: frozenset[str],
        country: str,
        exact: bool,
    ) -> dict[str, Found]:
        """Return the people of that name holding a fitting post within SLACK of the day."""
        fits = {}
        for person in dict.fromkeys(self.by_word.get(words[-1], ())):
            if not person.called(words):
                continue
            for near_day in (day - SLACK, day + SLACK):
                post = person.post_on(near_day, office, country, exact)
                if post is not None:
                    fits.setdefault(person.key, Found(person, post))
        return fits

    def former(
        self, day: datetime.date, words: tuple[str, ...], office: frozenset[str], country: str
    ) -> dict[str, Found]:
        """Return the people of that name who had held the office by then ("PRESIDENT OBAMA")."""
        fits = {}
        for person in dict.fromkeys(self.by_word.get(words[-1], ())):
            post = held_before(person, day, office, country) if person.called(words) else None
            if post is not None:
                fits[person.key] = Found(person, post, former=True)
        return fits


def held_before(person: KnownPerson, day, office: frozenset[str], country: str) -> Post | None:
    """Return the latest post fitting the office that the person had left by that day."""
    posts = [
        p
        for p in person.posts
        if p.end and p.end < day and office <= p.words and (not country or p.country == country)
    ]
    return max(posts, key=lambda p: p.end, default=None)


def parse_day(value: object) -> datetime.date | None:
    """Return a date from a record's value (a date, an ISO string or nothing)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def post_from_record(record: Mapping) -> Post:
    """Return a post from a record: title, country code, org, from, to."""
    code = record.get("country") or ""
    country = country_of_code(code)
    return Post(
        title=record["title"],
        country=country.name if country else code,
        organisation=record.get("org") or "",
        start=parse_day(record.get("from")),
        end=parse_day(record.get("to")),
    )


def slug(text: str) -> str:
    """Return a lower-case, hyphenated key for text ("Joseph R. Biden Jr." -> joseph-r-biden-jr)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "speaker"


def person_from_record(record: Mapping) -> KnownPerson:
    """Return a person from a record in the fixture's form (name, given, family, also, posts)."""
    return KnownPerson(
        key=record.get("key") or slug(record["name"]),
        name=record["name"],
        family=record["family"],
        given=record.get("given") or "",
        other_names=tuple(record.get("also") or ()),
        posts=tuple(post_from_record(p) for p in record.get("posts") or ()),
    )


def read_records(path: Path) -> list[dict]:
    """Return the people records of a registry YAML file; ValueError when it holds none."""
    try:
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise ValueError(f"{path} is not valid YAML: {error}") from error
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError(f"{path} is not a list of people")
    return records


def from_records(records: Iterable[Mapping]) -> Registry:
    """Return the registry of people given as records (the fixture's YAML, or rows as dicts)."""
    return Registry(person_from_record(record) for record in records)


EMPTY = Registry(())
