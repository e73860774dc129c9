"""Model constraints, ordering and URLs."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from archive.models import Appearance, Event, Speaker, SpeakerLabel, Utterance

pytestmark = pytest.mark.django_db


def make_event(slug, date, checksum):
    return Event.objects.create(
        title=slug.title(), slug=slug, date=date, source_text="x", checksum=checksum
    )


def test_duplicate_sequence_in_one_event_is_rejected(utterance):
    with pytest.raises(IntegrityError), transaction.atomic():
        Utterance.objects.create(
            event=utterance.event, sequence=1, speaker=utterance.speaker, label="X", text="y"
        )


def test_same_sequence_in_another_event_is_fine(utterance):
    other = make_event("other", datetime.date(2018, 1, 1), "b" * 64)
    Utterance.objects.create(
        event=other, sequence=1, speaker=utterance.speaker, label="X", text="y"
    )
    assert Utterance.objects.filter(sequence=1).count() == 2


def test_duplicate_checksum_is_rejected(event):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event("copy", event.date, event.checksum)


def test_duplicate_label_for_one_speaker_is_rejected(speaker):
    SpeakerLabel.objects.create(speaker=speaker, label="SECRETARY TILLERSON")
    with pytest.raises(IntegrityError), transaction.atomic():
        SpeakerLabel.objects.create(speaker=speaker, label="SECRETARY TILLERSON")


def test_speaker_appears_once_per_event(event, speaker):
    Appearance.objects.create(event=event, speaker=speaker, role="Secretary of State")
    with pytest.raises(IntegrityError), transaction.atomic():
        Appearance.objects.create(event=event, speaker=speaker, role="Other")


def test_events_are_ordered_newest_first(event):
    older = make_event("older", datetime.date(2001, 1, 1), "c" * 64)
    newer = make_event("newer", datetime.date(2024, 1, 1), "d" * 64)
    assert list(Event.objects.all()) == [newer, event, older]


def test_utterances_are_ordered_by_sequence_and_speakers_by_name(utterance):
    second = Utterance.objects.create(
        event=utterance.event, sequence=2, speaker=utterance.speaker, label="X", text="y"
    )
    assert list(Utterance.objects.filter(event=utterance.event)) == [utterance, second]
    zed = Speaker.objects.create(name="Zed", slug="zed")
    abe = Speaker.objects.create(name="Abe", slug="abe")
    assert list(Speaker.objects.all()) == [abe, utterance.speaker, zed]


def test_absolute_urls(utterance):
    assert utterance.event.get_absolute_url() == "/events/press-availability-on-drugs/"
    assert utterance.speaker.get_absolute_url() == "/speakers/rex-w-tillerson/"
    assert utterance.get_absolute_url() == f"/utterances/{utterance.pk}/"


def test_queryset_reads(utterance):
    speaker, event = utterance.speaker, utterance.event
    assert list(Utterance.objects.by_speaker(speaker)) == [utterance]
    assert list(Utterance.objects.in_event(event)) == [utterance]
    assert list(Utterance.objects.between(event.date, event.date)) == [utterance]
    assert not Utterance.objects.between(start=event.date + datetime.timedelta(days=1)).exists()
    counted = Speaker.objects.with_counts().get()
    assert (counted.utterance_count, counted.event_count) == (1, 0)


def test_str_methods(utterance):
    assert str(utterance.speaker) == "Rex W. Tillerson"
    assert str(utterance.event) == "Press Availability on Drugs (18 May 2017)"
    assert str(utterance).startswith("SECRETARY TILLERSON: We are the market")


def test_paragraphs_are_the_text_split_at_blank_lines_with_their_marks(utterance):
    utterance.text, utterance.interpreted_paragraphs = "Uno.\n\nDos.\n\nTres.", [1]
    assert utterance.paragraphs == [
        {"text": "Uno.", "interpreted": False},
        {"text": "Dos.", "interpreted": True},
        {"text": "Tres.", "interpreted": False},
    ]
    assert utterance.interpreted
    utterance.text, utterance.interpreted_paragraphs = "", []
    assert utterance.paragraphs == [] and not utterance.interpreted


def test_clean_gives_the_text_the_readers_line_endings(utterance):
    utterance.text, utterance.interpreted_paragraphs = "One.\r\n\r\nTwo.\r\n", [1]
    utterance.full_clean()
    assert utterance.text == "One.\n\nTwo." and utterance.paragraphs[1]["interpreted"]


@pytest.mark.parametrize("marks", [[2], [-1], [True], ["0"], {"0": 1}, 5, [0, 0]])
def test_clean_refuses_marks_that_name_no_paragraph(utterance, marks):
    utterance.text, utterance.interpreted_paragraphs = "One.\n\nTwo.", marks
    with pytest.raises(ValidationError, match="numbers from 0 to 1: the text has 2 paragraphs"):
        utterance.full_clean()


def test_an_events_source_is_the_last_column_of_its_table():
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite reads a row's columns in order; PostgreSQL stores long text apart")
    with connection.cursor() as cursor:
        columns = [
            c.name for c in connection.introspection.get_table_description(cursor, "archive_event")
        ]
    assert columns[-1] == "source_text" and len(columns) == len(Event._meta.concrete_fields)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("archive_appearance", "event_id"),
        ("archive_appearance", "speaker_id"),
        ("archive_speakerlabel", "speaker_id"),
        ("archive_utterance", "event_id"),
        ("archive_utterance", "speaker_id"),
    ],
)
def test_a_foreign_key_that_leads_a_composite_index_has_no_index_of_its_own(table, column):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table).values()
    indexed = [c["columns"] for c in constraints if c["index"] or c["unique"]]
    assert [column] not in indexed
    assert any(len(columns) > 1 and columns[0] == column for columns in indexed)


def test_long_text_is_compressed_with_lz4_where_postgresql_can():
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL chooses a compression for each column")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_settings "
            "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
        if cursor.fetchone() is None:
            pytest.skip("this PostgreSQL server was built without lz4")
        cursor.execute(
            "SELECT attrelid::regclass::text, attname, attcompression FROM pg_attribute "
            "WHERE attrelid IN ('archive_event'::regclass, 'archive_utterance'::regclass) "
            "AND attname IN ('source_text', 'text')"
        )
        found = {(table, column): method for table, column, method in cursor.fetchall()}
    assert found == {("archive_event", "source_text"): "l", ("archive_utterance", "text"): "l"}


def test_an_event_titled_with_its_year_does_not_repeat_it(event):
    event.title, event.date_precision = "Russia (2017)", "year"
    assert str(event) == "Russia (2017)"


@pytest.mark.parametrize("model", [Utterance, Appearance])
def test_default_order_needs_no_join(model):
    assert "JOIN" not in str(model.objects.all().query)


def test_clean_takes_emptied_marks_and_notes_as_empty_lists(utterance):
    utterance.interpreted_paragraphs = utterance.notes = None
    utterance.full_clean()
    assert utterance.interpreted_paragraphs == [] and utterance.notes == []
