"""Match the speakers of a reading to archive speakers, or create new ones."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from archive.importing.names import (
    GENERIC_LABELS,
    is_full_name,
    is_generic_label,
    name_tokens,
    same_person_name,
)
from archive.importing.slugs import unique_slug
from archive.models import Speaker, SpeakerKind, SpeakerLabel
from archive.reading import SpeakerReading

ROLE_KINDS = {SpeakerKind.UNIDENTIFIED, SpeakerKind.MODERATOR}
NEW = object()


@dataclass
class Directory:
    """The archive's speakers and the labels in question, loaded once for one reading."""

    speakers: list[Speaker]
    by_label: dict[str, list[Speaker]] = field(default_factory=dict)

    @classmethod
    def load(cls, readings) -> Directory:
        """Return the directory for the given speaker readings: two queries."""
        speakers = list(
            Speaker.objects.only("name", "slug", "kind", "role", "affiliation", "country")
        )
        by_id = {speaker.pk: speaker for speaker in speakers}
        labels = {label for reading in readings for label in reading.labels}
        by_label = defaultdict(list)
        rows = SpeakerLabel.objects.filter(label__in=labels).values_list("label", "speaker_id")
        for label, speaker_id in rows:
            by_label[label].append(by_id[speaker_id])
        return cls(speakers, dict(by_label))


def compatible(speaker: Speaker, reading: SpeakerReading) -> bool:
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


def only_one(matches: list[Speaker]) -> Speaker | None:
    """Return the single distinct match, or None when there are none or several."""
    distinct = {speaker.pk: speaker for speaker in matches}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def match_by_label(reading: SpeakerReading, directory: Directory) -> Speaker | None:
    """Return the one compatible speaker already known by one of the reading's labels."""
    known = [
        speaker
        for label in reading.labels
        if not is_generic_label(label)
        for speaker in directory.by_label.get(label, ())
    ]
    return only_one([speaker for speaker in known if compatible(speaker, reading)])


def match_by_name(reading: SpeakerReading, directory: Directory) -> Speaker | None:
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
    candidates = [s for s in directory.speakers if s.kind != SpeakerKind.UNIDENTIFIED]
    return only_one([speaker for speaker in candidates if compatible(speaker, reading)])


def create_speaker(reading: SpeakerReading) -> Speaker:
    """Return a new archive speaker made from the reading."""
    return Speaker.objects.create(
        name=reading.name,
        slug=unique_slug(Speaker, reading.name, "speaker"),
        role=reading.role,
        affiliation=reading.affiliation,
        country=reading.country,
        kind=reading.kind,
    )


def resolve(
    reading: SpeakerReading,
    chosen: Speaker | object | None = None,
    directory: Directory | None = None,
) -> tuple[Speaker, bool]:
    """Return the archive speaker for a reading's speaker (`chosen`, or NEW to force a new one)."""
    if chosen is not NEW:
        speaker = chosen or preview(reading, directory)
        if speaker is not None:
            return speaker, False
    speaker = create_speaker(reading)
    if directory is not None:
        directory.speakers.append(speaker)
    return speaker, True


def preview(reading: SpeakerReading, directory: Directory | None = None) -> Speaker | None:
    """Return the existing speaker an import would use, or None for a new one; writes nothing."""
    directory = directory or Directory.load([reading])
    return match_by_label(reading, directory) or match_by_name(reading, directory)


def remember(speaker: Speaker, reading: SpeakerReading, is_newest: bool) -> None:
    """Record the reading's labels for the speaker and fill in what the archive lacked."""
    SpeakerLabel.objects.bulk_create(
        [SpeakerLabel(speaker=speaker, label=label) for label in reading.labels],
        ignore_conflicts=True,
    )
    changed = []
    for name in ("role", "affiliation", "country"):
        value, current = getattr(reading, name), getattr(speaker, name)
        if value and value != current and (is_newest or not current):
            setattr(speaker, name, value)
            changed.append(name)
    if changed:
        speaker.save(update_fields=changed)
