"""PDF input: the text layer read with pdfminer.six, refused with a reason when there is none."""

from __future__ import annotations

import io
import logging
import re
import statistics
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from archive.reading.pdf_layout import Line, Page, laid_out
from archive.reading.types import ReaderError

SIGNATURE = b"%PDF-"
MAX_PAGES = 1000
MIN_SIZE = 1.0  # points
UNMAPPED = re.compile(r"\(cid:\d+\)")
LIGATURES = re.compile("[\ufb00-\ufb06]")
NO_TEXT_LAYER = "no text layer: run OCR first"
ENCRYPTED = "the PDF is encrypted with a password: upload a copy saved without one"
CUT_SHORT = "the PDF is damaged or cut short (it does not end as a PDF ends): save it again"

# pdfminer logs each oddity of a damaged file; the refusal says what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass(frozen=True)
class PdfText:
    """The text a PDF holds, the address and heads its pages ran with, and warnings."""

    text: str
    source_url: str = ""
    running: str = ""
    warnings: tuple[str, ...] = ()
    pages: int = 0


def is_pdf(data: bytes | str) -> bool:
    """Return whether the input is a PDF file, told by its signature."""
    return isinstance(data, bytes) and data[:1024].lstrip().startswith(SIGNATURE)


def plain(text: str) -> str:
    """Return glyph text with ligatures spelt out and control characters made spaces."""
    text = LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return "".join(c if c.isprintable() else " " for c in text)


def is_space(glyph) -> bool:
    """Return whether a glyph (or pdfminer's inferred gap) is a space."""
    return not glyph.get_text().strip()


def zero_width(glyphs: list, i: int) -> bool:
    """Return whether glyph i is a space drawn where the next glyph starts, taking no room."""
    glyph = glyphs[i]
    if not isinstance(glyph, LTChar) or glyph.get_text() != " ":
        return False
    after = next((g for g in glyphs[i + 1 :] if isinstance(g, LTChar)), None)
    # A browser draws an unused soft hyphen so: "admin\u00adistration" must stay one word.
    return after is not None and after.x0 < glyph.x1 - glyph.width / 2


def first_word_width(inked: list[LTChar], glyphs: list) -> float:
    """Return the width of a line's first word, up to where a line may break after it."""
    end = inked[0].x1
    run: list = []
    for glyph in glyphs[glyphs.index(inked[0]) :]:
        if not is_space(glyph):
            if run:
                break
            end = max(end, glyph.x1)
        else:
            run.append(glyph)
    # Of two spaces a browser drew, the first is a no-break space: it stays with the word.
    if len(run) > 1 and isinstance(run[-2], LTChar):
        end = max(end, run[-2].x1)
    return end - inked[0].x0


def space_width(glyphs: list, size: float) -> float:
    """Return the width of a space on the line: drawn, else the narrowest gap between words."""
    drawn = [g.width for g in glyphs if isinstance(g, LTChar) and g.get_text() == " "]
    if drawn:
        return min(drawn)
    gaps = [
        after.x0 - before.x1
        for before, gap, after in zip(glyphs, glyphs[1:], glyphs[2:], strict=False)
        if is_space(gap) and isinstance(before, LTChar) and isinstance(after, LTChar)
    ]
    return min((g for g in gaps if g > 0), default=size * 0.25)


def line_of(line: LTTextLine, page: int, box: int) -> Line | None:
    """Return one pdfminer text line as a Line, or None if it holds nothing but spaces."""
    everything = list(line)
    glyphs = [g for i, g in enumerate(everything) if not zero_width(everything, i)]
    inked = [g for g in glyphs if isinstance(g, LTChar) and not is_space(g)]
    text = " ".join(plain("".join(g.get_text() for g in glyphs)).split())
    size = statistics.median(abs(g.size) for g in inked) if inked else 0.0
    if not text or size < MIN_SIZE:
        return None  # nothing, or type too small to be read: no words of the transcript
    x0, x1 = min(g.x0 for g in inked), max(g.x1 for g in inked)
    end = max(g.x1 for g in glyphs if isinstance(g, LTChar))
    width, space = first_word_width(inked, glyphs), space_width(glyphs, size)
    return Line(text, page, box, x0, x1, end, line.y0, line.y1, size, width, space)


def page_of(layout: LTPage, number: int) -> tuple[Page, bool]:
    """Return a page's lines in pdfminer's reading order, and whether it shows an image."""
    lines: list[Line] = []
    image = False
    for box, item in enumerate(layout):
        if isinstance(item, LTTextBox):
            lines += filter(None, (line_of(x, number, box) for x in item))
        image = image or isinstance(item, (LTImage, LTFigure))
    return Page(tuple(lines), layout.height, layout.width), image


def opened(data: bytes) -> PDFDocument:
    """Return the parsed document; one that needs a password is refused."""
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise ReaderError(ENCRYPTED) from None


def pages_of(data: bytes) -> tuple[list[Page], list[int]]:
    """Return the pages of a PDF and the numbers of those that are images without text."""
    document = opened(data)
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    pages, scanned = [], []
    for number, pdf_page in enumerate(PDFPage.create_pages(document), 1):
        if number > MAX_PAGES:
            raise ReaderError(f"the PDF has more than {MAX_PAGES:,} pages: split it")
        interpreter.process_page(pdf_page)
        page, image = page_of(device.get_result(), number)
        pages.append(page)
        if image and not page.lines:
            scanned.append(number)
    return pages, scanned


def read_pages(data: bytes) -> tuple[list[Page], list[int]]:
    """Return the pages of a PDF; a damaged, cut or locked one raises ReaderError."""
    # A cut file can still parse, its last pages silently lost: a whole one ends with %%EOF.
    if b"%%EOF" not in data[-2048:]:
        raise ReaderError(CUT_SHORT)
    try:
        return pages_of(data)
    except ReaderError:
        raise
    except Exception as error:  # noqa: BLE001 - pdfminer raises anything on a damaged file
        name = type(error).__name__
        raise ReaderError(f"the PDF is damaged and cannot be read ({name})") from None


def extracted(data: bytes) -> PdfText:
    """Return the text of a PDF; raise ReaderError when it is damaged, locked or a scan."""
    pages, scanned = read_pages(data)
    text, url, running = laid_out(pages)
    letters = sum(c.isalpha() for c in text)
    unmapped = len(UNMAPPED.findall(text))
    if unmapped * 20 > letters or not letters:
        # Glyphs without letters behind them (no Unicode map) are a picture of text too.
        pictured = scanned or unmapped or not pages
        raise ReaderError(NO_TEXT_LAYER if pictured else "the PDF holds no text")
    warnings = tuple(
        f"page {n} of {len(pages)} is an image without text: its words are missing (run OCR)"
        for n in scanned
    )
    return PdfText(text, url, running, warnings, len(pages))


@lru_cache(maxsize=4)
def pdf_text(data: bytes) -> PdfText:
    """Return the text of a PDF, remembered for the few files read twice in a row."""
    return extracted(data)
