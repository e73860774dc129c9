"""People a transcript names in its title, header or author bar, with role and country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.reading.countries import country_named, country_of_adjective
from archive.reading.lexicon import HEAD_ROLES, HONORIFICS, ORGANISATIONS, ROLE_WORDS, fold

TAIL = re.compile(
    r"\s+(?:(?:at|in|before|during|after|following|ahead of|upon|aboard|to|on|en route)\s"
    r"|(?:joint|virtual|bilateral|trilateral)\s|(?:press|media)\s(?:availability|conference|"
    r"briefing|statements?|call|gaggle|remarks)\b).*$",
    re.I,
)
# Words of a page title that follow a name and are no part of it ("Biden Celebrating Labor
# Day", "Blinken Press Availability", "Rutte Remarks"): the name ends before the first.
TITLE_WORDS = frozenset(
    """remarks statement statements interview briefing gaggle call conference availability
    meeting readout roundtable event address speech op-ed transcript excerpts""".split()
)
GERUND = re.compile(r"[A-Z][a-z]{2,}ing$")
POSSESSIVE = re.compile(r"(\w)['’]s\b")
SEPARATORS = re.compile(r",\s*(?:and\s+)?|\s+(?:and|with|by)\s+|\s+[–—|]\s+", re.I)
PARTICLES = frozenset({"de", "da", "di", "del", "van", "von", "bin", "al", "la", "le", "du"})
US_ROLE = re.compile(
    r"(?:Secretary(?: of .+)?|(?:Vice )?President|.*Spokesperson|Senior .*Official.*|"
    r"National Security Advis[eo]r|(?:Under|Assistant|Deputy) Secretary.*|Press Secretary)",
    re.I,
)


@dataclass(frozen=True)
class Person:
    """Someone the text names: full or partial name, role, country, affiliation."""

    name: str
    role: str = ""
    country: str = ""
    affiliation: str = ""
    journalist: bool = False
    role_only: bool = False  # "Representative of Syria": a country's voice, no person named

    @property
    def tokens(self) -> tuple[str, ...]:
        """Return the folded words of the name, for matching labels."""
        return tuple(fold(w).strip(".") for w in self.name.split())

    def described(self) -> str:
        """Return "Name, Role" for a full name, "Role Name" for a surname alone."""
        if not self.role:
            return self.name
        if len(self.name.split()) > 1:
            return f"{self.name}, {self.role}"
        return f"{self.role} {self.name}"


def is_role_word(word: str) -> bool:
    """Return whether a title-case word belongs to an office ("Secretary", "Foreign")."""
    return word.upper().strip(".,") in ROLE_WORDS - {"THE", "ONE", "FIRST", "SECOND", "THIRD"}


def is_name(words: list[str]) -> bool:
    """Return whether words can be a person's name: capitalised words, initials, particles."""
    if not 1 <= len(words) <= 5 or any("'s" in w or "’s" in w for w in words):
        return False
    capital = [w for w in words if w.lower() not in PARTICLES]
    return bool(capital) and all(w[0].isupper() and w[0].isalpha() for w in capital)


def leading_affiliation(words: list[str]) -> tuple[str, str, list[str]]:
    """Return (country, organisation, remaining words) from a leading demonym, country or body."""
    for size in (4, 3, 2, 1):
        if len(words) <= size:
            continue
        head = " ".join(words[:size])
        # A country's name leads only an office: "Jordan Smith" is nobody's minister.
        country = country_of_adjective(head) or (is_role_word(words[size]) and country_named(head))
        if country:
            return country, "", words[size:]
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        if len(words) > size and head in ORGANISATIONS:
            return "", head, words[size:]
    return "", "", words


def trailing_of(words: list[str]) -> tuple[str, list[str]]:
    """Return (what follows "of", words before it) for the first "of X" naming a country."""
    for i, word in enumerate(words):
        if word.lower() == "of" and i and country_named(" ".join(words[i + 1 :])):
            return country_named(" ".join(words[i + 1 :])), words[:i]
    return "", words


def split_role(words: list[str]) -> tuple[list[str], list[str]]:
    """Return (role words, name words) of "Secretary of Homeland Security John Kelly"."""
    i = 0
    while i < len(words):
        word = words[i]
        connective = word.lower() in ("of", "for", "the", "and") and i + 1 < len(words)
        if is_role_word(word) or (connective and i and is_role_word(words[i + 1])):
            i += 1
        else:
            break
    name = [w for w in words[i:] if w.upper().strip(".") not in HONORIFICS]
    return words[:i], name_only(name)


def name_only(words: list[str]) -> list[str]:
    """Return the words of a name, cut before title words that follow it in a page title."""
    for i, word in enumerate(words):
        after = words[i + 1 : i + 2]
        # "Celebrating Labor Day" ends a name; "Xi Jinping" (and "Jinping of China") is one.
        gerund = GERUND.match(word) and after and after[0] not in ("of", "and")
        if i and (word.lower() in TITLE_WORDS or gerund):
            return words[:i]
    return words


def parse_part(part: str) -> Person | None:
    """Return the person one comma-separated part of a title names, if it names one."""
    words = part.split()
    if len(words) > 2 and words[0].lower() in TITLE_WORDS and words[1] in ("of", "from"):
        words = words[2:]  # "Remarks of President Joe Biden"
    country, organisation, words = leading_affiliation(words)
    of_country, words = trailing_of(words)
    role, name = split_role(words)
    if not any(w.upper() in HEAD_ROLES for w in role):
        return journalist_part(words)
    if not is_name(name):
        return None
    return Person(" ".join(name), " ".join(role), country or of_country, organisation)


def journalist_part(words: list[str]) -> Person | None:
    """Return the journalist of "Osman Ayfarah of Al Jazeera", a name with an outlet."""
    text = " ".join(words)
    match = re.fullmatch(r"(?P<name>.+?) of (?P<outlet>(?:the )?[A-Z].*)", text)
    if not match or not is_name(match.group("name").split()):
        return None
    # "Remarks of President Joe Biden", "Deputy Chief of Staff …": no journalist and outlet.
    named = f"{match.group('name')} {match.group('outlet')}".split()
    if any(w.lower() in TITLE_WORDS or w.upper() in HEAD_ROLES for w in named):
        return None
    if country_named(match.group("outlet")):
        return None
    return Person(match.group("name"), affiliation=match.group("outlet"), journalist=True)


def from_title(title: str) -> tuple[Person, ...]:
    """Return the people a title lists ("Secretary Blinken and German Foreign Minister Maas")."""
    # "Secretary Blinken’s Meeting with …": the possessive names Blinken too.
    core = POSSESSIVE.sub(r"\1", TAIL.sub("", " ".join(title.split())))
    people = (parse_part(part) for part in SEPARATORS.split(core) if part.strip())
    return tuple(p for p in people if p)


def from_name_role(text: str) -> Person | None:
    """Return the person of a "Name, Role" line ("Antony J. Blinken, Secretary of State")."""
    if text.count(",") != 1:
        return None
    name, role = (part.strip() for part in text.split(","))
    return name_role_pair(name, role)


def name_role_pair(name: str, role: str) -> Person | None:
    """Return a person from a name and a role phrase, the role possibly led by a demonym."""
    if not is_name(name.split()) or any(is_role_word(w) for w in name.split()):
        return None
    country, organisation, words = leading_affiliation(role.split())
    if not any(w.upper() in HEAD_ROLES for w in words):
        return None
    return Person(name, " ".join(words), country, organisation)


def from_author_bar(text: str) -> tuple[Person, ...]:
    """Return the people of an author bar: "Name, Role, Name, Role"."""
    items = [item.strip() for item in text.split(",")]
    people = []
    for name, role in zip(items, items[1:], strict=False):
        person = name_role_pair(name, role)
        if person:
            people.append(person)
    return tuple(people)


def same_person(a: Person, b: Person) -> bool:
    """Return whether two mentions name the same person (same surname, one name within other)."""
    short, long = sorted((a.tokens, b.tokens), key=len)
    if not short or short[-1] not in long:
        return False
    return all(token in long for token in short)


def merge(people: list[Person]) -> tuple[Person, ...]:
    """Return people with repeated mentions merged, keeping the fullest name and role."""
    merged: list[Person] = []
    for person in people:
        index = next((i for i, m in enumerate(merged) if same_person(m, person)), None)
        if index is None:
            merged.append(person)
            continue
        known = merged[index]
        merged[index] = Person(
            max(known.name, person.name, key=len),
            max(known.role, person.role, key=len),
            known.country or person.country,
            known.affiliation or person.affiliation,
            known.journalist and person.journalist,
        )
    return tuple(merged)


def interview_kind(people: tuple[Person, ...]) -> str:
    """Return "Interview" when the title names a journalist ("with Osman Ayfarah of Al Jazeera")."""
    return "Interview" if any(p.journalist for p in people) else ""
