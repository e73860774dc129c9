"""Heal an archive imported before the registry: one speaker per person, roles kept as roles.

Each event's stored source is read again with the registry and its turns compared with the
stored ones: the person the reading names for a turn is the person its stored speaker is. The
stored turns stay as they are (an admin's edits too); only who spoke them changes. A speaker
whose turns all name one person becomes that person's (merged into their speaker, or linked to
the person); one whose turns name several is split among them; journalists known under a short
form of their name are merged into the full one. Merges leave redirects, as the admin's do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import transaction

from archive.importing.journalists import same_journalist
from archive.importing.maintenance import merge_speakers
from archive.importing.service import recorded_metadata
from archive.importing.slugs import unique_slug
from archive.models import Appearance, Event, Speaker, SpeakerKind, SpeakerLabel, Utterance
from archive.reading import Metadata, ReaderError, Registry, read
from archive.registry.models import Person
from archive.registry.snapshot import current
from archive.search import queue
from archive.speaker_names import is_full_name, name_tokens

OFFICE_WORDS = {"president", "vice", "first", "lady", "secretary", "minister", "prime"}


@dataclass
class Votes:
    """Who the registry says each stored turn of a speaker was, and which kinds it read."""

    persons: dict[int, str] = field(default_factory=dict)  # utterance id -> person slug or ""
    kinds: Counter = field(default_factory=Counter)

    def people(self) -> set[str]:
        return {slug for slug in self.persons.values() if slug}


@dataclass(frozen=True)
class Step:
    """One change the healing makes: what, to whom, and a line saying so."""

    action: str  # "merge", "link", "split", "role"
    speaker: Speaker
    person: str = ""  # registry slug
    into: Speaker | None = None
    turns: tuple[int, ...] = ()

    def __str__(self) -> str:
        who = f"{self.speaker.name} ({self.speaker.slug})"
        if self.action == "merge":
            return f"merge {who} into {self.into.name} ({self.into.slug})"
        if self.action == "link":
            return f"link {who} to the registry's {self.person}"
        if self.action == "split":
            return f"move {len(self.turns)} turns of {who} to the registry's {self.person}"
        return f"mark {who} as a role, not a person"


def event_readings(registry: Registry) -> Iterator[tuple[Event, object]]:
    """Yield each event with its source read again with the registry (None if unreadable)."""
    for event in Event.objects.order_by("pk").iterator(chunk_size=200):
        given = recorded_metadata(event.reading_metadata) if event.reading_metadata else None
        metadata = given or Metadata(filename=event.source_name)
        try:
            yield event, read(event.source_text, metadata=metadata, registry=registry)
        except ReaderError:
            yield event, None


def collect_votes(registry: Registry) -> dict[int, Votes]:
    """Return, per stored speaker, the registry person each of its turns is read as."""
    votes: dict[int, Votes] = defaultdict(Votes)
    for event, reading in event_readings(registry):
        if reading is None:
            continue
        turns = {u.sequence: u for u in reading.utterances}
        stored = Utterance.objects.filter(event=event).values_list(
            "pk", "sequence", "label", "speaker_id"
        )
        for pk, sequence, label, speaker_id in stored:
            turn = turns.get(sequence)
            if turn is None or turn.label != label:
                continue  # edited or re-read since: the stored row says who it was
            said = reading.speaker(turn.speaker)
            votes[speaker_id].persons[pk] = said.person
            votes[speaker_id].kinds[said.kind] += 1
    return votes


def person_steps(speakers: dict[int, Speaker], votes: dict[int, Votes]) -> list[Step]:
    """Return the merges, links and splits the registry's readings call for."""
    owners = {s.person_id: s for s in speakers.values() if s.person_id}
    slugs = dict(Person.objects.values_list("slug", "pk"))
    steps = []
    for speaker_id, vote in sorted(votes.items()):
        speaker = speakers.get(speaker_id)
        if speaker is None or speaker.person_id or speaker.kind == SpeakerKind.ROLE:
            continue
        people = vote.people() & set(slugs)
        if len(people) == 1 and "" not in vote.persons.values():
            [slug] = people
            owner = owners.get(slugs[slug])
            if owner:
                steps.append(Step("merge", speaker, slug, into=owner))
            else:
                steps.append(Step("link", speaker, slug))
                owners[slugs[slug]] = speaker
            continue
        for slug in sorted(people):
            turns = tuple(pk for pk, said in vote.persons.items() if said == slug)
            steps.append(Step("split", speaker, slug, into=owners.get(slugs[slug]), turns=turns))
    return steps


def role_steps(speakers: dict[int, Speaker], votes: dict[int, Votes]) -> list[Step]:
    """Return the speakers every reading of whose turns is a role (an unnamed moderator)."""
    return [
        Step("role", speakers[pk])
        for pk, vote in sorted(votes.items())
        if pk in speakers
        and speakers[pk].kind != SpeakerKind.ROLE
        and not speakers[pk].person_id
        and set(vote.kinds) == {SpeakerKind.ROLE}
    ]


def journalist_steps(speakers: dict[int, Speaker], taken: set[int]) -> list[Step]:
    """Return merges of journalists known by another form of their name into the one kept."""
    journalists = sorted(
        (s for s in speakers.values() if s.kind == SpeakerKind.JOURNALIST and s.pk not in taken),
        key=lambda s: s.pk,
    )
    steps = []
    for speaker in journalists:
        agree = [
            other
            for other in journalists
            if other.pk != speaker.pk
            and other.pk not in taken
            and same_journalist(speaker.name, speaker.affiliation, other.name, other.affiliation)
        ]
        # Into the full name; among equals, into the earliest: "Aamer" twice becomes one.
        full = [o for o in agree if is_full_name(o.name) and not is_full_name(speaker.name)]
        alike = [o for o in agree if is_full_name(o.name) == is_full_name(speaker.name)]
        keep = full or [o for o in alike if o.pk < speaker.pk][:1]
        if len(keep) == 1:
            steps.append(Step("merge", speaker, into=keep[0]))
            taken.add(speaker.pk)
    return steps


def plan() -> list[Step]:
    """Return every step healing the archive's speakers would take; writes nothing."""
    speakers = Speaker.objects.in_bulk()
    votes = collect_votes(current())
    steps = person_steps(speakers, votes) + role_steps(speakers, votes)
    taken = {s.speaker.pk for s in steps if s.action in ("merge", "link")}
    return steps + journalist_steps(speakers, taken)


def registry_speaker(slug: str) -> Speaker:
    """Return the speaker of a registry person, made (under the registry's name) if none."""
    person = Person.objects.get(slug=slug)
    found = Speaker.objects.filter(person=person).first()
    if found:
        return found
    return Speaker.objects.create(
        name=person.name,
        slug=unique_slug(Speaker, person.name, "speaker"),
        person=person,
        sort_name=person.sort_name,
    )


def link(step: Step) -> None:
    """Make the speaker the registry person's; a surname or title becomes the registry's name."""
    person = Person.objects.get(slug=step.person)
    speaker = step.speaker
    speaker.person, speaker.resolved, speaker.sort_name = person, True, person.sort_name
    fields = ["person", "resolved", "sort_name"]
    # "Biden", "Jean-Pierre", "President": the archive knew no more than a family name or title.
    if set(name_tokens(speaker.name)) <= set(name_tokens(person.family_name)) | OFFICE_WORDS:
        speaker.name = person.name
        fields.append("name")
    speaker.save(update_fields=fields)
    queue.enqueue(speaker.utterances.values_list("pk", flat=True))


def split(step: Step) -> None:
    """Move some of a speaker's turns to a registry person's speaker, with the events' roles."""
    target = step.into or registry_speaker(step.person)
    turns = Utterance.objects.filter(pk__in=step.turns, speaker=step.speaker)
    events = set(turns.values_list("event_id", flat=True))
    labels = set(turns.values_list("label", flat=True))
    turns.update(speaker=target)
    for appearance in Appearance.objects.filter(speaker=step.speaker, event_id__in=events):
        Appearance.objects.get_or_create(
            event_id=appearance.event_id,
            speaker=target,
            defaults={"role": appearance.role, "affiliation": appearance.affiliation},
        )
        if not Utterance.objects.filter(event_id=appearance.event_id, speaker=step.speaker):
            appearance.delete()
    SpeakerLabel.objects.bulk_create(
        [SpeakerLabel(speaker=target, label=label) for label in labels], ignore_conflicts=True
    )
    queue.enqueue(step.turns)


def apply(steps: list[Step]) -> None:
    """Take the steps, each in its own transaction, in order; the index follows once, at the end."""
    # As the index writer, the steps' commits leave their index work queued for one pass.
    with queue.writer_lock(wait=True):
        try:
            take(steps)
        finally:
            queue.apply_all(patience=120)


def take(steps: list[Step]) -> None:
    """Take the steps, each in its own transaction, in order."""
    for step in steps:
        with transaction.atomic():
            if step.action == "merge":
                merge_speakers(keep=step.into, speakers=[step.speaker])
            elif step.action == "link":
                link(step)
            elif step.action == "split":
                split(step)
            else:
                Speaker.objects.filter(pk=step.speaker.pk).update(kind=SpeakerKind.ROLE)
    emptied = Speaker.objects.filter(
        pk__in={s.speaker.pk for s in steps if s.action == "split"}, utterances__isnull=True
    )
    for speaker in emptied:
        # Split among several people: its old page leads to the one who spoke most of it.
        kept = max((s for s in steps if s.speaker.pk == speaker.pk), key=lambda s: len(s.turns))
        merge_speakers(keep=registry_speaker(kept.person), speakers=[speaker])
