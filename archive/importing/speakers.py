"""Match the speakers of a reading to archive speakers, or create new ones."""

from __future__ import annotations

from django.utils.text import slugify

from archive.importing.names import (
    GENERIC_LABELS,
    is_full_name,
    is_generic_label,
    name_tokens,
    same_person_name,
)
from archive.models import Speaker, SpeakerKind, SpeakerLabel
from archive.reading import SpeakerReading

ROLE_KINDS = {SpeakerKind.UNIDENTIFIED, SpeakerKind.MODERATOR}


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


def match_by_label(reading: SpeakerReading) -> Speaker | None:
    """Return the one compatible speaker already known by one of the reading's labels."""
    labels = [label for label in reading.labels if not is_generic_label(label)]
    if not labels:
        return None
    known = Speaker.objects.filter(labels__label__in=labels).distinct()
    matches = [speaker for speaker in known if compatible(speaker, reading)]
    return matches[0] if len(matches) == 1 else None


def match_by_name(reading: SpeakerReading) -> Speaker | None:
    """Return the one compatible speaker whose full name agrees with the reading's."""
    if is_role_only(reading):
        same = Speaker.objects.filter(kind=reading.kind, name__iexact=reading.name)
        return same.first()
    if not is_full_name(reading.name):
        return None
    # Accents defeat the database's case folding, so compare folded names in Python.
    candidates = Speaker.objects.exclude(kind=SpeakerKind.UNIDENTIFIED).only(
        "name", "country", "kind"
    )
    matches = [speaker for speaker in candidates if compatible(speaker, reading)]
    return matches[0] if len(matches) == 1 else None


def unique_slug(name: str) -> str:
    """Return a slug for a new speaker that no speaker has yet."""
    base = slugify(name)[:100] or "speaker"
    taken = set(Speaker.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_speaker(reading: SpeakerReading) -> Speaker:
    """Return a new archive speaker made from the reading."""
    return Speaker.objects.create(
        name=reading.name,
        slug=unique_slug(reading.name),
        role=reading.role,
        affiliation=reading.affiliation,
        country=reading.country,
        kind=reading.kind,
    )


NEW = object()


def resolve(
    reading: SpeakerReading, chosen: Speaker | object | None = None
) -> tuple[Speaker, bool]:
    """Return the archive speaker for a reading's speaker (`chosen`, or NEW to force a new one)."""
    if chosen is NEW:
        return create_speaker(reading), True
    speaker = chosen or match_by_label(reading) or match_by_name(reading)
    if speaker is None:
        return create_speaker(reading), True
    return speaker, False


def preview(reading: SpeakerReading) -> Speaker | None:
    """Return the existing speaker an import would use, or None for a new one; writes nothing."""
    return match_by_label(reading) or match_by_name(reading)


def remember(speaker: Speaker, reading: SpeakerReading, is_newest: bool) -> None:
    """Record the reading's labels for the speaker and fill in what the archive lacked."""
    SpeakerLabel.objects.bulk_create(
        [SpeakerLabel(speaker=speaker, label=label) for label in reading.labels],
        ignore_conflicts=True,
    )
    changed = []
    for field in ("role", "affiliation", "country"):
        value, current = getattr(reading, field), getattr(speaker, field)
        if value and value != current and (is_newest or not current):
            setattr(speaker, field, value)
            changed.append(field)
    if changed:
        speaker.save(update_fields=changed)
