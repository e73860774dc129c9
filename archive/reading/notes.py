"""Turn a turn's raw paragraphs into Paragraphs and notes: boilerplate, page breaks, directions."""

from __future__ import annotations

import re

from archive.reading.lexicon import edit_distance
from archive.reading.types import Paragraph

BOILERPLATE = re.compile(
    r"^(?:The Office of Website Management\b|This is a mobile copy of\b|"
    r"Official Website of the U\.S\. Department of State\b|END\b(?:\s+\d{1,2}:\d{2}.*)?$|"
    r"\(?\d{1,2}:\d{2}\s*[AaPp]\.?\s*[Mm]\.?(?:\s+[A-Z]{2,4})?\)?$|_{3,}$|\*\s*\*\s*\*$|"
    r"Page \d+(?: of \d+)?$)",
)
TERMINAL = tuple('.?!:;"”’)]—–-…')
PAREN = re.compile(r"\(([^()\n]{1,120})\)")
MARKER_ON = re.compile(
    r"(?:via|through)(?: an?| the)? (?:interpreter|interpretation|translator|translation)|"
    r"as interpreted|interpreted|translated|in translation",
    re.I,
)
MARKER_OFF = re.compile(r"(?:in|speaking|speaks|speaks in) english", re.I)
NOTE = re.compile(
    r"inaudible|laughter|laughs|applause|off[- ]?mi(?:ke|c)|cross-?talk|in progress|"
    r"unintelligible|indiscernible|audio|technical difficult|pause|interruption|"
    r"no (?:response|translation)|music|silence|chuckles|coughs|phone rings|recording|"
    r"concluded|adjourned|approaches|break\b|points? to|gestures|nods|referring to|speaks in|"
    r"indicates|shakes hands|cheers|boos|sighs|crowd|translation|"
    r"^in (?:Arabic|Spanish|French|Russian|Ukrainian|Moldovan|Romanian|Japanese|Korean|Chinese|"
    r"Mandarin|German|Italian|Portuguese|Hindi|Turkish|Hebrew|Persian|Farsi|Greek|Polish|Danish|"
    r"Greenlandic|Albanian|Serbian)$",
    re.I,
)
GAP = re.compile(r"inaudible|off[- ]?mi|cross-?talk|unintelligible|indiscernible|audio", re.I)
SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;:?!])")  # in text whose spaces are single
STRAY_COMMA = re.compile(r"^[,;]\s*")
MID_SENTENCE = re.compile(r"\s*[,;:a-z]")
TYPO_ON = ("via interpreter", "through interpreter", "through an interpreter", "as interpreted")


def is_boilerplate(text: str) -> bool:
    """Return whether a paragraph is page furniture (footer, time stamp, page number, rule)."""
    return bool(BOILERPLATE.match(text.strip()))


def ends_sentence(text: str) -> bool:
    """Return whether text ends where a sentence or a quotation can end."""
    return text.rstrip().endswith(TERMINAL)


def join_page_breaks(paragraphs: list[str]) -> list[str]:
    """Return paragraphs with those split mid-sentence by a page break joined again."""
    joined: list[str] = []
    for text in paragraphs:
        if joined and text[:1].islower() and not ends_sentence(joined[-1]):
            joined[-1] = f"{joined[-1].rstrip()} {text.lstrip()}"
        else:
            joined.append(text)
    return joined


def single_spaced(text: str) -> str:
    """Return text with each run of whitespace made one space, and none at either end."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # already so, as most text is: printable text has no whitespace but " "
    return " ".join(text.split())


def tidy(text: str) -> str:
    """Return text with runs of spaces collapsed and no space before punctuation."""
    text = SPACE_BEFORE_PUNCT.sub("", single_spaced(text))
    return STRAY_COMMA.sub("", text)


def marker(content: str) -> str:
    """Return "on" or "off" for an interpreter marker, allowing a typo ("Via intrerpreter")."""
    if MARKER_ON.fullmatch(content):
        return "on"
    if MARKER_OFF.fullmatch(content):
        return "off"
    folded = content.casefold()
    if len(folded) >= 10 and any(edit_distance(folded, m, 2) <= 2 for m in TYPO_ON):
        return "on"
    return ""


def classify(inner: str, whole: bool) -> str:
    """Return what a parenthesis holds: 'on', 'off', 'note', 'gap' or 'text'."""
    content = inner.strip().rstrip(".").strip()
    found = marker(content)
    if found:
        return found
    if NOTE.search(content) and len(content.split()) <= 8:
        return "gap" if GAP.search(content) else "note"
    return "note" if whole else "text"


def pieces(text: str) -> list[tuple[str, str]]:
    """Return a paragraph cut into (kind, text) pieces around markers and stage directions."""
    if "(" not in text:
        return [("text", text)] if text.strip() else []  # the usual paragraph: nothing to cut
    whole = bool(PAREN.fullmatch(text.strip()))
    result, position = [], 0
    for match in PAREN.finditer(text):
        kind = classify(match.group(1), whole)
        if kind == "text":
            continue
        result.append(("text", text[position : match.start()]))
        result.append((kind, match.group(0)))
        position = match.end()
    result.append(("text", text[position:]))
    return [(kind, piece) for kind, piece in result if kind != "text" or piece.strip()]


def inside_sentence(before: str, after: str) -> bool:
    """Return whether a gap between these two texts falls inside a sentence."""
    if before.strip() and not ends_sentence(before):
        return True
    return bool(MID_SENTENCE.match(after))


def read_paragraph(text: str, interpreted: bool) -> tuple[list[Paragraph], list[str], bool]:
    """Return one raw paragraph's Paragraphs, notes, and the interpreter state after it."""
    paragraphs, notes, buffer, state = [], [], "", interpreted
    cut = pieces(text)
    for i, (kind, piece) in enumerate(cut):
        after = cut[i + 1][1] if i + 1 < len(cut) and cut[i + 1][0] == "text" else ""
        if kind == "text":
            buffer += piece
        elif kind in ("note", "gap"):
            notes.append(" ".join(piece.split()))
            # Mid-sentence, the gap stays in the words as an editor marks one ("holding
            # [inaudible] elections"): a bare "…" would read as a cut in the quote.
            within = kind == "gap" and inside_sentence(buffer, after)
            buffer += f" [{piece[1:-1].strip().rstrip('.').strip()}] " if within else " "
        else:
            interpreted = kind == "on"
            if buffer.strip() and ends_sentence(buffer):
                paragraphs.append(Paragraph(tidy(buffer), state))
                buffer = ""
            state = interpreted
    tidied = tidy(buffer)
    if tidied.strip():
        paragraphs.append(Paragraph(tidied, state))
    return paragraphs, notes, interpreted


def build(raw: list[str]) -> tuple[tuple[Paragraph, ...], tuple[str, ...]]:
    """Return the Paragraphs and notes of one turn's raw paragraph texts."""
    kept = join_page_breaks([p for p in raw if p.strip() and not is_boilerplate(p)])
    paragraphs: list[Paragraph] = []
    notes: list[str] = []
    interpreted = False
    for text in kept:
        found, noted, interpreted = read_paragraph(text, interpreted)
        paragraphs.extend(found)
        notes.extend(noted)
    return tuple(paragraphs), tuple(notes)
