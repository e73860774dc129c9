"""A PDF page's columns: each read down to its foot before the next, a heading across them kept."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from archive.reading.pdf_layout import Line


class Block(NamedTuple):
    """The lines of one of pdfminer's boxes and the rectangle they fill."""

    lines: tuple[Line, ...]
    x0: float
    x1: float
    y1: float

    @property
    def letters(self) -> int:
        return sum(len(line.text) for line in self.lines)


def blocks_of(lines: list[Line]) -> list[Block]:
    """Return a page's lines grouped by their box, in pdfminer's order."""
    grouped: dict[int, list[Line]] = {}
    for line in lines:
        grouped.setdefault(line.box, []).append(line)
    return [
        Block(tuple(g), min(x.x0 for x in g), max(x.x1 for x in g), max(x.y1 for x in g))
        for g in grouped.values()
    ]


def gutter(blocks: list[Block], size: float) -> tuple[float, float] | None:
    """Return the white strip before a second column of text, if the blocks stand in two."""
    margin = min(b.x0 for b in blocks)
    total = sum(b.letters for b in blocks)
    starts: Counter = Counter()
    for block in blocks:
        starts[round(block.x0)] += block.letters
    for start, letters in starts.most_common():
        # Each column holds a fifth of the text at least: a right-aligned date line is none.
        left = [b for b in blocks if b.x1 <= start - size]
        if (
            start > margin + size
            and letters * 5 >= total
            and sum(b.letters for b in left) * 5 >= total
        ):
            return max(b.x1 for b in left), start
    return None


Placed = tuple[Block, str]  # a block and the column it stands in ("", "0", "1", "10"…)


def column_order(blocks: list[Block], size: float, column: str = "") -> list[Placed]:
    """Return blocks in reading order: each column down to its foot before the next column."""
    found = gutter(blocks, size) if len(blocks) > 1 and len(column) < 3 else None
    if found is None:
        return [(block, column) for block in blocks]  # one column: pdfminer's own order
    low, high = found
    ordered: list[Placed] = []
    section: list[Block] = []
    for block in sorted(blocks, key=lambda b: -b.y1):
        if block.x0 < high - size / 2 and block.x1 > low + size / 2:  # across, as a heading is
            ordered += sides_in_order(section, low, size, column) + [(block, column)]
            section = []
        else:
            section.append(block)
    return ordered + sides_in_order(section, low, size, column)


def sides_in_order(section: list[Block], low: float, size: float, column: str) -> list[Placed]:
    """Return the blocks left of the gutter in order, then those right of it."""
    left = [b for b in section if b.x1 <= low + size / 2]
    right = [b for b in section if b.x1 > low + size / 2]
    return column_order(left, size, column + "0") + column_order(right, size, column + "1")


def in_reading_order(lines: list[Line], size: float) -> list[tuple[Line, str]]:
    """Return the lines of the pages, each page's columns read one after the other."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return [
        (line, column)
        for page_lines in pages.values()
        for block, column in column_order(blocks_of(page_lines), size)
        for line in block.lines
    ]
