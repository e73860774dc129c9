"""The lines before the first turn: venue, city, date, the people named, and stray prose."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from operator import itemgetter

from archive.reading.event import find_date, is_city, is_time, split_location
from archive.reading.lexicon import HEAD_ROLES
from archive.reading.notes import is_boilerplate, single_spaced
from archive.reading.people import Person, from_name_role, is_name, is_role_word

SKIP = re.compile(
    r"^(?:The White House|Office of (?:Communications|the Press Secretary)|"
    r"For Immediate Release|Transcript|Press Releases?)$",
    re.I,
)
REMOTE = re.compile(r"^Via (?:Teleconference|Telephone|Videoconference|Video Conference)$", re.I)


@dataclass
class Header:
    """What the header lines say; filled line by line."""

    venue: str = ""
    city: str = ""
    date: datetime.date | None = None
    people: list[Person] = field(default_factory=list)
    principal: str = ""
    principal_role: str = ""
    lead: list[str] = field(default_factory=list)


def is_prose(text: str) -> bool:
    """Return whether a line reads as spoken prose rather than a heading or a location."""
    words = text.split()
    if len(words) < 8:
        return False
    lower = sum(map(str.islower, map(itemgetter(0), words)))  # the words' first letters
    return lower * 2 > len(words)


def is_role_phrase(text: str) -> bool:
    """Return whether a line is only an office ("Secretary of State")."""
    words = text.split()
    fillers = {"of", "for", "the", "and"}
    if not words or not all(is_role_word(w) or w.lower() in fillers for w in words):
        return False
    return any(w.upper() in HEAD_ROLES for w in words)


def names_office(text: str) -> bool:
    """Return whether a line names an office, so is a person and no venue ("Foreign Minister…")."""
    return any(w.upper().strip(".,") in HEAD_ROLES for w in text.split())


def is_shouted(text: str) -> bool:
    """Return whether a line is all capitals (a repeated heading)."""
    if any(c.isalpha() and not c.isupper() for c in text):
        return False  # prose stops at its first small letter, not after its last
    return sum(c.isalpha() for c in text) > 1


def take_place(header: Header, text: str) -> bool:
    """Record a date or location line; return whether the line was one."""
    found, rest = find_date(text)
    if found and len(rest.split()) <= 8:
        header.date = header.date or found
        venue, city = split_location(rest) if rest else ("", "")
        header.venue, header.city = header.venue or venue, header.city or city
        return True
    if REMOTE.match(text):
        header.venue = text
        return True
    if is_city(text) and len(text.split()) <= 6:
        header.city = header.city or text
        return True
    return False


def take_line(header: Header, text: str, kind: str) -> None:
    """Record what one header line says."""
    person = from_name_role(text)
    if person:
        header.people.append(person)
    elif kind and text.startswith(kind + " ") and is_name(text[len(kind) + 1 :].split()):
        header.principal = text[len(kind) + 1 :]
    elif is_role_phrase(text):
        header.principal_role = header.principal_role or text
    elif take_place(header, text):
        return
    elif is_prose(text):
        header.lead.append(text)
    elif not header.venue and len(text.split()) <= 6 and not names_office(text):
        header.venue = text


def read_header(lines: list[str], kind: str = "", skip: frozenset[str] = frozenset()) -> Header:
    """Return what the header lines say about the event and its people."""
    header = Header()
    for raw in lines:
        text = single_spaced(raw)
        if not text or text in skip or SKIP.match(text) or is_time(text) or is_boilerplate(text):
            continue
        if is_shouted(text):
            continue
        take_line(header, text, kind)
    if header.principal:
        header.people.insert(0, Person(header.principal, header.principal_role))
    return header
