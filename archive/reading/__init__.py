"""The transcript reader: text or bytes in, frozen dataclasses out; no Django."""

from archive.reading.detect import decode
from archive.reading.pdf import is_pdf
from archive.reading.reader import read
from archive.reading.registry import KnownPerson, Post, Registry
from archive.reading.serialize import to_dict
from archive.reading.types import (
    ATTRIBUTION_INFERRED,
    ATTRIBUTION_LABEL,
    PARAGRAPH_BREAK,
    SPEAKER_JOURNALIST,
    SPEAKER_MODERATOR,
    SPEAKER_OFFICIAL,
    SPEAKER_ROLE,
    EventReading,
    Metadata,
    Paragraph,
    ReaderError,
    Reading,
    SpeakerReading,
    UtteranceReading,
)

__all__ = [
    "ATTRIBUTION_INFERRED",
    "ATTRIBUTION_LABEL",
    "PARAGRAPH_BREAK",
    "SPEAKER_JOURNALIST",
    "SPEAKER_MODERATOR",
    "SPEAKER_OFFICIAL",
    "SPEAKER_ROLE",
    "EventReading",
    "KnownPerson",
    "Metadata",
    "Paragraph",
    "Post",
    "ReaderError",
    "Reading",
    "Registry",
    "SpeakerReading",
    "UtteranceReading",
    "decode",
    "is_pdf",
    "read",
    "to_dict",
]
