"""The speakers a search's words name ("Kelly", "Tony Blinken"), shown above its quotes.

A speaker is named when a word of the search is their surname, a word of their registry family
name ("Lopez" for López Obrador), or when the search holds every word of one of their registry
names ("Hank Paulson"). Words are compared folded, without titles ("Secretary Kelly" is Kelly).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from archive.models import Speaker
from archive.speaker_names import name_tokens

LIMIT = 5
# A name is a few words; a longer search is a quote, whose words name nobody.
MAX_WORDS = 6


def speakers_named(query: str, limit: int = LIMIT) -> list[Speaker]:
    """Return the people the query's words name, the best named and most quoted first."""
    words = set(name_tokens(query))
    if not words or len(words) > MAX_WORDS:
        return []
    names = candidate_names(words)
    found = [pk for pk, (family, full_names) in names.items() if named(words, family, full_names)]
    if not found:
        return []
    speakers = Speaker.objects.filter(pk__in=found).with_subquery_counts()

    def rank(speaker):
        own = set(name_tokens(speaker.name)).union(*names[speaker.pk][1])
        return (-len(words & own), -speaker.utterance_count, speaker.name)

    return sorted((s for s in speakers if s.utterance_count), key=rank)[:limit]


def named(words: set[str], family: set[str], full_names: list[set[str]]) -> bool:
    """Return whether the words hold a surname, or every word of one of the full names."""
    return bool(words & family) or any(full and full <= words for full in full_names)


def candidate_names(words: set[str]) -> dict[int, tuple[set[str], list[set[str]]]]:
    """Return, by speaker, the words of their surnames and of each of their full names.

    One query: the speakers of those surnames, and every speaker the registry links a person
    to, with the person's name, family name and other names.
    """
    rows = (
        Speaker.objects.identified()
        .filter(Q(surname_key__in=words) | Q(person__isnull=False))
        .values_list(
            "pk",
            "surname_key",
            "name",
            "person__name",
            "person__family_name",
            "person__other_names__name",
        )
    )
    names = defaultdict(lambda: (set(), []))
    for pk, surname, name, person, family, other in rows:
        surnames, full_names = names[pk]
        surnames.add(surname)
        surnames.update(w for w in name_tokens(family or "") if len(w) > 2)
        full_names += [set(name_tokens(n)) for n in (name, person, other) if n]
    return dict(names)
