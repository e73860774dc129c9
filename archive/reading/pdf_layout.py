"""A PDF's text lines put back into text: page furniture dropped, lines joined, hyphens undone."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import NamedTuple

from archive.reading.labels import split_label
from archive.reading.notes import ends_sentence
from archive.reading.pdf_columns import in_reading_order

# Running heads and feet sit in the outer eighth of a page, a browser's in its outer fifteenth.
FURNITURE_BAND = 0.12
EDGE_BAND = 0.07
EDGE_ROWS = 2
EDGE_GAP = 9  # points between the page's edge and any line printed whole: an eighth of an inch
MASTHEAD_LINES = 3
PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?", re.I)
DIGITS = re.compile(r"\d+")
WORD = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")
# A browser prints the page's address at the foot, then the page number; a long one it elides.
URL = re.compile(r"(https?://[^\s…]+[^\s….])(?:\s+\d+\s*/\s*\d+)?")
HYPHENS = ("-", "‐")
SOFT_HYPHEN = "\u00ad"
# Prefixes that keep their hyphen however a line breaks after them (co-sponsor, re-election).
PREFIXES = frozenset(
    "co re ex pre post non anti self multi semi pro counter cross well vice mid inter "
    "ultra quasi neo pan bi tri sub super over under all half de e".split()
)


class Line(NamedTuple):
    """One line of text on a page, its box (pdfminer's paragraph guess) and its geometry."""

    text: str
    page: int
    box: int
    x0: float
    x1: float  # right end of the last glyph that is no space
    end: float  # right end of the line's glyphs, a space drawn after its last word included
    y0: float
    y1: float
    size: float
    first_word: float  # width of the line's first word, to tell whether it fit on the line above
    space: float  # width of a space in the line's font


class Page(NamedTuple):
    """The lines of one page in reading order, and the page's size."""

    lines: tuple[Line, ...]
    height: float
    width: float = 0.0


def body_size(pages: list[Page]) -> float:
    """Return the font size most of the document's letters are set in."""
    sizes: Counter = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def edge_rows(page: Page) -> list[list[Line]]:
    """Return the outermost rows of lines at the top and the bottom of a page."""
    rows: list[list[Line]] = []
    for reverse in (True, False):
        ordered = sorted(page.lines, key=lambda line: line.y1 if reverse else -line.y0)
        ordered.reverse()
        taken: list[list[Line]] = []
        for line in ordered:
            if taken and abs(line.y0 - taken[-1][0].y0) <= line.size / 2:
                taken[-1].append(line)
            elif len(taken) < EDGE_ROWS:
                taken.append([line])
            else:
                break
        rows += taken
    return rows


def outer_share(line: Line, height: float) -> float:
    """Return how far a line sits from the nearer top or bottom edge, as a share of the page."""
    return min(height - line.y1, line.y0) / height if height else 1.0


def shape(text: str) -> str:
    """Return a line's text with its numbers blanked: a running head with its page number."""
    return " ".join(DIGITS.sub("#", text.casefold()).split())


def furniture(pages: list[Page]) -> set[Line]:
    """Return the running heads, feet and page numbers: outer rows repeated, numbered, or small."""
    size = body_size(pages)
    candidates = [
        line
        for page in pages
        for row in edge_rows(page)
        for line in row
        if outer_share(line, page.height) <= FURNITURE_BAND
    ]
    pages_of: dict[str, set[int]] = {}
    for line in candidates:
        pages_of.setdefault(shape(line.text), set()).add(line.page)
    needed = max(2, math.ceil(len(pages) * 0.4))
    heights = {line.page: page.height for page in pages for line in page.lines}
    return {
        line
        for line in candidates
        if len(pages_of[shape(line.text)]) >= needed
        or PAGE_NUMBER.fullmatch(line.text.strip())
        or (line.size < size * 0.85 and outer_share(line, heights[line.page]) <= EDGE_BAND)
    }


def masthead(lines: list[Line], size: float) -> list[Line]:
    """Return the site name and kicker printed above the first page's title, if any."""
    # A browser's print of a ministry's page starts "U.S. Department of State", "Transcript",
    # then the title in large type: read as text, the masthead would pass for the title.
    first_page = [line for line in lines if line.page == lines[0].page] if lines else []
    heading = next(
        (i for i, line in enumerate(first_page[: MASTHEAD_LINES + 1]) if line.size >= size * 1.25),
        0,
    )
    above = first_page[:heading]
    if all(len(line.text.split()) <= 6 and line.size < first_page[heading].size for line in above):
        return above
    return []


def right_edges(placed: list[tuple[Line, str]]) -> dict[Line, float]:
    """Return, for each line, how far the lines of its column and type reach at the longest."""
    # A column's lines start where its boxes do; the widest of them marks the right margin.
    starts: dict[tuple[int, int], float] = {}
    reach: dict[tuple[int, str], dict[tuple[int, int], float]] = {}
    for line, column in placed:
        key = (line.page, line.box)
        starts[key] = min(starts.get(key, line.x0), line.x0)
        kind = (round(line.x0 / line.size), round(line.size))
        found = reach.setdefault((line.page, column), {})
        found[kind] = max(found.get(kind, 0.0), line.x1)
    edges = {}
    for line, column in placed:
        start = starts[(line.page, line.box)]
        near = [
            x1
            for (left, size), x1 in reach[(line.page, column)].items()
            if abs(left * size - start) <= line.size * 1.5
            and abs(size - line.size) <= max(1, line.size * 0.1)
        ]
        edges[line] = max([line.x1, *near])
    return edges


def fits(line: Line, following: Line, edge: float) -> bool:
    """Return whether the next line's first word would have fit at the end of this line."""
    # A browser draws a no-break space at the end of a line, not the space it broke at.
    return line.end + line.space + following.first_word <= edge


def vocabulary(lines: list[Line]) -> set[str]:
    """Return the words of the document, leaving out the halves of words broken at line ends."""
    words: set[str] = set()
    broken = False
    for line in lines:
        found = WORD.findall(line.text.casefold())
        if broken and found:
            found = found[1:]
        broken = line.text.rstrip().endswith((*HYPHENS, SOFT_HYPHEN))
        if broken and found:
            found = found[:-1]
        for word in found:
            words.add(word)
            words.update(re.split(r"[-‐]", word))
    return words


def split_word(left: str, right: str, words: set[str]) -> bool:
    """Return whether a hyphen at a line end splits one word ('negoti-ations'), not a compound."""
    head = WORD.findall(left[:-1].casefold())
    tail = WORD.findall(right.casefold())
    if left.endswith(SOFT_HYPHEN) or not head or not tail or not right[:1].islower():
        return left.endswith(SOFT_HYPHEN)
    first, rest = head[-1], tail[0]
    last = re.split(r"[-‐]", rest)[0]
    if f"{first}-{rest}" in words or f"{first}‐{rest}" in words or last != rest:
        return False  # the document hyphenates it elsewhere, or "face-to-face" goes on
    if first + last in words:
        return True
    # A hyphen-minus is the author's ("rules-based"); a browser breaks a word with U+2010,
    # which is undone where neither half is a word of the document.
    return left.endswith("‐") and first not in PREFIXES and not {first, last} & words


def joined(left: str, right: str, words: set[str]) -> str:
    """Return two wrapped lines as one: a split word made whole, a compound's hyphen kept."""
    left, right = left.rstrip(), right.lstrip()
    # "- " after a space is a dash between words, not a hyphen.
    if left.endswith((*HYPHENS, SOFT_HYPHEN)) and left[-2:-1].strip() and right[:1].isalnum():
        if split_word(left, right, words):
            return left[:-1] + right
        return left[:-1] + "-" + right
    return f"{left} {right}"


def continues(previous: Line, line: Line, edge: float) -> bool:
    """Return whether a box at the top of a new page or column carries on the paragraph above."""
    new_column = line.page != previous.page or line.y1 > previous.y0 + line.size
    if not new_column or fits(previous, line, edge):
        return False
    # A label after a finished sentence opens a turn, however full the line before it was.
    return not (ends_sentence(previous.text) and split_label(line.text))


def separator(previous: Line | None, line: Line, edge: float, margin: float) -> str:
    """Return what goes between two lines: nothing (joined), a line break or a paragraph break."""
    if previous is None:
        return ""
    if line.box == previous.box and line.page == previous.page:
        if not fits(previous, line, edge):
            return ""
        # A line broken short after a sentence ends its paragraph, as does an indented line.
        indented = line.x0 > margin + line.size
        return "\n\n" if indented or ends_sentence(previous.text) else "\n"
    return "" if continues(previous, line, edge) else "\n\n"


def running_url(lines: list[Line], width: float) -> str:
    """Return the web address a browser printed in the running foot, if whole (not elided)."""
    # One that runs off the page was cut there, though the file holds its letters beyond.
    whole = (line for line in lines if not width or line.end < width - EDGE_GAP)
    found = Counter(match.group(1) for line in whole if (match := URL.fullmatch(line.text)))
    return found.most_common(1)[0][0] if found else ""


def text_of(placed: list[tuple[Line, str]]) -> str:
    """Return the text of lines in reading order, one line per printed line break."""
    edges = right_edges(placed)
    lines = [line for line, _ in placed]
    words = vocabulary(lines)
    margins: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.box)
        margins[key] = min(margins.get(key, line.x0), line.x0)
    out: list[str] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        gap = separator(previous, line, edges.get(previous, 0.0), margins[(line.page, line.box)])
        if gap or not out:
            out.append(gap + line.text)
        else:
            out[-1] = joined(out[-1], line.text, words)
    return "".join(out)


class Layout(NamedTuple):
    """The text of a PDF, and what its running heads and feet said: an address, a publisher."""

    text: str
    source_url: str
    running: str


def laid_out(pages: list[Page]) -> Layout:
    """Return the text of the pages without their furniture, and what the furniture said."""
    found = furniture(pages)
    dropped = [line for page in pages for line in page.lines if line in found]
    lines = [line for page in pages for line in page.lines if line not in found]
    size = body_size(pages)
    top = masthead(lines, size)
    # The masthead names the publisher, as running heads do; read as text it would pass for
    # the title.
    running = "\n".join(dict.fromkeys(line.text for line in [*top, *dropped]))
    text = text_of(in_reading_order(lines[len(top) :], size))
    width = min((page.width for page in pages), default=0.0)
    return Layout(text, running_url(dropped, width), running)
