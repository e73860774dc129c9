"""Speaker resolution: which person each printed label names, with role, country and kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.reading.labels import Label
from archive.reading.lexicon import ROLE_WORDS, edit_distance, fold, near
from archive.reading.people import US_ROLE, Person

GENERIC = frozenset({"THE"})


@dataclass(frozen=True)
class Identity:
    """Who a label stands for: a named person, a label-only name, or a role."""

    kind: str
    value: object
    person: Person | None = None


def role_words(role: str) -> frozenset[str]:
    """Return the upper-case office words of a role ("Secretary of State" -> SECRETARY, STATE)."""
    return frozenset(w.upper().strip(".,") for w in role.split()) & ROLE_WORDS


def compatible(label_role: tuple[str, ...], role: str) -> bool:
    """Return whether a label's office words all belong to a role (an unknown role fits all)."""
    have = role_words(role)
    if not have:
        return True
    return all(w in have or near(w, have) for w in label_role if w not in GENERIC)


def contains(tokens: tuple[str, ...], name: tuple[str, ...], fuzzy: bool) -> bool:
    """Return whether the name words occur together in the tokens, allowing one typo if fuzzy."""
    size = len(name)
    wanted = " ".join(name)
    for i in range(len(tokens) - size + 1):
        window = " ".join(tokens[i : i + size])
        if window == wanted or (
            fuzzy and len(wanted) >= 5 and edit_distance(window, wanted, 1) <= 1
        ):
            return True
    return False


def candidates(label: Label, people: tuple[Person, ...], home: str) -> list[int]:
    """Return the indexes of the people a label could name."""
    if label.name:
        name = tuple(fold(w) for w in label.name)
        found = [i for i, p in enumerate(people) if contains(p.tokens, name, False)]
        found = found or [i for i, p in enumerate(people) if contains(p.tokens, name, True)]
        return [i for i in found if compatible(label.role, people[i].role)]
    wanted = frozenset(label.role) - GENERIC
    found = [i for i, p in enumerate(people) if wanted and role_words(p.role) == wanted]
    if len(found) > 1 and home:
        # The publisher's own office holder: a title names its own president without a country.
        found = [i for i in found if people[i].country in (home, "")]
    return found


def identify(label: Label, people: tuple[Person, ...], home: str) -> tuple[Identity, list[str]]:
    """Return the identity a non-question label stands for and any warning about it."""
    found = candidates(label, people, home)
    if len(found) == 1:
        person = people[found[0]]
        typo = bool(label.name) and not contains(
            person.tokens, tuple(fold(w) for w in label.name), False
        )
        warnings = [f"label {label.printed!r} read as {person.name} despite the spelling"] * typo
        return Identity("person", found[0], person), warnings
    warnings = [f"label {label.printed!r} could name several people; kept apart"] * (len(found) > 1)
    if label.name:
        return Identity("named", tuple(fold(w) for w in label.name)), warnings
    return Identity("role", label.canonical), warnings


def clusters(labels: list[Label]) -> dict[str, int]:
    """Return a cluster number per label-only label: same name, offices that agree."""
    groups: list[tuple[tuple[str, ...], set[str], list[str]]] = []
    result = {}
    for label in labels:
        name, office = tuple(fold(w) for w in label.name), set(label.role) - GENERIC
        fits = [
            i
            for i, (n, o, _) in enumerate(groups)
            if n == name and (not office or not o or office <= o or o <= office)
        ]
        if len(fits) == 1:
            groups[fits[0]][1].update(office)
            groups[fits[0]][2].append(label.printed)
            result[label.printed] = fits[0]
        else:
            groups.append((name, office, [label.printed]))
            result[label.printed] = len(groups) - 1
    return result


def title_case(words: tuple[str, ...] | list[str]) -> str:
    """Return upper-case label words in title case ("LÓPEZ OBRADOR" -> "López Obrador")."""
    small = {"OF", "AND", "FOR", "THE"}
    return " ".join(
        w.lower() if w in small and i else (w if "." in w else w.title())
        for i, w in enumerate(words)
    )


def full_name(surname: str, text: str) -> str:
    """Return "Ned Price" when the text says "Mr. Ned Price" (or "I'm Ned Price"), else ""."""
    if surname not in text:
        return ""  # the pattern needs the surname; most texts never say it
    # "Mr. Ned Price", or the speaker's own "I'm Bob Fenton".
    lead = r"(?:(?:Mr|Ms|Mrs|Dr)\.?|I[’']m|I am|[Mm]y name is)"
    pattern = rf"\b{lead}\s+([A-Z][\w'’-]+(?:\s+[A-Z]\.)?)\s+{re.escape(surname)}\b"
    firsts = {m.group(1) for m in re.finditer(pattern, text)}
    return f"{firsts.pop()} {surname}" if len(firsts) == 1 else ""


def home_country(role: str, home: str) -> str:
    """Return the publishing country for offices that are its own (Secretary, Spokesperson)."""
    return home if home and US_ROLE.fullmatch(role) else ""
