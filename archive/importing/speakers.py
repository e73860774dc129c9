"""Match the speakers of a reading to archive speakers, or create new ones."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from django.db import router

from archive import rows
from archive.importing.slugs import unique_slug
from archive.models import Speaker, SpeakerKind, SpeakerLabel, SpeakerRedirect
from archive.names import (
    GENERIC_LABELS,
    is_full_name,
    is_generic_label,
    name_tokens,
    same_person_name,
    surname,
)
from archive.reading import SpeakerReading

ROLE_KINDS = {SpeakerKind.UNIDENTIFIED, SpeakerKind.MODERATOR}
# Appearance's role and affiliation columns are as long as Speaker's.
FIELD_SIZES = {
    name: Speaker._meta.get_field(name).max_length
    for name in ("name", "role", "affiliation", "country")
}
LABEL_SIZE = SpeakerLabel._meta.get_field("label").max_length
NEW = object()


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


@dataclass
class Directory:
    """The archive's speakers and the labels in question, loaded once for one reading."""

    speakers: list[Known]
    by_label: dict[str, list[Known]] = field(default_factory=dict)
    by_surname: dict[str, list[Known]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[int, Known] = field(default_factory=dict)
    made: dict[int, Speaker] = field(default_factory=dict)

    def __post_init__(self):
        for speaker in self.speakers:
            self.by_surname[speaker.surname_key].append(speaker)
            self.by_id[speaker.pk] = speaker

    @classmethod
    def load(cls, readings) -> Directory:
        """Return the directory for the given speaker readings: at most two plain queries."""
        # Every match needs the surnames to agree, so no other speaker could be one. Rows stay
        # tuples: first-name-only questioners make hundreds of speakers share a key, and are
        # left out when nothing could match them, lest each import load every "Matt" so far.
        keys = {surname(reading.name) for reading in readings if could_match(reading)}
        found = rows.select_in(Speaker, ["id", *Known._fields[1:]], "surname_key", keys)
        directory = cls(list(map(Known._make, found)))
        # Generic labels (QUESTION) never decide a match, and thousands of speakers carry them.
        labels = {label for r in readings for label in r.labels if not is_generic_label(label)}
        if labels and directory.by_id:
            for label, speaker_id in rows.select_in(
                SpeakerLabel, ["label", "speaker_id"], "label", labels
            ):
                if speaker_id in directory.by_id:
                    directory.by_label.setdefault(label, []).append(directory.by_id[speaker_id])
        return directory

    def add(self, speaker: Speaker) -> None:
        """Make a speaker created during this reading matchable by the next ones."""
        entry = Known(*(getattr(speaker, name) for name in Known._fields))
        self.speakers.append(entry)
        self.by_surname[entry.surname_key].append(entry)
        self.by_id[entry.pk] = entry
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


def fitted(readings) -> list[SpeakerReading]:
    """Return the speaker readings with each text cut to the length its column holds."""
    return [reading if fits(reading) else cut_to_fit(reading) for reading in readings]


def fits(reading: SpeakerReading) -> bool:
    """Return whether every text of a speaker reading fits its column (nearly always)."""
    return all(len(getattr(reading, name)) <= size for name, size in FIELD_SIZES.items()) and all(
        len(label) <= LABEL_SIZE for label in reading.labels
    )


def cut_to_fit(reading: SpeakerReading) -> SpeakerReading:
    """Return the speaker reading with its over-long texts cut to their columns' lengths."""
    cut = {name: getattr(reading, name)[:size] for name, size in FIELD_SIZES.items()}
    return replace(reading, **cut, labels=tuple(label[:LABEL_SIZE] for label in reading.labels))


def compatible(speaker: Known | Speaker, reading: SpeakerReading) -> bool:
    """Return whether nothing the text says contradicts that this speaker is the archive's one."""
    if reading.country and speaker.country and reading.country != speaker.country:
        return False
    if is_full_name(reading.name) and is_full_name(speaker.name):
        return same_person_name(reading.name, speaker.name)
    return name_tokens(reading.name)[-1:] == name_tokens(speaker.name)[-1:]


def is_role_only(reading: SpeakerReading) -> bool:
    """Return whether the reading names a role (Moderator, Question) rather than a person."""
    if reading.kind == SpeakerKind.UNIDENTIFIED or reading.name.upper() in GENERIC_LABELS:
        return True
    return reading.kind in ROLE_KINDS and not is_full_name(reading.name)


def could_match(reading: SpeakerReading) -> bool:
    """Return whether a known speaker could match: by a label of its own, or by name."""
    if is_role_only(reading) or is_full_name(reading.name):
        return True
    return any(not is_generic_label(label) for label in reading.labels)


def only_one(matches: list[Known]) -> Known | None:
    """Return the single distinct match, or None when there are none or several."""
    distinct = {speaker.pk: speaker for speaker in matches}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def match_by_label(reading: SpeakerReading, directory: Directory) -> Known | None:
    """Return the one compatible speaker already known by one of the reading's labels."""
    known = [
        speaker
        for label in reading.labels
        if not is_generic_label(label)
        for speaker in directory.by_label.get(label, ())
    ]
    return only_one([speaker for speaker in known if compatible(speaker, reading)])


def match_by_name(reading: SpeakerReading, directory: Directory) -> Known | None:
    """Return the one compatible speaker whose full name agrees with the reading's."""
    if is_role_only(reading):
        wanted = reading.name.casefold()
        same = [
            s for s in directory.speakers if s.kind == reading.kind and s.name.casefold() == wanted
        ]
        return min(same, key=lambda s: s.pk, default=None)
    if not is_full_name(reading.name):
        return None
    # Accents defeat the database's case folding, so names are compared folded, in Python.
    candidates = directory.by_surname.get(surname(reading.name), ())
    agreeing = [
        s for s in candidates if s.kind != SpeakerKind.UNIDENTIFIED and compatible(s, reading)
    ]
    # "Matt Lee" is the archive's Matt Lee even when a "Lee" known by surname alone exists.
    full = [s for s in agreeing if is_full_name(s.name)]
    return only_one(full or agreeing)


def create_speaker(reading: SpeakerReading) -> Speaker:
    """Return a new archive speaker made from the reading."""
    return Speaker.objects.create(
        name=reading.name,
        slug=unique_slug(Speaker, reading.name, "speaker", also=[(SpeakerRedirect, "old_slug")]),
        role=reading.role,
        affiliation=reading.affiliation,
        country=reading.country,
        kind=reading.kind,
    )


def match(reading: SpeakerReading, directory: Directory) -> Known | None:
    """Return the archive speaker a reading's speaker is, or None when it is a new one."""
    return match_by_label(reading, directory) or match_by_name(reading, directory)


def resolve_all(readings, choices, directory: Directory) -> dict[str, Speaker]:
    """Return the archive speaker of each reading key: chosen, matched or created, in order."""
    # `choices` maps a key to a Speaker, or to NEW to force a new one; other keys are matched, also
    # against speakers created for earlier keys.
    resolved = {}
    for reading in readings:
        choice = choices.get(reading.key)
        found = match(reading, directory) if choice is None else None
        if choice is NEW or (choice is None and found is None):
            choice = create_speaker(reading)
            directory.add(choice)
        resolved[reading.key] = choice if choice is not None else directory.speaker(found.pk)
    return resolved


def resolve(
    reading: SpeakerReading,
    chosen: Speaker | object | None = None,
    directory: Directory | None = None,
) -> tuple[Speaker, bool]:
    """Return the archive speaker for one reading's speaker and whether it was created."""
    directory = directory or Directory.load([reading])
    known_before = len(directory.speakers)
    choices = {} if chosen is None else {reading.key: chosen}
    speaker = resolve_all([reading], choices, directory)[reading.key]
    return speaker, len(directory.speakers) > known_before


def preview(reading: SpeakerReading, directory: Directory | None = None) -> Speaker | None:
    """Return the existing speaker an import would use, or None for a new one; writes nothing."""
    directory = directory or Directory.load([reading])
    found = match(reading, directory)
    return directory.speaker(found.pk) if found else None


def record_labels(pairs) -> None:
    """Record each (speaker, reading)'s labels for that speaker, in one insert."""
    rows.insert(
        SpeakerLabel,
        ("speaker_id", "label"),
        [(speaker.pk, label) for speaker, r in pairs for label in r.labels],
        skip_existing=True,
    )


def would_replace(speaker: Speaker, reading: SpeakerReading) -> bool:
    """Return whether the reading disagrees with a role, affiliation or country on record."""
    return any(
        getattr(reading, name) and getattr(speaker, name) not in ("", getattr(reading, name))
        for name in ("role", "affiliation", "country")
    )


def fill_in(speaker: Speaker, reading: SpeakerReading, is_newest: bool) -> None:
    """Fill in what the archive lacked of a speaker (or update it from a newer event)."""
    changed = []
    for name in ("role", "affiliation", "country"):
        value, current = getattr(reading, name), getattr(speaker, name)
        if value and value != current and (is_newest or not current):
            setattr(speaker, name, value)
            changed.append(name)
    if changed:
        speaker.save(update_fields=changed)
