"""Property tests: mangled real transcripts never break the reader, and lose no spoken words."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.reading import PARAGRAPH_BREAK, Metadata, ReaderError, read
from archive.reading.labels import split_label
from archive.reading.markdown import FRONT_MATTER, plain_line
from archive.reading.notes import is_boilerplate

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCES = {
    "text": DATA / "seed" / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt",
    "markdown": next((DATA / "golden" / "markdown").glob("2021-08-23-*.md")),
    "speech": DATA / "golden" / "speech" / "CHN_78_2023.txt",
    "html": next((DATA / "golden" / "html").glob("*heiko-maas*.html")),
}
TEXTS = {kind: path.read_text(encoding="utf-8") for kind, path in SOURCES.items()}
WORD = re.compile(r"[^\W_]+")
PARENTHESES = re.compile(r"\([^()\n]*\)")
JUNK = st.text(alphabet="abcdefghij klmnop,.;-", max_size=40)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mangled(draw, kinds=("text", "markdown", "speech", "html")):
    """Return (kind, text): a real transcript with lines dropped, doubled, junk added, cut short."""
    kind = draw(st.sampled_from(kinds))
    lines = TEXTS[kind].split("\n")
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["drop", "double", "junk", "blank", "split", "join"]))
        if action == "drop" and lines:
            del lines[at]
        elif action == "double" and lines:
            lines.insert(at, lines[at])
        elif action == "split" and lines:
            cut = draw(st.integers(0, len(lines[at])))
            lines[at : at + 1] = [lines[at][:cut], lines[at][cut:]]
        elif action == "join" and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
        elif action == "junk":
            lines.insert(at, draw(JUNK))
        else:
            lines.insert(at, "")
    text = "\n".join(lines)
    cut = draw(st.integers(0, len(text)))
    return kind, text[: cut if draw(st.booleans()) else len(text)]


def read_or_refuse(data, metadata: Metadata | None = None):
    """Return the reading, or None when the reader refuses the input with ReaderError."""
    try:
        return read(data, metadata=metadata or Metadata())
    except ReaderError:
        return None


def assert_text_splits_into_paragraphs(reading) -> None:
    """Fail unless each turn's paragraphs are non-empty single lines that its text splits into.

    The archive stores a turn's text alone and splits it at PARAGRAPH_BREAK to show paragraphs.
    """
    for turn in reading.utterances:
        texts = [p.text for p in turn.paragraphs]
        assert all(text and "\n" not in text for text in texts), texts
        assert (turn.text.split(PARAGRAPH_BREAK) if turn.text else []) == texts


@SETTINGS
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400)))
def test_random_input_only_ever_raises_reader_error(data):
    """Arbitrary bytes or text give a reading or a ReaderError, nothing else."""
    reading = read_or_refuse(data)
    if reading is not None:
        assert_text_splits_into_paragraphs(reading)


@SETTINGS
@given(mangled())
def test_mangled_transcripts_only_ever_raise_reader_error(case):
    """Truncated, shuffled and junk-filled real transcripts never crash the reader."""
    kind, text = case
    reading = read_or_refuse(text.encode("utf-8"), Metadata(filename=SOURCES[kind].name))
    if reading is not None:
        keys = {s.key for s in reading.speakers}
        assert all(u.speaker in keys for u in reading.utterances)
        assert [u.sequence for u in reading.utterances] == list(
            range(1, len(reading.utterances) + 1)
        )
        assert_text_splits_into_paragraphs(reading)


def body_paragraphs(kind: str, text: str, first_turn_line: int) -> list[str]:
    """Return the blank-line separated blocks from the first turn on, labels and boilerplate out."""
    lines = text.split("\n")
    if kind == "markdown":
        lines = [plain_line(line) for line in lines]
    kept, block = [], []
    for number, line in enumerate([*lines, ""], 1):
        if not line.strip():
            # A time stamp may wrap ("2:14" then "P.M. SST"): furniture as a whole, too.
            furniture = any(map(is_boilerplate, block)) or is_boilerplate(" ".join(block))
            if block and not furniture:
                kept.append(" ".join(block))
            block = []
        elif number >= first_turn_line:
            found = split_label(line.replace("\u00a0", " "))
            block.append(found[1] if found else line)
    return kept


@SETTINGS
@given(mangled(kinds=("text", "markdown", "speech")))
def test_no_spoken_word_is_lost(case):
    """Every word after the header, apart from labels, notes and boilerplate, is in an utterance."""
    kind, text = case
    reading = read_or_refuse(text, Metadata(filename=SOURCES[kind].name))
    if reading is None:
        return
    front = FRONT_MATTER.match(text) if kind == "markdown" else None
    after_front = text.count("\n", 0, front.end()) + 1 if front else 1
    labelled = [u.source_line for u in reading.utterances if u.label]
    start = min(labelled) if labelled else after_front
    spoken = " ".join(PARENTHESES.sub(" ", p) for p in body_paragraphs(kind, text, start))
    said = {w.casefold() for u in reading.utterances for w in WORD.findall(u.text)}
    lost = [w for w in WORD.findall(spoken) if w.casefold() not in said]
    assert not lost, lost[:20]
