"""PDFs: a transcript printed to PDF reads as the transcript itself; what is no text is refused.

The PDFs under tests/data were printed by headless Chromium from the golden inputs beside them
(tests/reading/make_pdfs.py); the refused ones are made here, from those.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from golden_files import GOLDEN

from archive.reading import Metadata, ReaderError, read, to_dict
from archive.reading.pdf import pdf_text
from archive.reading.pdf_layout import Line, Page, furniture, joined
from tests.pdf_samples import encrypted_pdf, image_only_pdf

PDFS = sorted((GOLDEN / "pdf").glob("*.pdf"))
TWO_COLUMNS = GOLDEN.parent / "pdf" / "two-columns.pdf"
SEED = GOLDEN / "text" / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt"
SCAN_LINES = [
    "SECRETARY TILLERSON: Morning, all, and thank you for coming.",
    "QUESTION: Thank you.",
]


def original_of(pdf: Path) -> Path:
    """Return the golden input the PDF was printed from."""
    return next(p for p in GOLDEN.glob(f"*/{pdf.stem}.*") if p.suffix not in (".pdf", ".json"))


def reading_of(path: Path) -> dict:
    """Return the JSON contract of a file's reading, its name given as metadata."""
    return to_dict(read(path.read_bytes(), metadata=Metadata(filename=path.name)))


def turns(reading: dict, paragraphs: bool = True) -> list[tuple]:
    """Return each turn's label, speaker, attribution, notes and words (or paragraphs)."""
    return [
        (
            u["label"],
            u["speaker"],
            u["attribution"],
            u["notes"],
            [(p["text"], p["interpreted"]) for p in u["paragraphs"]]
            if paragraphs
            else u["text"].split(),
        )
        for u in reading["utterances"]
    ]


def test_there_are_golden_pdfs_of_every_printed_format():
    """At least six golden PDFs, printed from text, HTML, Markdown and a speech."""
    assert len(PDFS) >= 6
    assert {original_of(p).parent.name for p in PDFS} == {"text", "html", "markdown", "speech"}


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem[:50])
def test_pdf_reads_as_the_file_it_was_printed_from(pdf):
    """Turns, speakers, attributions, words, notes, title and date equal the original's."""
    printed, original = reading_of(pdf), reading_of(original_of(pdf))
    assert printed["format"] == "pdf"
    # A speech's paragraphs are lines of a text file: where one ends a hair short of the margin
    # it cannot be told from a wrapped line, so only its words are compared.
    whole = original["format"] != "speech"
    assert turns(printed, whole) == turns(original, whole)
    assert printed["speakers"] == original["speakers"]
    for field in ("date", "date_precision"):
        assert printed["event"][field] == original["event"][field]
    # The page shows a Markdown title whole; the Markdown reader takes its "| City" off.
    assert printed["event"]["title"].startswith(original["event"]["title"])


def test_a_page_printed_from_the_web_keeps_its_address():
    """The address a browser prints in the running foot is the source URL, unless it was elided."""
    found = []
    for pdf in (p for p in PDFS if original_of(p).suffix in (".html", ".md")):
        original = reading_of(original_of(pdf))["event"]["source_url"]
        assert original.startswith("https://")
        printed = reading_of(pdf)["event"]["source_url"]
        assert printed in (original, "")  # never an address cut short
        found.append(printed)
    assert any(found) and not all(found)


def test_seed_pdf_text_is_the_seed_text_line_for_line():
    """Heads, feet and page breaks gone, the seed's PDF gives back the text it was printed from."""
    pdf = GOLDEN / "pdf" / f"{SEED.stem}.pdf"
    assert pdf_text(pdf.read_bytes()).text == SEED.read_text(encoding="utf-8").rstrip("\n")


def test_two_columns_read_in_column_order():
    """The seed set in two narrow columns, long words broken by soft hyphens, reads as the seed."""
    columns, seed = reading_of(TWO_COLUMNS), reading_of(SEED)
    assert turns(columns) == turns(seed)
    assert columns["speakers"] == seed["speakers"]
    assert columns["event"] == seed["event"]
    text = pdf_text(TWO_COLUMNS.read_bytes()).text
    assert "‐" not in text and "\u00ad" not in text  # every soft-hyphen break undone
    assert "co-sponsoring" in text and "would-be" in text  # real hyphens kept


def test_a_password_protected_pdf_is_refused():
    data = encrypted_pdf((GOLDEN / "pdf" / f"{SEED.stem}.pdf").read_bytes(), "secret")
    with pytest.raises(ReaderError, match="encrypted with a password"):
        read(data)


def test_a_pdf_locked_only_against_editing_is_read():
    """An owner password alone (no password to open) locks nothing the reader needs."""
    pdf = (GOLDEN / "pdf" / f"{SEED.stem}.pdf").read_bytes()
    assert to_dict(read(encrypted_pdf(pdf, ""))) == to_dict(read(pdf))


def test_a_scan_without_text_layer_is_refused():
    with pytest.raises(ReaderError, match="^no text layer: run OCR first$"):
        read(image_only_pdf(SCAN_LINES))


def test_a_scanned_page_among_text_pages_is_a_warning():
    """A page that is only a picture is named in a warning: its words are missing."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (TWO_COLUMNS.read_bytes(), image_only_pdf(SCAN_LINES)):
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    reading = read(out.getvalue())
    pages = len(PdfReader(io.BytesIO(out.getvalue())).pages)
    assert f"page {pages} of {pages} is an image without text" in reading.warnings[0]
    assert len(reading.utterances) == 35


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n", "cut short"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "damaged"),
        (b"%PDF-1.4\n" + b"\x00\xff" * 500 + b"\n%%EOF", "damaged"),
    ],
)
def test_a_damaged_pdf_is_refused(data, message):
    with pytest.raises(ReaderError, match=message):
        read(data)


def test_a_pdf_cut_short_is_refused_not_read_in_part():
    """A download cut off after its first pages would parse: it is refused instead."""
    data = (GOLDEN / "pdf" / f"{SEED.stem}.pdf").read_bytes()
    with pytest.raises(ReaderError, match="cut short"):
        read(data[: len(data) // 2])


def test_the_pdf_signature_not_the_file_name_decides():
    """PDF bytes named .txt are read as a PDF; text named .pdf is read as text."""
    pdf = (GOLDEN / "pdf" / f"{SEED.stem}.pdf").read_bytes()
    assert read(pdf, metadata=Metadata(filename="seed.txt")).format == "pdf"
    text = SEED.read_bytes()
    assert read(text, metadata=Metadata(filename="seed.pdf")).format == "text"


@pytest.mark.parametrize(
    ("left", "right", "words", "expected"),
    [
        ("they negoti\u00ad", "ations", set(), "they negotiations"),  # a soft hyphen: split
        ("Internation‐", "alization", set(), "Internationalization"),  # a browser's break
        ("the adminis-", "tration", {"administration"}, "the administration"),  # seen whole
        ("rules-", "based order", set(), "rules-based order"),  # the author's hyphen
        ("face-", "to-face", set(), "face-to-face"),  # the compound goes on
        ("co‐", "sponsoring", set(), "co-sponsoring"),  # a prefix keeps its hyphen
        ("future‐", "proof", {"future"}, "future-proof"),  # a word of the text on one side
        ("the U.S.-", "Mexico border", set(), "the U.S.-Mexico border"),  # a capital follows
        ("the drug-", "related", {"drug-related"}, "the drug-related"),  # hyphenated elsewhere
        ("we are", "the market", set(), "we are the market"),
    ],
)
def test_lines_broken_at_a_hyphen_are_joined_as_printed(left, right, words, expected):
    """A hyphen at a line end is undone only where it splits a word."""
    assert joined(left, right, words) == expected


@pytest.mark.parametrize("text", ["3", "3/8", "Page 3", "Page 3 of 8", "- 3 -", "3 of 8"])
def test_page_numbers_are_furniture(text):
    """A page number alone in a page's outer band is dropped, whatever its style."""
    body = [
        Line(f"line {i} of the body", 1, 0, 72, 500, 500, 700 - 14 * i, 712 - 14 * i, 12, 20, 3)
        for i in range(20)
    ]
    number = Line(text, 1, 1, 300, 310, 310, 30, 42, 12, 10, 3)
    assert furniture([Page((*body, number), 792, 612)]) == {number}


@pytest.mark.browser
def test_the_seed_printed_now_by_this_machines_chromium_reads_as_the_seed():
    """Not only the stored PDFs: whatever this Chromium prints today reads the same."""
    from tests.chromium import chromium_path
    from tests.pdf_samples import page_of_text, print_to_pdf

    text = SEED.read_text(encoding="utf-8")
    printed = read(print_to_pdf(page_of_text(text, SEED.name), SEED.stem, chromium_path()))
    expected = to_dict(read(text))
    assert {**to_dict(printed), "format": "text"} == expected
