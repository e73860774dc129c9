"""Match the speakers of a reading to archive speakers, or create new ones."""

from __future__ import annotations

import datetime
from dataclasses import replace

from archive import plain_sql
from archive.importing.directory import Directory, Known, is_role_only, only_one
from archive.importing.journalists import match_journalist
from archive.importing.slugs import unique_slug
from archive.models import Speaker, SpeakerKind, SpeakerLabel, SpeakerRedirect
from archive.reading import SpeakerReading
from archive.speaker_names import (
    is_full_name,
    is_generic_label,
    name_tokens,
    same_person_name,
    surname,
)

# An unresolved speaker ("Kirby", "President") is one already in the archive only if it spoke
# under the same label within this many days: the same label years apart may be someone else.
SAME_PERIOD = datetime.timedelta(days=2 * 365)
# Appearance's role and affiliation columns are as long as Speaker's.
FIELD_SIZES = {
    name: Speaker._meta.get_field(name).max_length
    for name in ("name", "role", "affiliation", "country")
}
LABEL_SIZE = SpeakerLabel._meta.get_field("label").max_length
SORT_NAME_SIZE = Speaker._meta.get_field("sort_name").max_length
NEW = object()


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


def in_period(speaker: Known, directory: Directory, day: datetime.date | None) -> bool:
    """Return whether an unresolved speaker spoke within SAME_PERIOD of the day (resolved: yes)."""
    if speaker.resolved or day is None:
        return True
    first, last = directory.periods.get(speaker.pk, (None, None))
    return first is not None and first - SAME_PERIOD <= day <= last + SAME_PERIOD


def match_by_label(
    reading: SpeakerReading, directory: Directory, day: datetime.date | None = None
) -> Known | None:
    """Return the one compatible speaker already known by one of the reading's labels."""
    known = [
        speaker
        for label in reading.labels
        if not is_generic_label(label)
        for speaker in directory.by_label.get(label, ())
    ]
    # A registry person's speaker is found by the person; a label alone never makes them.
    return only_one(
        [
            s
            for s in known
            if not s.person_id and compatible(s, reading) and in_period(s, directory, day)
        ]
    )


def match_by_name(reading: SpeakerReading, directory: Directory) -> Known | None:
    """Return the one compatible speaker whose full name agrees with the reading's."""
    if is_role_only(reading):
        wanted = reading.name.casefold()
        same = [
            s for s in directory.speakers if s.kind == reading.kind and s.name.casefold() == wanted
        ]
        return min(same, key=lambda s: s.pk, default=None)
    if not (reading.resolved and is_full_name(reading.name)):
        return None  # never by a surname or a first name alone
    # Accents defeat the database's case folding, so names are compared folded, in Python.
    candidates = directory.by_surname.get(surname(reading.name), ())
    agreeing = [s for s in candidates if s.kind != SpeakerKind.ROLE and compatible(s, reading)]
    # "Matt Lee" is the archive's Matt Lee even when a "Lee" known by surname alone exists.
    full = [s for s in agreeing if is_full_name(s.name)]
    return only_one(full or agreeing)


def match_by_person(reading: SpeakerReading, directory: Directory) -> Known | None:
    """Return the speaker of the reading's registry person, or an unlinked one of that name."""
    person_id = directory.person_ids.get(reading.person)
    if person_id is None:
        return None
    if person_id in directory.by_person:
        return directory.by_person[person_id]
    # A speaker made before the registry knew the person ("Jen Psaki") becomes theirs.
    unlinked = [
        s
        for s in directory.by_surname.get(surname(reading.name), ())
        if not s.person_id and s.kind != SpeakerKind.ROLE and is_full_name(s.name)
    ]
    return only_one([s for s in unlinked if same_person_name(s.name, reading.name)])


def link(found: Known, reading: SpeakerReading, directory: Directory) -> Known:
    """Make an unlinked speaker the reading's registry person's; its name, maybe an admin's,
    stays."""
    person_id = directory.person_ids[reading.person]
    speaker = directory.speaker(found.pk)
    speaker.person_id, speaker.resolved = person_id, True
    speaker.sort_name = speaker.sort_name or directory.names[reading.person][1]
    speaker.save(update_fields=["person", "resolved", "sort_name"])
    linked = found._replace(person_id=person_id, resolved=True)
    directory.by_person[person_id] = directory.by_id[found.pk] = linked
    return linked


def create_speaker(
    reading: SpeakerReading, directory: Directory | None = None, linked: bool = True
) -> Speaker:
    """Return a new archive speaker made from the reading, named as the registry names them.

    Not `linked` (an admin chose a new speaker over the match), it is named as the transcript
    names it and left apart from the registry person.
    """
    person_id = directory.person_ids.get(reading.person) if directory and linked else None
    if person_id in (directory.by_person if directory else {}):
        person_id = None  # one speaker per person: that person has theirs
    name, sort_name = directory.names[reading.person] if person_id else (reading.name, "")
    role = reading.kind == SpeakerKind.ROLE
    return Speaker.objects.create(
        name=name,
        slug=unique_slug(Speaker, name, "speaker", also=[(SpeakerRedirect, "old_slug")]),
        role=reading.role,
        affiliation=reading.affiliation,
        country=reading.country,
        kind=reading.kind,
        person_id=person_id,
        resolved=reading.resolved or role or person_id is not None,
        sort_name=(sort_name or (name if role else sort_name_of(name)))[:SORT_NAME_SIZE],
    )


def sort_name_of(name: str) -> str:
    """Return "Surname, Given names" for a name the registry does not know, cut to its column."""
    words = name.split()
    sort_name = f"{words[-1]}, {' '.join(words[:-1])}" if is_full_name(name) else name
    return sort_name[:SORT_NAME_SIZE]


def match(
    reading: SpeakerReading, directory: Directory, day: datetime.date | None = None
) -> Known | None:
    """Return the archive speaker a reading's speaker is, or None when it is a new one."""
    if reading.person and reading.person in directory.person_ids:
        return match_by_person(reading, directory)
    return (
        match_by_label(reading, directory, day)
        or match_by_name(reading, directory)
        or match_journalist(reading, directory)
    )


def resolve_all(
    readings, choices, directory: Directory, day: datetime.date | None = None
) -> dict[str, Speaker]:
    """Return the archive speaker of each reading key: chosen, matched or created, in order."""
    # `choices` maps a key to a Speaker, or to NEW to force a new one; other keys are matched, also
    # against speakers created for earlier keys.
    resolved = {}
    for reading in readings:
        choice = choices.get(reading.key)
        found = match(reading, directory, day) if choice is None else None
        if found and reading.person and not found.person_id:
            found = link(found, reading, directory)
        if choice is NEW or (choice is None and found is None):
            choice = create_speaker(reading, directory, linked=choice is None)
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
    plain_sql.insert(
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
