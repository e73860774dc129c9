"""Turn uploaded bytes into transcript text, refusing what is empty, binary or undecodable."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

SNIFF_BYTES = 8192
# Beyond this share of control characters the "text" is some binary format.
MAX_CONTROL_SHARE = 0.01
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
BINARY_SIGNATURES = {
    b"%PDF-": "a PDF",
    b"PK\x03\x04": "a ZIP archive or an Office document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class UndecodableUpload(ValueError):
    """Raised when uploaded bytes are not text the archive can store; the message says why."""


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from an upload and the warnings its decoding raised."""

    text: str
    warnings: tuple[str, ...] = ()


def is_blank(text: str) -> bool:
    """Return whether text has nothing but whitespace."""
    return not text.strip()


def control_share(text: str) -> float:
    """Return the share of control characters (other than whitespace) in a sample of text."""
    sample = text[:SNIFF_BYTES]
    controls = sum(
        1 for c in sample if c not in ALLOWED_CONTROLS and unicodedata.category(c) == "Cc"
    )
    return controls / max(len(sample), 1)


def check_not_binary(data: bytes) -> None:
    """Refuse bytes that start like a known binary format or hold NUL bytes."""
    for signature, name in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UndecodableUpload(
                f"The file is {name}, not text: copy its text into a .txt file or paste it."
            )
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith(UTF16_BOMS):
        raise UndecodableUpload("The file is binary, not text: upload a .txt, .html or .md file.")


def decode_bytes(data: bytes) -> DecodedText:
    """Return the text of an upload: UTF-8 (or UTF-16 with a BOM), else Windows-1252."""
    check_not_binary(data)
    if data.startswith(UTF16_BOMS):
        return DecodedText(data.decode("utf-16"))
    try:
        return DecodedText(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UndecodableUpload(
            "The file is neither UTF-8 nor Windows-1252 text: save it as UTF-8 and upload it again."
        ) from None
    warning = "The file is not UTF-8; it was read as Windows-1252: check its accents and quotes."
    return DecodedText(text, (warning,))


def check_text(text: str) -> None:
    """Refuse text that is empty or mostly control characters."""
    if is_blank(text):
        raise UndecodableUpload("The transcript is empty.")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise UndecodableUpload("The file is binary, not text: upload a .txt, .html or .md file.")


def decode_upload(data: bytes | str) -> DecodedText:
    """Return checked text from uploaded bytes or pasted text; raise UndecodableUpload if none."""
    if isinstance(data, bytes):
        if not data.strip():
            raise UndecodableUpload("The file is empty.")
        decoded = decode_bytes(data)
    else:
        decoded = DecodedText(data)
    check_text(decoded.text)
    return decoded
