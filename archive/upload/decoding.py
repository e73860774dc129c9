"""Turn uploaded bytes into transcript text with the reader's own decoder and checks."""

from __future__ import annotations

from dataclasses import dataclass

from archive.reading import ReaderError, decode
from archive.reading.detect import check


class UndecodableUpload(ValueError):
    """Raised when uploaded bytes are not text the archive can store; the message says why."""


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from an upload and the warnings its decoding raised."""

    text: str
    warnings: tuple[str, ...] = ()


def decode_upload(data: bytes | str) -> DecodedText:
    """Return checked text from uploaded bytes or pasted text; raise UndecodableUpload if none."""
    # The reader decodes: the admin then refuses exactly what import_transcripts refuses.
    try:
        text, warnings = decode(data)
        check(text)
    except ReaderError as error:
        message = str(error)
        raise UndecodableUpload(
            f"This is not a transcript the archive can read: {message}."
        ) from error
    return DecodedText(text, warnings)
