"""The speakers a search's words name ("Kelly", "Tony Blinken"), shown above its quotes.

A speaker is named when a word of the search is their surname, a word of their registry family
name ("Lopez" for López Obrador), or when the search holds every word of one of their registry
names ("Hank Paulson"). Words are compared folded, without titles ("Secretary Kelly" is Kelly).
"""

from __future__ import annotations

from collections import defaultdict

from archive.models import Speaker
from archive.names import name_tokens
from archive.registry.models import OtherName, Person

LIMIT = 5
# A name is a few words; a longer search is a quote, whose words name nobody.
MAX_WORDS = 6


def speakers_named(query: str, limit: int = LIMIT) -> list[Speaker]:
    """Return the people the query's words name, the best named and most quoted first."""
    words = set(name_tokens(query))
    if not words or len(words) > MAX_WORDS:
        return []
    names = registry_names()
    surnamed = Speaker.objects.identified().filter(surname_key__in=words)
    found = set(surnamed.values_list("pk", flat=True))
    for speaker_id, (family, full_names) in names.items():
        if words & family or any(full and full <= words for full in full_names):
            found.add(speaker_id)
    if not found:
        return []
    speakers = list(Speaker.objects.identified().filter(pk__in=found).with_subquery_counts())

    def rank(speaker):
        own = set(name_tokens(speaker.name)).union(*names.get(speaker.pk, (set(), []))[1])
        return (-len(words & own), -speaker.utterance_count, speaker.name)

    return sorted((s for s in speakers if s.utterance_count), key=rank)[:limit]


def registry_names() -> dict[int, tuple[set[str], list[set[str]]]]:
    """Return, by speaker, their registry family name's words and each full name's words."""
    names = defaultdict(lambda: (set(), []))
    people = Person.objects.filter(speaker__isnull=False).values_list(
        "speaker__pk", "name", "family_name"
    )
    for speaker_id, name, family in people:
        names[speaker_id][0].update(w for w in name_tokens(family) if len(w) > 2)
        names[speaker_id][1].append(set(name_tokens(name)))
    others = OtherName.objects.filter(person__speaker__isnull=False).values_list(
        "person__speaker__pk", "name"
    )
    for speaker_id, name in others:
        names[speaker_id][1].append(set(name_tokens(name)))
    return dict(names)
