"""The import's plain-statement inserts and lookups agree with the ORM's reading of the rows."""

import datetime

import pytest

from archive import plain_sql
from archive.models import Event, Speaker, SpeakerLabel, Utterance


def an_event(**values) -> Event:
    defaults = {
        "title": "Press Availability",
        "slug": "press-availability",
        "date": datetime.date(2021, 3, 18),
        "source_text": "SECRETARY BLINKEN: Good morning.",
        "checksum": "a" * 64,
        "reading_metadata": {"filename": "x.txt"},
    }
    return plain_sql.create(Event, **{**defaults, **values})


@pytest.mark.django_db
def test_create_returns_the_saved_row_with_defaults_and_dates():
    event = an_event()
    stored = Event.objects.get(pk=event.pk)
    assert not event._state.adding
    for name in ("title", "slug", "date", "kind", "venue", "reading_metadata", "created"):
        assert getattr(event, name) == getattr(stored, name)
    assert stored.kind == "other" and stored.created is not None


@pytest.mark.django_db
def test_insert_returns_the_new_ids_and_converts_json():
    event = an_event()
    speaker = Speaker.objects.create(name="Antony J. Blinken", slug="antony-j-blinken")
    marks = [0]
    values = [
        (
            event.pk,
            n,
            speaker.pk,
            "SECRETARY BLINKEN",
            f"Café, «quoted» {n}",
            marks,
            ["Laughter", 'Café «x» "y" \\ \u2014'],
            "label",
        )
        for n in range(1, 301)
    ]
    names = (
        "event_id",
        "sequence",
        "speaker_id",
        "label",
        "text",
        "interpreted_paragraphs",
        "notes",
    )
    ids = plain_sql.insert(Utterance, (*names, "attribution"), values, returning=True)
    assert sorted(ids) == sorted(Utterance.objects.values_list("pk", flat=True))
    assert len(ids) == 300
    last = Utterance.objects.get(sequence=300)
    assert (last.interpreted_paragraphs, last.notes) == (marks, list(values[-1][6]))
    assert last.text == "Café, «quoted» 300"


@pytest.mark.django_db
def test_insert_returns_every_id_across_several_batches():
    event = an_event()
    speaker = Speaker.objects.create(name="Ned Price", slug="ned-price")
    values = [
        (event.pk, n, speaker.pk, "MR PRICE", f"turn {n}", [], [], "label") for n in range(1, 2501)
    ]
    names = (
        "event_id",
        "sequence",
        "speaker_id",
        "label",
        "text",
        "interpreted_paragraphs",
        "notes",
    )
    names = (*names, "attribution")
    ids = plain_sql.insert(Utterance, names, values, returning=True)
    assert len(ids) == len(set(ids)) == 2500 == Utterance.objects.count()
    stored = dict(Utterance.objects.values_list("pk", "sequence"))
    assert stored == dict(zip(ids, range(1, 2501), strict=True))


def test_insert_refuses_to_return_ids_of_rows_it_may_skip():
    with pytest.raises(ValueError, match="skipped rows return no id"):
        plain_sql.insert(
            SpeakerLabel, ("speaker_id", "label"), [], returning=True, skip_existing=True
        )


@pytest.mark.django_db
def test_skip_existing_leaves_rows_a_unique_constraint_holds():
    speaker = Speaker.objects.create(name="Ned Price", slug="ned-price")
    plain_sql.insert(SpeakerLabel, ("speaker_id", "label"), [(speaker.pk, "MR PRICE")])
    plain_sql.insert(
        SpeakerLabel,
        ("speaker_id", "label"),
        [(speaker.pk, "MR PRICE"), (speaker.pk, "SPOKESPERSON PRICE")],
        skip_existing=True,
    )
    assert sorted(speaker.labels.values_list("label", flat=True)) == [
        "MR PRICE",
        "SPOKESPERSON PRICE",
    ]


@pytest.mark.django_db
def test_select_in_finds_rows_past_one_statement_of_parameters():
    Speaker.objects.bulk_create(
        [Speaker(name=f"Speaker {n}", slug=f"speaker-{n}") for n in range(1, 1201)]
    )
    wanted = [f"speaker-{n}" for n in range(1, 1301, 2)]
    found = plain_sql.select_in(Speaker, ["slug", "name"], "slug", wanted)
    assert sorted(found) == sorted((f"speaker-{n}", f"Speaker {n}") for n in range(1, 1201, 2))
    assert plain_sql.select_in(Speaker, ["slug"], "slug", []) == []
