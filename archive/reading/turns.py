"""Shared turn logic: cut a sequence of text chunks into a preamble and labelled speaker turns."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from archive.reading.labels import Label, parse_label, split_label
from archive.reading.notes import ends_sentence

EMPHASIS = re.compile(r"(\*\*?)(?=\S)([^*\n]+?)(?<=\S)\1")  # not "\*{1,2}": re skips to "*"


class Chunk(NamedTuple):
    """One line (text, Markdown) or paragraph (HTML) of the body, with its source line."""

    # A named tuple rather than a frozen dataclass: one is made per line, several times faster.
    text: str
    line: int
    new_paragraph: bool = True


@dataclass(frozen=True)
class RawTurn:
    """A labelled turn before notes and interpreter markers are read: raw paragraph texts."""

    label: Label
    line: int
    paragraphs: tuple[str, ...]


def clean_inline(text: str) -> str:
    """Return text with non-breaking spaces made plain and *emphasis* markers removed."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\t", "    ")
    return EMPHASIS.sub(r"\2", text) if "*" in text else text


def label_candidates(chunks: list[Chunk]) -> list[tuple[str, str] | None]:
    """Return, for each chunk, the (label, rest) it would start with, if any."""
    return [split_label(chunk.text) for chunk in chunks]


def starts_turn(chunks: list[Chunk], i: int, label: Label, counts: Counter) -> bool:
    """Return whether chunk i begins a turn rather than continuing a sentence."""
    previous = chunks[i - 1].text if i else ""
    after_sentence = not previous.strip() or ends_sentence(previous)
    if label.strong:
        return chunks[i].new_paragraph or after_sentence
    # A lone upper-case word such as "NATO:" is a label only if the document repeats it.
    return chunks[i].new_paragraph and after_sentence and counts[label.printed] >= 2


def segment(chunks: list[Chunk]) -> tuple[tuple[Chunk, ...], tuple[RawTurn, ...]]:
    """Return the chunks before the first turn and the labelled turns."""
    found = label_candidates(chunks)
    counts = Counter(c[0] for c in found if c)
    preamble: list[Chunk] = []
    turns: list[tuple[Label, int, list[str]]] = []
    for i, chunk in enumerate(chunks):
        candidate = found[i]
        label = parse_label(candidate[0]) if candidate else None
        if label and starts_turn(chunks, i, label, counts):
            turns.append((label, chunk.line, [candidate[1]] if candidate[1] else []))
        elif not turns:
            preamble.append(chunk)
        else:
            paragraphs = turns[-1][2]
            if chunk.new_paragraph or not paragraphs:
                paragraphs.append(chunk.text.strip())
            else:
                paragraphs[-1] = f"{paragraphs[-1].rstrip()} {chunk.text.strip()}"
    return tuple(preamble), tuple(RawTurn(lb, line, tuple(ps)) for lb, line, ps in turns)


def line_chunks(text: str, hard_breaks: bool = False) -> list[Chunk]:
    """Return the non-blank lines of a text as chunks; a blank line starts a paragraph."""
    lines = text.split("\n")
    blocks = any(not line.strip() for line in lines[1:-1])
    chunks: list[Chunk] = []
    fresh = True
    # Cleaned in one go, which is faster: nothing clean_inline changes spans two lines.
    for number, line in enumerate(clean_inline(text).split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            fresh = True
            continue
        chunks.append(Chunk(stripped, number, fresh or not blocks))
        fresh = hard_breaks and (line.endswith("  ") or line.endswith("\\"))
    return chunks


def paragraphs_of(chunks: list[Chunk] | tuple[Chunk, ...]) -> tuple[str, ...]:
    """Return chunks joined into paragraphs: a chunk that starts a paragraph opens a new one."""
    result: list[str] = []
    for chunk in chunks:
        if chunk.new_paragraph or not result:
            result.append(chunk.text)
        else:
            result[-1] = f"{result[-1]} {chunk.text}"
    return tuple(result)
