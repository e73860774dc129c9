"""The cast of a reading: one SpeakerReading per person or role, keyed, with the labels used."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from archive.reading.introductions import Journalist
from archive.reading.labels import NO_LABEL, Label
from archive.reading.lexicon import fold
from archive.reading.people import Person
from archive.reading.registry import EMPTY, Found, Registry, office_words, slug, tokens
from archive.reading.speakers import (
    Identity,
    clusters,
    full_name,
    home_country,
    identify,
    title_case,
)
from archive.reading.types import (
    SPEAKER_JOURNALIST,
    SPEAKER_MODERATOR,
    SPEAKER_OFFICIAL,
    SPEAKER_ROLE,
    SpeakerReading,
)

QUESTIONER = "Unidentified questioner"
UNIDENTIFIED = "Unidentified speaker"


@dataclass
class Entry:
    """A speaker being assembled: its reading fields and the labels seen so far."""

    key_hint: str
    name: str
    role: str = ""
    affiliation: str = ""
    country: str = ""
    kind: str = SPEAKER_OFFICIAL
    labels: list[str] = field(default_factory=list)
    person: str = ""
    resolved: bool = True

    def registered(self, found: Found) -> Entry:
        """Return the entry linked to the registry person, with the post they held there."""
        # The name stays as the transcript prints it; the archive names the person's speaker.
        post = found.post
        self.person, self.resolved = found.person.key, True
        if post and found.former:
            self.role = f"Former {post.title}"
        elif post and (not self.role or office_words(self.role) <= office_words(post.title)):
            # The label's "Secretary" is the post's "Secretary of State", said in full.
            self.role = post.title
        if post:
            self.country = post.country or self.country
        return self


class Cast:
    """Collects speakers as turns are read, handing out stable keys in order of appearance."""

    def __init__(
        self,
        people: tuple[Person, ...],
        home: str,
        body: str,
        registry: Registry = EMPTY,
        day: datetime.date | None = None,
    ):
        """Start an empty cast for the people the text names, its home country and its words."""
        self.people, self.home, self.body = people, home, body
        self.registry, self.day = registry, day
        self.introducers: frozenset[str] = frozenset()
        self.entries: dict[object, Entry] = {}
        self.keys: dict[object, str] = {}
        self.warnings: list[str] = []
        self.identities: dict[str, Identity] = {}
        self.groups: dict[str, int] = {}

    def prepare(self, labels: list[Label]) -> None:
        """Identify every distinct non-question label before turns are assigned."""
        unnamed = []
        for label in labels:
            if label.printed in self.identities:
                continue
            identity, warnings = identify(label, self.people, self.home)
            self.identities[label.printed] = identity
            self.warnings.extend(warnings)
            if identity.kind == "named":
                unnamed.append(label)
        self.groups = clusters(unnamed)

    def label_only(self, label: Label) -> bool:
        """Return whether a label names someone the header does not (a staff moderator, say)."""
        identity = self.identities.get(label.printed)
        return bool(identity and identity.kind == "named")

    def add(self, ident: object, entry: Entry, printed: str) -> str:
        """Return the key of an identity, creating its entry the first time."""
        if ident not in self.entries:
            taken = set(self.keys.values())
            base = slug(entry.key_hint)
            key, n = base, 1
            while key in taken:
                n += 1
                key = f"{base}-{n}"
            self.entries[ident], self.keys[ident] = entry, key
        labels = self.entries[ident].labels
        if printed and printed not in labels:
            labels.append(printed)
        return self.keys[ident]

    def look_up(self, name: str, office: frozenset[str], country: str) -> Found | None:
        """Return the registry person a name names, or who held the office under that name."""
        person = self.registry.named(name) if len(tokens(name)) > 1 else None
        if person is not None:
            post = person.post_on(self.day, office, country) if self.day else None
            return Found(person, post)
        # A surname, or a family name of two words ("López Obrador") that reads like a full name.
        return self.registry.holder(
            self.day, name=tokens(name), office=office, country=country, home=self.home
        )

    def person_entry(self, label: Label, person: Person) -> Entry:
        """Return the entry for a label that names a person of the title or header."""
        hint = " ".join(label.name) or person.name.split()[-1]
        if person.journalist:
            return Entry(hint, person.name, affiliation=person.affiliation, kind=SPEAKER_JOURNALIST)
        entry = Entry(hint, person.name, person.role, person.affiliation, person.country)
        found = self.look_up(person.name, office_words(person.role), person.country)
        if found:
            return entry.registered(found)
        entry.resolved = len(tokens(person.name)) > 1
        entry.country = entry.country or home_country(person.role, self.home)
        return entry

    def label_entry(self, label: Label) -> Entry:
        """Return the entry for a label that names nobody the header names."""
        if label.is_role:
            name = title_case(label.canonical.split())
            return Entry(name, name, kind=SPEAKER_ROLE)
        office = frozenset(label.role)
        if label.name:
            return self.named_entry(label, office)
        found = self.registry.holder(self.day, office=office, home=self.home, exact=True)
        role = title_case(label.canonical.split())
        entry = Entry(role, role, country=home_country(role, self.home))
        if found:
            return entry.registered(found)
        entry.name, entry.role, entry.resolved = f"Unidentified {role.lower()}", role, False
        return entry

    def named_entry(self, label: Label, office: frozenset[str]) -> Entry:
        """Return the entry for a label that gives a surname the header does not."""
        surname = title_case(label.name)
        kind = SPEAKER_MODERATOR if label.printed in self.introducers else SPEAKER_OFFICIAL
        role = title_case(label.role) if label.role else ""
        named = full_name(surname, self.body)  # "Mr. Ned Price" in the text
        entry = Entry(" ".join(label.name), named or surname, role, kind=kind)
        guests = tuple(p.country for p in self.people if p.country)
        found = self.registry.holder(
            self.day, name=label.name, office=office, home=self.home, guests=guests
        )
        if not found and named:
            found = self.look_up(named, office, "")
        if found:
            return entry.registered(found)
        # A label of two name words ("MR. CAMERON WINKLEVOSS") is more than a bare surname.
        entry.resolved = bool(named) or len(label.name) > 1
        return entry

    def labelled(self, label: Label) -> str:
        """Return the key of the speaker a non-question label names."""
        identity = self.identities[label.printed]
        if identity.kind == "person":
            entry = self.person_entry(label, identity.person)
            return self.add(("person", identity.value), entry, label.printed)
        if identity.kind == "named":
            ident = ("named", self.groups[label.printed])
        else:
            ident = ("role", identity.value)
        entry = self.entries.get(ident)
        if entry is None:  # built once per speaker, not per turn: label_entry searches the text
            entry = self.label_entry(label)
        return self.add(ident, entry, label.printed)

    def question(self, label: Label, journalist: Journalist | None) -> str:
        """Return the key of the journalist a question belongs to, or of the unknown questioner."""
        if journalist is None:
            entry = Entry("questioner", QUESTIONER, kind=SPEAKER_ROLE)
            return self.add(("questioner",), entry, label.printed)
        words = journalist.name.split()
        hint = " ".join(words[1:]) or words[0]
        entry = Entry(hint, journalist.name, affiliation=journalist.outlet, kind=SPEAKER_JOURNALIST)
        entry.resolved = len(words) > 1
        key = self.add(("journalist", fold(journalist.name)), entry, label.printed)
        known = self.entries[("journalist", fold(journalist.name))]
        known.affiliation = known.affiliation or journalist.outlet
        return key

    def narrated(self, narrator: Person | None) -> str:
        """Return the key of the speaker of unlabelled text."""
        if narrator is None or narrator.name == UNIDENTIFIED:
            entry = Entry("unidentified", UNIDENTIFIED, kind=SPEAKER_ROLE)
            return self.add(("unidentified",), entry, "")
        if narrator.role_only:
            entry = Entry(narrator.name, narrator.name, narrator.role, country=narrator.country)
            entry.kind = SPEAKER_ROLE
            return self.add(("narrator",), entry, "")
        entry = self.person_entry(NO_LABEL, narrator)
        return self.add(("narrator",), entry, "")

    def speakers(self, used: list[str]) -> tuple[SpeakerReading, ...]:
        """Return the speakers in order of first appearance among the used keys."""
        by_key = {self.keys[i]: e for i, e in self.entries.items()}
        order = list(dict.fromkeys(used))
        return tuple(
            SpeakerReading(
                key=k,
                name=by_key[k].name,
                role=by_key[k].role,
                affiliation=by_key[k].affiliation,
                country=by_key[k].country,
                kind=by_key[k].kind,
                labels=tuple(by_key[k].labels),
                person=by_key[k].person,
                resolved=by_key[k].resolved,
            )
            for k in order
        )
