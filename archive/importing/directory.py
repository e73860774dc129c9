"""What matching knows of the archive's speakers, loaded once per reading in a few queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connections, router

from archive import plain_sql
from archive.models import Appearance, Event, Speaker, SpeakerKind, SpeakerLabel
from archive.reading import SpeakerReading
from archive.registry.models import Person
from archive.speaker_names import GENERIC_LABELS, is_full_name, is_generic_label, surname

ROLE_KINDS = {SpeakerKind.ROLE, SpeakerKind.MODERATOR}


class Known(NamedTuple):
    """What matching needs of an archive speaker: a row read as a tuple, not a model."""

    pk: int
    name: str
    kind: str
    country: str
    surname_key: str
    slug: str
    role: str
    affiliation: str
    person_id: int | None
    resolved: bool


@dataclass
@dataclass
class Directory:
    """The archive's speakers and the labels in question, loaded once for one reading."""

    speakers: list[Known]
    by_label: dict[str, list[Known]] = field(default_factory=dict)
    by_surname: dict[str, list[Known]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[int, Known] = field(default_factory=dict)
    by_person: dict[int, Known] = field(default_factory=dict)
    person_ids: dict[str, int] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    periods: dict[int, tuple[datetime.date, datetime.date]] = field(default_factory=dict)
    made: dict[int, Speaker] = field(default_factory=dict)

    def __post_init__(self):
        for speaker in self.speakers:
            self.index(speaker)

    def index(self, speaker: Known) -> None:
        """Make a known speaker findable by surname, id and registry person."""
        self.by_surname[speaker.surname_key].append(speaker)
        self.by_id[speaker.pk] = speaker
        if speaker.person_id:
            self.by_person[speaker.person_id] = speaker

    @classmethod
    def load(cls, readings) -> Directory:
        """Return the directory for the given speaker readings: a few plain queries."""
        # Every match needs the surnames to agree, or the registry person, so no other speaker
        # could be one. Rows stay tuples: first-name-only questioners make hundreds of speakers
        # share a key, and are left out when nothing could match them.
        keys = {surname(reading.name) for reading in readings if could_match(reading)}
        columns = ["id", *Known._fields[1:]]
        found = {row[0]: row for row in plain_sql.select_in(Speaker, columns, "surname_key", keys)}
        people = registry_people({r.person for r in readings if r.person})
        person_ids = {key: pk for key, (pk, _, _) in people.items()}
        for row in plain_sql.select_in(Speaker, columns, "person_id", person_ids.values()):
            found[row[0]] = row
        directory = cls(list(map(Known._make, found.values())), person_ids=person_ids)
        directory.names = {key: (name, sort_name) for key, (_, name, sort_name) in people.items()}
        directory.load_labels(readings)
        return directory

    def load_labels(self, readings) -> None:
        """Index the known speakers by the readings' labels, with the period each spoke in."""
        # Generic labels (QUESTION) never decide a match, and thousands of speakers carry them.
        labels = {label for r in readings for label in r.labels if not is_generic_label(label)}
        if not (labels and self.by_id):
            return
        for label, speaker_id in plain_sql.select_in(
            SpeakerLabel, ["label", "speaker_id"], "label", labels
        ):
            if speaker_id in self.by_id:
                self.by_label.setdefault(label, []).append(self.by_id[speaker_id])
        unresolved = {s.pk for known in self.by_label.values() for s in known if not s.resolved}
        if unresolved:
            self.periods = periods(unresolved)

    def include(self, ids: list[int]) -> None:
        """Load the speakers with these ids that the directory lacks."""
        wanted = [pk for pk in ids if pk not in self.by_id]
        columns = ["id", *Known._fields[1:]]
        for row in plain_sql.select_in(Speaker, columns, "id", wanted) if wanted else ():
            known = Known._make(row)
            self.speakers.append(known)
            self.index(known)

    def add(self, speaker: Speaker) -> None:
        """Make a speaker created during this reading matchable by the next ones."""
        entry = Known(*(getattr(speaker, name) for name in Known._fields))
        self.speakers.append(entry)
        self.index(entry)
        self.made[speaker.pk] = speaker

    def speaker(self, pk: int) -> Speaker:
        """Return the model instance of a speaker in the directory, without a query."""
        if pk not in self.made:
            row = self.by_id[pk]._asdict()
            row["id"] = row.pop("pk")
            # from_db wants the model's column order; `created` is left out, deferred.
            names = [f.attname for f in Speaker._meta.concrete_fields if f.attname in row]
            db = router.db_for_read(Speaker)
            self.made[pk] = Speaker.from_db(db, names, [row[name] for name in names])
        return self.made[pk]


def is_role_only(reading: SpeakerReading) -> bool:
    """Return whether the reading names a role (Moderator, Question) rather than a person."""
    if reading.kind == SpeakerKind.ROLE or reading.name.upper() in GENERIC_LABELS:
        return True
    return reading.kind in ROLE_KINDS and not is_full_name(reading.name)


def could_match(reading: SpeakerReading) -> bool:
    """Return whether a known speaker could match: by a label of its own, or by name."""
    if is_role_only(reading) or is_full_name(reading.name) or reading.person:
        return True
    if reading.kind == SpeakerKind.JOURNALIST and reading.affiliation:
        return True  # "Aamer, with the AP": by first name and outlet
    return any(not is_generic_label(label) for label in reading.labels)


def only_one(matches: list[Known]) -> Known | None:
    """Return the single distinct match, or None when there are none or several."""
    distinct = {speaker.pk: speaker for speaker in matches}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def registry_people(slugs: set[str]) -> dict[str, tuple[int, str, str]]:
    """Return the id, name and sort name of each registry person with one of these slugs."""
    if not slugs:
        return {}
    found = plain_sql.select_in(Person, ["slug", "id", "name", "sort_name"], "slug", slugs)
    return {slug: (pk, name, sort_name) for slug, pk, name, sort_name in found}


def periods(speaker_ids: set[int]) -> dict[int, tuple[datetime.date, datetime.date]]:
    """Return each speaker's first and last event date, in one plain statement."""
    # The ORM's aggregate cost more to compile than the import's other queries took to run.
    db = connections[router.db_for_read(Appearance)]
    quote = db.ops.quote_name
    appearances, events = quote(Appearance._meta.db_table), quote(Event._meta.db_table)
    ids = sorted(speaker_ids)
    day, marks = quote("date"), ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT a.speaker_id, MIN(e.{day}), MAX(e.{day}) FROM {appearances} a JOIN {events} e"
        f" ON e.id = a.event_id WHERE a.speaker_id IN ({marks}) GROUP BY a.speaker_id"
    )
    with db.cursor() as cursor:
        cursor.execute(sql, ids)
        return {pk: (as_date(first), as_date(last)) for pk, first, last in cursor.fetchall()}


def as_date(value) -> datetime.date:
    """Return a date the driver gave as a date or (SQLite) as ISO text."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
