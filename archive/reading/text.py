"""Plain text copied out of a PDF: a header block, then `LABEL:` turns."""

from __future__ import annotations

import re

from archive.reading.caseless import Caseless
from archive.reading.draft import Draft
from archive.reading.event import event_date, find_date, kind_from_title
from archive.reading.header import is_prose, read_header
from archive.reading.labels import NO_LABEL
from archive.reading.people import Person, from_title, merge
from archive.reading.turns import Chunk, RawTurn, line_chunks, paragraphs_of, segment
from archive.reading.types import EventReading

CATEGORY = re.compile(r"^(?:[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}):\s+(?P<kind>\S.*)$")
US_SOURCE = Caseless(r"state department|department of state|white house|u\.s\. embassy")
US_ADDRESS = re.compile(r"whitehouse\.|state\.gov")
NO_TITLE = "no title found before the first speaker label"
WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?", re.IGNORECASE)


def blocks(chunks: tuple[Chunk, ...]) -> list[list[str]]:
    """Return the header chunks grouped into blocks of lines."""
    grouped: list[list[str]] = []
    for chunk in chunks:
        if chunk.new_paragraph or not grouped:
            grouped.append([])
        grouped[-1].append(chunk.text)
    return grouped


def is_dateline(line: str) -> bool:
    """Return whether a line is a date alone ("March 3, 2021", "Wednesday, March 3, 2021")."""
    date, rest = find_date(line)
    return date is not None and (not rest or WEEKDAY.fullmatch(rest) is not None)


def without_dateline(grouped: list[list[str]]) -> list[list[str]]:
    """Return the header blocks with a date printed right under the title made a block of its
    own: it dates the event and is no part of the title."""
    if not grouped:
        return grouped
    first = grouped[0]
    at = next((i for i, line in enumerate(first) if i and is_dateline(line)), None)
    return grouped if at is None else [first[:at], first[at:], *grouped[1:]]


def title_and_kind(block: list[str]) -> tuple[str, str]:
    """Return the title and kind of the first header block ("Press Releases: Press ...")."""
    category = CATEGORY.match(block[0])
    if category and len(block) > 1:
        kind = category.group("kind")
        return " ".join([kind, *block[1:]]), kind
    title = " ".join(block)
    return title, kind_from_title(title)


NO_TURNS = "no speaker labels found; the whole text is read as one turn"


def lead_turn(lead: list[str], line: int) -> tuple[RawTurn, ...]:
    """Return the prose found before the first label as one unlabelled turn, if any."""
    return (RawTurn(NO_LABEL, line, tuple(lead)),) if lead else ()


def with_lead(
    preamble: tuple[Chunk, ...], turns: tuple[RawTurn, ...], lead: list[str]
) -> tuple[tuple[RawTurn, ...], tuple[str, ...]]:
    """Return the turns led by any prose before the first label; no turns: all text as one."""
    line = preamble[0].line if preamble else 1
    if turns:
        return lead_turn(lead, line) + turns, ()
    return (RawTurn(NO_LABEL, line, paragraphs_of(preamble)),), (NO_TURNS,)


def narrator_of(people: tuple[Person, ...]) -> Person | None:
    """Return the one official the title names, who speaks unlabelled text, if exactly one."""
    officials = [p for p in people if not p.journalist]
    return officials[0] if len(officials) == 1 else None


def read_text(text: str) -> Draft:
    """Return the draft reading of a PDF-copied plain-text transcript."""
    preamble, turns = segment(line_chunks(text))
    grouped = without_dateline(blocks(preamble))
    title, kind = title_and_kind(grouped[0]) if grouped else ("", "")
    if is_prose(title):
        title, kind, grouped = "", "", [[], *grouped]
    header = read_header([" ".join(b) for b in grouped[1:]], kind)
    host = header.people[0].described() if header.principal else ""
    date, _ = event_date(title, header.date, None)  # "Department Press Briefing – May 2, 2022"
    event = EventReading(title, kind, date, header.venue, header.city, "", host)
    people = merge([*header.people, *from_title(title)])
    warnings = () if title else (NO_TITLE,)
    return Draft(
        format="text",
        event=event,
        people=people,
        turns=lead_turn(header.lead, preamble[0].line if preamble else 1) + turns,
        warnings=warnings,
        home="United States" if US_SOURCE.occurs(text) else "",
    )
