"""Unlabelled single-speaker speeches; the speaker comes from metadata or the file name."""

from __future__ import annotations

import datetime
import re

from archive.reading.countries import by_name, country_of_code, key
from archive.reading.draft import Draft
from archive.reading.labels import NO_LABEL
from archive.reading.people import Person
from archive.reading.turns import Chunk, RawTurn, line_chunks, paragraphs_of
from archive.reading.types import DATE_YEAR, EventReading, Metadata

# A UN record's running heads and feet, left between the lines of its PDF-born text: the
# document symbol (A/65/PV.13), the job number (10-54965), the page (24, 37/45), the date.
UN_FURNITURE = re.compile(
    r"(?:(?:A/\d+/PV\.\d+|\d{2}-\d{5}(?:\s*\(E\))?|\d{1,3}(?:/\d{1,3})?|\d{2}/\d{2}/\d{4})\s*)+"
)
UN_MARK = re.compile(r"A/\d+/PV\.\d+|\d{2}-\d{5}")
SENTENCE_END = re.compile(r"[.!?:;…\"”’)]$")
UN_FILENAME = re.compile(
    r"(?:^|[\\/])(?P<iso>[A-Za-z]{2,4})_(?P<session>\d{1,3})_(?P<year>\d{4})\.(?:txt|pdf)$"
)


def ordinal(number: int) -> str:
    """Return 1st, 2nd, 3rd, 78th."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def un_event(filename: str) -> tuple[EventReading, str, tuple[str, ...]]:
    """Return the event, country and warnings a UN General Debate file name gives."""
    match = UN_FILENAME.search(filename)
    if not match:
        return EventReading(), "", ()
    iso, session, year = (
        match.group("iso").upper(),
        int(match.group("session")),
        match.group("year"),
    )
    known = country_of_code(iso)
    if known is None:
        return EventReading(), "", (f"the file name's country code {iso!r} is unknown",)
    country = known.with_article
    title = (
        f"Statement by {country}, General Debate of the {ordinal(session)} session "
        f"of the United Nations General Assembly ({year})"
    )
    event = EventReading(
        title=title,
        kind="Speech",
        venue="United Nations General Assembly",
        date=datetime.date(int(year), 1, 1),
        date_precision=DATE_YEAR,
    )
    return event, known.name, (f"the file name gives only the year ({year}); dated to the year",)


def narrator(metadata: Metadata, country: str) -> tuple[Person, tuple[str, ...]]:
    """Return the speaker of the speech and any warning about guessing them."""
    country = metadata.country or country
    if metadata.speaker:
        return Person(metadata.speaker, country=country), ()
    if country:
        known = by_name().get(key(country))
        printed = known.with_article if known else country
        name = f"Representative of {printed}"
        person = Person(name, "Representative", country, role_only=True)
        return person, (f"speaker not given; read as {name!r}",)
    return Person("Unidentified speaker"), ("speaker not given and not in the text",)


def without_page_furniture(chunks: list[Chunk]) -> list[Chunk]:
    """Return the chunks without UN running heads and feet; a sentence a page break cut in
    two is one paragraph again."""
    kept: list[Chunk] = []
    cut, broken = False, False  # furniture passed since the last kept line; a paragraph break
    for chunk in chunks:
        if UN_FURNITURE.fullmatch(chunk.text) and UN_MARK.search(chunk.text):
            cut, broken = True, broken or chunk.new_paragraph
            continue
        if cut and kept:
            ended = SENTENCE_END.search(kept[-1].text) is not None
            chunk = chunk._replace(new_paragraph=(chunk.new_paragraph or broken) and ended)
        cut, broken = False, False
        kept.append(chunk)
    return kept


def read_speech(text: str, metadata: Metadata) -> Draft:
    """Return the draft reading of a speech with no speaker labels."""
    event, country, warnings = un_event(metadata.filename)
    speaker, guessed = narrator(metadata, country)
    chunks = without_page_furniture(line_chunks(text))
    turn = RawTurn(NO_LABEL, chunks[0].line if chunks else 1, paragraphs_of(chunks))
    return Draft("speech", event, (), (turn,), warnings + guessed, narrator=speaker)
