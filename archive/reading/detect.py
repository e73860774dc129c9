"""Decode input and tell its format from the content: HTML, Markdown, or plain text."""

from __future__ import annotations

import codecs
import re

from archive.reading.pdf import is_pdf, pdf_text
from archive.reading.types import ReaderError

HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
HTML_TAGS = re.compile(r"<(?:p|div|article|strong|b|br)\b[^>]*>", re.I)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6} \S|\*\*[A-Z][A-Z .'’-]+:\*\*)", re.M)
TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SNIFF_BYTES = 8192
BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive or an Office document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes | str) -> tuple[str, tuple[str, ...]]:
    """Return the input as text and warnings: a PDF's text, UTF-8, UTF-16 (BOM), Windows-1252."""
    # The one decoder: the admin upload, import_transcripts and read_transcript all come here,
    # so each accepts and refuses the same bytes.
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), ()
    if is_pdf(data):
        found = pdf_text(data)
        return found.text, found.warnings
    for signature, name in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ReaderError(f"input is {name}, not text: copy its text out and read that")
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise ReaderError("input starts as UTF-16 but is not: save it as UTF-8") from None
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ReaderError("input is binary, not text: give a .txt, .html or .md file")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # Bytes Windows-1252 leaves undefined: replacing them would store a damaged quote.
        raise ReaderError(
            "input is neither UTF-8 nor Windows-1252 text: save it as UTF-8 and try again"
        ) from None
    return text, ("input is not UTF-8; it was read as Windows-1252: check its accents and quotes",)


def check(text: str) -> str:
    """Return the text with line endings unified, or raise ReaderError if it is no transcript."""
    if not text.strip():
        raise ReaderError("input is empty")
    if "\x00" in text or len(CONTROL.findall(text[:8192])) > max(8, len(text[:8192]) // 100):
        raise ReaderError("input is binary, not text: give a .txt, .html or .md file")
    if not TWO_LETTERS.search(text):
        raise ReaderError("input has no text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect(text: str) -> str:
    """Return "html", "markdown" or "text" for the content."""
    if HTML_START.match(text) or len(HTML_TAGS.findall(text[:20000])) >= 3:
        return "html"
    # The signs need "#" or "**": plain text seldom has either, and skips the search line by line.
    if FRONT_MATTER.match(text) or (("#" in text or "**" in text) and MARKDOWN_SIGNS.search(text)):
        return "markdown"
    return "text"
