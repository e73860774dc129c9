"""The import service: the seed becomes the expected event, speakers and utterances."""

import dataclasses
import datetime

import pytest

from archive.importing import ImportRefused, import_reading, import_source
from archive.models import Appearance, Event, Speaker, SpeakerLabel, Utterance
from archive.reading import Metadata, read
from tests.importing.conftest import SEED, SOURCES

pytestmark = pytest.mark.django_db


def import_file(path):
    return import_source(data=path.read_bytes(), metadata=Metadata(filename=path.name))


def test_seed_yields_ten_speakers_and_35_utterances(seed_bytes):
    result = import_source(data=seed_bytes, metadata=Metadata(filename=SEED.name))
    assert result.created and result.utterance_count == 35
    event = result.event
    assert (event.date, event.kind, event.city) == (
        datetime.date(2017, 5, 18),
        "press-availability",
        "Washington, DC",
    )
    assert event.utterances.count() == 35
    assert Speaker.objects.count() == 10
    assert event.appearances.count() == 10
    assert event.source_text == seed_bytes.decode("utf-8")


def test_seed_speakers_resolved_with_roles_at_the_event(seed_bytes):
    event = import_source(data=seed_bytes).event
    # The registry names the person; the archive's speaker carries the registry's full name.
    kelly = Speaker.objects.get(name="John F. Kelly")
    assert kelly.person.slug == "john-f-kelly" and kelly.resolved
    assert kelly.role == "Secretary of Homeland Security"
    assert set(kelly.labels.values_list("label", flat=True)) == {"SECRETARY KELLY"}
    videgaray = Speaker.objects.get(name="Luis Videgaray Caso")
    assert set(videgaray.labels.values_list("label", flat=True)) == {
        "FOREIGN SECRETARY VIDEGARAY",
        "MR VIDEGARAY",
    }
    assert Appearance.objects.get(event=event, speaker=videgaray).role.endswith(
        "Secretary of Foreign Relations"
    )
    barrera = Speaker.objects.get(name="Ruben Barrera")
    assert barrera.affiliation == "Notimex"
    assert set(barrera.utterances.values_list("attribution", flat=True)) == {"inferred"}


def test_utterances_keep_paragraph_interpreter_flags_and_notes(seed_bytes):
    event = import_source(data=seed_bytes).event
    second = event.utterances.get(sequence=2)
    flags = [p["interpreted"] for p in second.paragraphs]
    assert flags[0] is False and flags[-1] is True
    for turn in read(seed_bytes).utterances:
        stored = event.utterances.get(sequence=turn.sequence).paragraphs
        assert stored == [{"text": p.text, "interpreted": p.interpreted} for p in turn.paragraphs]
    notes = [note for u in event.utterances.all() for note in u.notes]
    assert any("inaudible" in note for note in notes)


def test_same_source_twice_creates_nothing_and_names_the_event(seed_bytes):
    first = import_source(data=seed_bytes)
    counts = [m.objects.count() for m in (Event, Speaker, SpeakerLabel, Utterance)]
    again = import_source(data=seed_bytes.replace(b"\n", b"\r\n"))
    assert not again.created and again.event == first.event
    assert [m.objects.count() for m in (Event, Speaker, SpeakerLabel, Utterance)] == counts


def test_state_department_files_share_one_blinken():
    files = sorted((SOURCES / "state-dept").glob("secretary-antony-j-blinken-and-*.html"))[:4]
    for path in files:
        assert import_file(path).created
    blinkens = Speaker.objects.filter(name__icontains="Blinken")
    assert blinkens.count() == 1
    assert blinkens.get().appearances.count() == len(files)


def test_second_import_matches_speakers_by_label(seed_bytes):
    import_source(data=seed_bytes)
    text = seed_bytes.decode().replace("May 18, 2017", "May 19, 2017")
    import_source(data=text)
    assert Speaker.objects.filter(name="John F. Kelly").count() == 1
    assert Speaker.objects.get(name="John F. Kelly").appearances.count() == 2


def test_missing_date_is_refused_with_a_clear_message():
    reading = read("Some Remarks\n\nMR SMITH: Hello there.\n\nMS JONES: Hello back.\n")
    assert reading.event.date is None
    with pytest.raises(ImportRefused, match="date"):
        import_reading(reading=reading, source_text="x")
    assert not Event.objects.exists()


def test_overrides_win_over_the_reading(seed_bytes):
    reading = read(seed_bytes)
    result = import_reading(
        reading=reading,
        source_text=seed_bytes.decode(),
        overrides={"title": "Renamed", "date": datetime.date(2017, 5, 17), "kind": ""},
    )
    assert result.event.title == "Renamed"
    assert result.event.date == datetime.date(2017, 5, 17)
    assert result.event.kind == "press-availability"


def test_admin_choice_of_existing_speaker_is_used(seed_bytes):
    chosen = Speaker.objects.create(name="J. F. Kelly", slug="j-f-kelly")
    reading = read(seed_bytes)
    kelly_key = next(s.key for s in reading.speakers if s.name == "John Kelly")
    import_reading(
        reading=reading, source_text=seed_bytes.decode(), speaker_choices={kelly_key: chosen}
    )
    assert chosen.utterances.count() == sum(1 for u in reading.utterances if u.speaker == kelly_key)
    assert not Speaker.objects.filter(name="John Kelly").exists()


def test_an_overlong_title_is_refused_with_the_limit_and_writes_nothing():
    title = " ".join(["Remarks"] * 80)
    text = f"---\ntitle: '{title}'\ndate: 2021-03-18\n---\n\n" + SEED.read_text()
    with pytest.raises(ImportRefused, match="title is 639 characters long, more than .* 500"):
        import_source(data=text)
    assert not Event.objects.exists() and not Speaker.objects.exists()


def test_overlong_speaker_names_labels_and_roles_are_cut_to_their_columns(seed_bytes):
    reading = read(seed_bytes)
    long = "X" * 400
    first = dataclasses.replace(
        reading.speakers[0], name=f"Ann {long}", role=long, labels=(f"MS {long}",)
    )
    reading = dataclasses.replace(reading, speakers=(first, *reading.speakers[1:]))
    result = import_reading(reading=reading, source_text=seed_bytes.decode())
    speaker = result.event.appearances.get(speaker__name__startswith="Ann X").speaker
    assert (len(speaker.name), len(speaker.role), len(speaker.sort_name)) == (200, 300, 200)
    assert [len(label) for label in speaker.labels.values_list("label", flat=True)] == [200]
