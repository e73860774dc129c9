"""What a format reader hands on: event facts, people named, raw turns, warnings."""

from __future__ import annotations

from dataclasses import dataclass

from archive.reading.people import Person
from archive.reading.turns import RawTurn
from archive.reading.types import EventReading


@dataclass(frozen=True)
class Draft:
    """One format's reading before speakers are resolved."""

    format: str
    event: EventReading
    people: tuple[Person, ...] = ()
    turns: tuple[RawTurn, ...] = ()
    warnings: tuple[str, ...] = ()
    home: str = ""
    narrator: Person | None = None
