"""The cast of a reading: one SpeakerReading per person or role, keyed, with the labels used."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.reading.introductions import Journalist
from archive.reading.labels import Label
from archive.reading.lexicon import fold
from archive.reading.people import Person
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
    SPEAKER_UNIDENTIFIED,
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


def slug(text: str) -> str:
    """Return a lower-case, hyphenated key for text."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "speaker"


def person_entry(label: Label, person: Person) -> Entry:
    """Return the entry for a label that names a person of the title or header."""
    hint = " ".join(label.name) or person.name.split()[-1]
    kind = SPEAKER_JOURNALIST if person.journalist else SPEAKER_OFFICIAL
    return Entry(hint, person.name, person.role, person.affiliation, person.country, kind)


def label_entry(label: Label, introducers: frozenset[str], body: str, home: str) -> Entry:
    """Return the entry for a label that names nobody the header names."""
    if label.name:
        surname = title_case(label.name)
        kind = SPEAKER_MODERATOR if label.printed in introducers else SPEAKER_OFFICIAL
        role = title_case(label.role) if label.role else ""
        return Entry(" ".join(label.name), full_name(surname, body) or surname, role, kind=kind)
    name = title_case(label.canonical.split())
    if label.is_moderator:
        return Entry(name, name, kind=SPEAKER_MODERATOR)
    if label.is_unidentified:
        return Entry(name, name, kind=SPEAKER_UNIDENTIFIED)
    return Entry(name, name, country=home_country(name, home))


class Cast:
    """Collects speakers as turns are read, handing out stable keys in order of appearance."""

    def __init__(self, people: tuple[Person, ...], home: str, body: str):
        """Start an empty cast for the people the text names, its home country and its words."""
        self.people, self.home, self.body = people, home, body
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

    def labelled(self, label: Label) -> str:
        """Return the key of the speaker a non-question label names."""
        identity = self.identities[label.printed]
        if identity.kind == "person":
            entry = person_entry(label, identity.person)
            return self.add(("person", identity.value), entry, label.printed)
        if identity.kind == "named":
            ident = ("named", self.groups[label.printed])
        else:
            ident = ("role", identity.value)
        entry = self.entries.get(ident)
        if entry is None:  # built once per speaker, not per turn: label_entry searches the text
            entry = label_entry(label, self.introducers, self.body, self.home)
        return self.add(ident, entry, label.printed)

    def question(self, label: Label, journalist: Journalist | None) -> str:
        """Return the key of the journalist a question belongs to, or of the unknown questioner."""
        if journalist is None:
            entry = Entry("questioner", QUESTIONER, kind=SPEAKER_UNIDENTIFIED)
            return self.add(("questioner",), entry, label.printed)
        words = journalist.name.split()
        hint = " ".join(words[1:]) or words[0]
        entry = Entry(hint, journalist.name, affiliation=journalist.outlet, kind=SPEAKER_JOURNALIST)
        key = self.add(("journalist", fold(journalist.name)), entry, label.printed)
        known = self.entries[("journalist", fold(journalist.name))]
        known.affiliation = known.affiliation or journalist.outlet
        return key

    def narrated(self, narrator: Person | None) -> str:
        """Return the key of the speaker of unlabelled text."""
        if narrator is None or narrator.name == UNIDENTIFIED:
            entry = Entry("unidentified", UNIDENTIFIED, kind=SPEAKER_UNIDENTIFIED)
            return self.add(("unidentified",), entry, "")
        entry = Entry(narrator.name, narrator.name, narrator.role, country=narrator.country)
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
            )
            for k in order
        )
