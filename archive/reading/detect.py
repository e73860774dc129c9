"""Decode input and tell its format from the content: HTML, Markdown, or plain text."""

from __future__ import annotations

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


def decode(data: bytes | str) -> tuple[str, tuple[str, ...]]:
    """Return the input as text (a PDF's text layer; UTF-8, else Windows-1252) and warnings."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), ()
    if is_pdf(data):
        found = pdf_text(data)
        return found.text, found.warnings
    if b"\x00" in data[:4096]:
        raise ReaderError("input is binary, not a transcript")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, ("input is not valid UTF-8; decoded as Windows-1252",)


def check(text: str) -> str:
    """Return the text with line endings unified, or raise ReaderError if it is no transcript."""
    if not text.strip():
        raise ReaderError("input is empty")
    if "\x00" in text or len(CONTROL.findall(text[:8192])) > max(8, len(text[:8192]) // 100):
        raise ReaderError("input is binary, not a transcript")
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
