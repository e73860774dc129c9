"""The seed transcript's reading, and that of the seed printed to PDF, match its *.expected.json.

How the expected file's prose fields are checked:
- speakers are matched by key; `role` "journalist" means kind journalist, "unnamed moderator"
  means a role (no person: kind role), a role mentioning "moderator" means kind moderator (the
  prose describes the role), any other role is compared;
- the reading is made with the shipped people registry, as the archive reads, and names stay
  as the transcript prints them ("Nauert": the registry links the person, not the reading);
- `starts_with` is compared word by word, stage directions taken out of the expected words (they
  are notes, not the speaker's words) and found in the utterance's notes instead;
- `paragraph_joins` are compared with the *italic* markers taken out, as the reader removes them;
- `language_switches` name the paragraph where "(Via interpreter)" or "(In English)" starts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archive.reading import SPEAKER_JOURNALIST, SPEAKER_MODERATOR, SPEAKER_ROLE, read
from archive.reading.registry import from_records, read_records

DATA = Path(__file__).resolve().parents[1] / "data" / "seed"
SOURCE = DATA / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt"
EXPECTED = json.loads(SOURCE.with_suffix(".expected.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[2]
REGISTRY = from_records(read_records(ROOT / "fixtures" / "registry" / "people.yaml"))
# Printed by headless Chromium (tests/reading/make_pdfs.py): its heads, feet and page breaks gone.
PRINTED = DATA.parent / "golden" / "pdf" / SOURCE.with_suffix(".pdf").name
READINGS = {
    "text": read(SOURCE.read_bytes(), registry=REGISTRY),
    "pdf": read(PRINTED.read_bytes(), registry=REGISTRY),
}
DIRECTION = re.compile(r"\((?:inaudible|Off-mike\.)\)")
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Return the words of text, without punctuation."""
    return WORD.findall(text)


@pytest.fixture(params=sorted(READINGS))
def reading(request):
    """Return the reading of the seed as text, then as the PDF printed from it."""
    return READINGS[request.param]


def utterance(reading, sequence: int):
    """Return the reading's utterance with this sequence number."""
    return reading.utterances[sequence - 1]


def test_event_fields(reading):
    """Title, kind, date, venue, city and host are as expected."""
    event = reading.event
    for name, value in EXPECTED["event"].items():
        actual = getattr(event, name)
        assert (actual.isoformat() if name == "date" else actual) == value, name


def test_speaker_count_and_keys(reading):
    """The ten speakers are found, under the expected keys."""
    assert {s.key for s in reading.speakers} == set(EXPECTED["speakers"])


@pytest.mark.parametrize("key", sorted(EXPECTED["speakers"]))
def test_speaker_fields(reading, key):
    """Each speaker's name, role, affiliation, country and labels are as expected."""
    expected, speaker = EXPECTED["speakers"][key], reading.speaker(key)
    assert speaker.name == expected["name"]
    assert list(speaker.labels) == expected["labels"]
    assert speaker.affiliation == expected.get("affiliation", "")
    assert speaker.country == expected.get("country", speaker.country)
    role = expected.get("role", "")
    if role == "journalist":
        assert speaker.kind == SPEAKER_JOURNALIST
    elif "unnamed moderator" in role:
        assert speaker.kind == SPEAKER_ROLE
    elif "moderator" in role:
        assert speaker.kind == SPEAKER_MODERATOR
    else:
        assert speaker.role == role


def test_utterance_count(reading):
    """All 35 turns are read, no more."""
    assert len(reading.utterances) == EXPECTED["utterance_count"] == 35


@pytest.mark.parametrize("expected", EXPECTED["utterances"], ids=lambda u: str(u["sequence"]))
def test_utterance_fields(reading, expected):
    """Sequence, source line, label, speaker, first words and interpreter flag are as expected."""
    found = utterance(reading, expected["sequence"])
    assert found.sequence == expected["sequence"]
    assert found.source_line == expected["source_line"]
    assert found.label == expected["label"]
    assert found.speaker == expected["speaker"]
    start = expected["starts_with"]
    assert words(found.text)[: len(words(DIRECTION.sub("", start)))] == words(
        DIRECTION.sub("", start)
    )
    assert all(d in found.notes for d in DIRECTION.findall(start))
    first = found.paragraphs[0].interpreted if found.paragraphs else False
    assert first == expected["starts_via_interpreter"]


def test_questions_are_inferred_and_other_turns_labelled(reading):
    """QUESTION turns carry the inferred journalist; every other turn its printed label."""
    for found in reading.utterances:
        journalist = reading.speaker(found.speaker).kind == SPEAKER_JOURNALIST
        assert found.attribution == ("inferred" if journalist else "label")


@pytest.mark.parametrize("phrase", EXPECTED["paragraph_joins"])
def test_page_break_joins(reading, phrase):
    """Each paragraph split by a page break is one paragraph again."""
    phrase = phrase.replace("*", "")
    assert any(phrase in p.text for u in reading.utterances for p in u.paragraphs)


@pytest.mark.parametrize("switch", EXPECTED["language_switches"], ids=lambda s: str(s["sequence"]))
def test_language_switches(reading, switch):
    """From "(Via interpreter)" paragraphs are interpreted; from "(In English)" they are not."""
    marker, start = re.search(r'starting "\(([^)]*)\) ([^"]+)"', switch["note"]).groups()
    paragraphs = utterance(reading, switch["sequence"]).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith(start))
    interpreted = marker.lower().startswith("via")
    assert paragraphs[at].interpreted is interpreted
    assert all(p.interpreted is not interpreted for p in paragraphs[:at])
    assert all(p.interpreted is interpreted for p in paragraphs[at:])


@pytest.mark.parametrize("direction", EXPECTED["stage_directions"])
def test_stage_directions_are_notes(reading, direction):
    """Stage directions are notes of the turn, not words of the speaker."""
    assert any(direction in u.notes for u in reading.utterances)
    assert not any(direction in u.text for u in reading.utterances)


@pytest.mark.parametrize("phrase", EXPECTED["boilerplate_to_drop"])
def test_boilerplate_dropped(reading, phrase):
    """The site's footer is in no utterance."""
    assert not any(phrase in u.text for u in reading.utterances)


def test_only_warning_is_the_misprinted_label(reading):
    """The seed reads cleanly but for the OUESTION misprint, which the reader reports."""
    assert reading.warnings == ("label 'OUESTION' read as 'QUESTION'",)
