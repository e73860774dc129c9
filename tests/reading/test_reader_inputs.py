"""Edge inputs: encodings, non-transcripts, format detection, metadata, the JSON contract."""

from __future__ import annotations

import datetime
import json

import pytest

from archive.reading import Metadata, ReaderError, read, to_dict

SHORT = "SECRETARY BLINKEN: Good morning — café.\n\nQUESTION: Thank you.\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        ("   \n\n ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        ("1234 5678 !!! ...", "no text"),
        (bytes(range(1, 32)) * 20, "binary"),
        ("<html><body>  </body></html>", "HTML"),
    ],
)
def test_non_transcripts_raise_reader_error_with_a_one_line_message(data, message):
    """Empty, binary and textless input raise ReaderError saying why, on one line."""
    with pytest.raises(ReaderError) as raised:
        read(data)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_utf8_with_bom_reads_without_warning():
    """A byte-order mark is dropped and UTF-8 decoded silently."""
    reading = read("\ufeff".encode() + SHORT.encode("utf-8"))
    assert reading.utterances[0].text == "Good morning — café."
    assert not any("1252" in w for w in reading.warnings)


def test_windows_1252_is_decoded_with_a_warning():
    """Bytes that are not UTF-8 are read as Windows-1252, and the reader says so."""
    reading = read(SHORT.encode("cp1252"))
    assert reading.utterances[0].text == "Good morning — café."
    assert any("Windows-1252" in w for w in reading.warnings)


def test_crlf_line_endings():
    """Windows line endings read like Unix ones."""
    assert len(read(SHORT.replace("\n", "\r\n")).utterances) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SHORT, "text"),
        ("<p><b>SECRETARY BLINKEN:</b> Hi.</p><p>More.</p><p>Yet more.</p>", "html"),
        ("<!DOCTYPE html><html><body><p>SECRETARY BLINKEN: Hi.</p></body></html>", "html"),
        ("---\ntitle: Remarks\n---\n\n" + SHORT, "markdown"),
        ("# Remarks by the President\n\nTHE PRESIDENT:  Hello.\n", "markdown"),
        ("We gather here today.\nPeace is our aim.\n", "speech"),
    ],
)
def test_format_is_detected_from_the_content(text, expected):
    """The content, not a file extension, tells HTML, Markdown, labelled text and speeches apart."""
    assert read(text, metadata=Metadata(filename="misleading.md")).format == expected


def test_metadata_fields_that_are_set_win_over_the_text():
    """Metadata fields that are set replace what the text says; empty ones do not."""
    text = (
        "---\ntitle: Remarks\ndate: '2021-08-23'\n---\n\nThe Istana\nSingapore, Singapore\n\n"
        + SHORT
    )
    given = Metadata(title="Joint remarks", date=datetime.date(2021, 8, 24), source_url="http://x")
    event = read(text, metadata=given).event
    assert (event.title, event.date, event.source_url) == ("Joint remarks", given.date, "http://x")
    assert (event.venue, event.city) == ("The Istana", "Singapore, Singapore")


def test_markdown_front_matter_gives_title_date_and_source():
    """Title, date and source_url come from front matter; a '| City' suffix gives the city."""
    text = (
        "---\ndate: '2021-08-23'\nsource_url: https://example.gov/a\n"
        'title: "Remarks by Vice President Harris in Joint Press Conference'
        ' | Singapore,\\_Singapore"\n'
        "---\n\n1:38 P.M. SST\n\n" + SHORT + "\n2:14 P.M. SST\n"
    )
    reading = read(text)
    event = reading.event
    assert event.title == "Remarks by Vice President Harris in Joint Press Conference"
    assert (event.date, event.city, event.kind) == (
        datetime.date(2021, 8, 23),
        "Singapore, Singapore",
        "Joint Press Conference",
    )
    assert reading.utterances[-1].text == "Thank you."


@pytest.mark.parametrize(
    "url, kept",
    [
        ("https://www.state.gov/a/", True),
        ("HTTP://example.gov/a?b=c", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("//evil.example/a", False),
        ("https://", False),
    ],
)
def test_only_web_addresses_are_kept_as_the_source(url, kept):
    markdown = read(f"---\ntitle: Remarks\nsource_url: '{url}'\n---\n\n" + SHORT)
    html = read(
        f'<html><head><link rel="canonical" href="{url}"></head><body>'
        "<h1>Remarks</h1><p>SECRETARY BLINKEN: Good morning.</p><p>Thank you.</p>"
        "<p>QUESTION: Thanks.</p></body></html>"
    )
    assert markdown.event.source_url == (url if kept else "")
    assert html.event.source_url == (url if kept else "")


def test_broken_front_matter_is_a_warning_not_an_error():
    """YAML that does not parse is ignored with a warning; the turns are still read."""
    reading = read("---\ntitle: [unclosed\ndate: 2021-13-45\n---\n\n" + SHORT)
    assert len(reading.utterances) == 2
    assert any("front matter" in w for w in reading.warnings)


def test_speech_speaker_from_metadata_or_file_name():
    """A speech has one turn; its speaker is the given one, else a placeholder with a warning."""
    speech = "We meet in difficult times.\nWe must act together.\n"
    named = read(speech, metadata=Metadata(speaker="Wang Yi", filename="CHN_78_2023.txt"))
    assert [(s.name, s.country) for s in named.speakers] == [("Wang Yi", "China")]
    assert named.utterances[0].attribution == "label"
    assert not any("speaker" in w for w in named.warnings)
    guessed = read(speech, metadata=Metadata(filename="USA_01_1946.txt"))
    assert guessed.speakers[0].name == "Representative of the United States"
    assert guessed.utterances[0].attribution == "inferred"
    assert "1st session" in guessed.event.title
    assert any("speaker not given" in w for w in guessed.warnings)
    # A code no country has names nobody: no "Representative of XYZ", and a warning says why.
    unknown = read(speech, metadata=Metadata(filename="XYZ_70_2015.txt"))
    assert (unknown.speakers[0].name, unknown.speakers[0].country) == ("Unidentified speaker", "")
    assert any("'XYZ' is unknown" in w for w in unknown.warnings)
    anonymous = read(speech)
    assert anonymous.speakers[0].kind == "role"
    assert len(anonymous.utterances[0].paragraphs) == 2


def test_markdown_without_labels_is_one_turn_with_a_warning():
    """Labelled formats without labels become one turn by the one person the title names."""
    text = "---\ntitle: Statement by President Biden on Ukraine\n---\n\nWe stand.\n\nWe act.\n"
    reading = read(text)
    assert len(reading.utterances) == 1
    assert reading.utterances[0].text == "We stand.\n\nWe act."
    assert reading.speakers[0].name == "Biden"
    assert any("no speaker labels" in w for w in reading.warnings)


def test_json_contract():
    """to_dict gives the agreed keys, JSON-serialisable, speakers named on each utterance."""
    data = to_dict(read(SHORT))
    json.dumps(data)
    assert set(data) >= {"format", "event", "speakers", "utterances", "warnings"}
    assert set(data["event"]) >= {"title", "kind", "date", "venue", "city", "source_url", "host"}
    speaker_keys = {"key", "name", "role", "affiliation", "country", "kind", "labels"}
    assert all(set(s) >= speaker_keys for s in data["speakers"])
    first = data["utterances"][0]
    assert set(first) >= {
        "sequence",
        "label",
        "speaker",
        "speaker_key",
        "attribution",
        "text",
        "paragraphs",
        "notes",
    }
    assert first["speaker"] == "Blinken"
    assert first["paragraphs"] == [{"text": "Good morning — café.", "interpreted": False}]


def test_given_speaker_speaks_unlabelled_text():
    """Metadata.speaker and country name whoever speaks text that has no labels."""
    text = "---\ntitle: Statement by President Biden on Ukraine\n---\n\nWe stand.\n"
    given = Metadata(speaker="Joseph R. Biden Jr.", country="United States")
    reading = read(text, metadata=given)
    assert [(s.name, s.country) for s in reading.speakers] == [(given.speaker, given.country)]
    assert reading.utterances[0].attribution == "label"


def test_a_given_title_answers_the_missing_title_warning():
    untitled = "SECRETARY BLINKEN: Good morning.\n\nQUESTION: Thank you.\n"
    assert "no title found before the first speaker label" in read(untitled).warnings
    given = read(untitled, metadata=Metadata(title="Remarks"))
    assert given.event.title == "Remarks" and not any("title" in w for w in given.warnings)


def test_markdown_links_keep_their_text_whatever_parentheses_their_url_holds():
    body = (
        "**SECRETARY BLINKEN:** See [the treaty](https://en.wikipedia.org/wiki/Treaty_(1949)) "
        "and [this](javascript:alert(3)) and ![a map](/map.png) here.\n"
    )
    reading = read("---\ntitle: Remarks\n---\n\n" + body)
    assert reading.utterances[0].text == "See the treaty and this and a map here."


BILLION_LAUGHS = """---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
title: *i
---
# Remarks

**MR SMITH:** Hello.
"""


def test_yaml_aliases_in_front_matter_are_refused_with_the_readers_error():
    """A few hundred bytes of nested aliases would expand to gigabytes: refused, at once."""
    with pytest.raises(ReaderError, match="alias") as raised:
        read(BILLION_LAUGHS.encode())
    assert "\n" not in str(raised.value)


def test_one_alias_is_refused_and_an_anchor_alone_is_read():
    """Metadata needs no alias; an anchor nothing refers to does no harm."""
    with pytest.raises(ReaderError, match="alias"):
        read("---\ntitle: &t Remarks\nvenue: *t\n---\n**MR SMITH:** Hello.\n")
    reading = read("---\ntitle: &t Remarks on Trade\n---\n**MR SMITH:** Hello there.\n")
    assert reading.event.title == "Remarks on Trade"
