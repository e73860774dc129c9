"""The reader's public contract: frozen dataclasses describing one reading of a transcript."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

ATTRIBUTION_LABEL = "label"
ATTRIBUTION_INFERRED = "inferred"

DATE_DAY = "day"
DATE_YEAR = "year"

SPEAKER_OFFICIAL = "official"
SPEAKER_JOURNALIST = "journalist"
SPEAKER_MODERATOR = "moderator"
# Not a person: a moderator or operator unnamed, an audience, an unidentified questioner, an
# official speaking on background, a country's representative whom the text does not name.
SPEAKER_ROLE = "role"


class ReaderError(ValueError):
    """Raised when input is not a transcript the reader can read."""


@dataclass(frozen=True)
class Metadata:
    """Facts from outside the text (admin form, command line, file name); they win over it."""

    title: str = ""
    kind: str = ""
    date: datetime.date | None = None
    venue: str = ""
    city: str = ""
    source_url: str = ""
    speaker: str = ""
    country: str = ""
    filename: str = ""


@dataclass(frozen=True)
class EventReading:
    """What the transcript says about the event itself."""

    title: str = ""
    kind: str = ""
    date: datetime.date | None = None
    venue: str = ""
    city: str = ""
    source_url: str = ""
    host: str = ""
    date_precision: str = DATE_DAY


@dataclass(frozen=True)
class SpeakerReading:
    """One person (or a role) who speaks, keyed within the reading by `key`.

    `name` is as the transcript gives it ("Nauert", "John Kelly"); `person` is the key of the
    registry person the speaker is, when the registry told; `resolved` is False when neither the
    transcript nor the registry gives more than a surname, a first name or a bare title.
    """

    key: str
    name: str
    role: str = ""
    affiliation: str = ""
    country: str = ""
    kind: str = SPEAKER_OFFICIAL
    labels: tuple[str, ...] = ()
    person: str = ""
    resolved: bool = True


# Between a turn's paragraphs in its text; a paragraph is one line, so the text splits back.
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a turn, a single line; `interpreted` marks the interpreter's words."""

    text: str
    interpreted: bool = False


@dataclass(frozen=True)
class UtteranceReading:
    """One speaker turn, numbered from 1 in transcript order; `speaker` is a speaker key."""

    sequence: int
    label: str
    speaker: str
    paragraphs: tuple[Paragraph, ...]
    attribution: str = ATTRIBUTION_LABEL
    notes: tuple[str, ...] = ()
    source_line: int = 0

    @property
    def text(self) -> str:
        """Return the paragraphs joined by a blank line."""
        return PARAGRAPH_BREAK.join(p.text for p in self.paragraphs)

    @property
    def interpreted_paragraphs(self) -> list[int]:
        """Return the indexes, from 0, of the paragraphs that are the interpreter's words."""
        return [i for i, p in enumerate(self.paragraphs) if p.interpreted]


@dataclass(frozen=True)
class Reading:
    """A whole transcript read: event, speakers, utterances and the reader's warnings."""

    format: str
    event: EventReading
    speakers: tuple[SpeakerReading, ...]
    utterances: tuple[UtteranceReading, ...]
    warnings: tuple[str, ...] = field(default=())

    def speaker(self, key: str) -> SpeakerReading:
        """Return the speaker with this key."""
        return next(s for s in self.speakers if s.key == key)
