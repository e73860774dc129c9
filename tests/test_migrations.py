"""Data migrations: what they make of rows written under the schema before them, and back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("archive", "0007_event_source_text_last")]
AFTER = [("archive", "0008_utterance_interpreted_paragraphs")]
SHOWN = [{"text": "One.", "interpreted": False}, {"text": "Two.", "interpreted": True}]


@pytest.fixture
def migrate(transactional_db):
    """Return a function that migrates the test database to some nodes and returns their apps."""

    def to(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    to(MigrationExecutor(connection).loader.graph.leaf_nodes())


def old_turns(apps) -> None:
    """Write two turns as 0007 stored them: one as read, one whose text an admin edited alone."""
    event = apps.get_model("archive", "Event").objects.create(
        title="T", slug="t", date=datetime.date(2020, 1, 1), source_text="x", checksum="c" * 64
    )
    speaker = apps.get_model("archive", "Speaker").objects.create(name="A B", slug="a-b")
    turns = apps.get_model("archive", "Utterance").objects
    common = {"event": event, "speaker": speaker, "label": "A"}
    turns.create(sequence=1, text="One.\n\nTwo.", paragraphs=SHOWN, **common)
    edited = [{"text": "Shown  on the page.", "interpreted": False}]
    turns.create(sequence=2, text="edited here alone", paragraphs=edited, **common)


def test_paragraphs_become_marks_on_the_text_and_come_back(migrate):
    old_turns(migrate(BEFORE))
    turns = migrate(AFTER).get_model("archive", "Utterance").objects.order_by("sequence")
    assert list(turns.values_list("text", "interpreted_paragraphs")) == [
        ("One.\n\nTwo.", [1]),
        ("Shown on the page.", []),
    ]
    turns = migrate(BEFORE).get_model("archive", "Utterance").objects.order_by("sequence")
    assert list(turns.values_list("paragraphs", flat=True)) == [
        SHOWN,
        [{"text": "Shown on the page.", "interpreted": False}],
    ]


def test_speakers_get_their_registry_persons_sort_name_and_their_keys(migrate):
    apps = migrate([("archive", "0015_source_files_for_pdfs")])
    people = apps.get_model("registry", "Person").objects
    person = people.create(
        name="Park Jin", family_name="Park", sort_name="Park, Jin", slug="park-jin-migrated"
    )
    other = people.create(name="Luis Videgaray", family_name="Videgaray", slug="lv-migrated")
    speakers = apps.get_model("archive", "Speaker").objects
    speakers.create(name="Park Jin", slug="park-jin", person=person)
    speakers.create(name="Ned Price", slug="ned-price", sort_name="Price, Ned")
    speakers.create(name="Luis Videgaray", slug="lv", person=other, sort_name="Kept, As Given")
    speakers.create(name="Pedro Sánchez", slug="pedro-sanchez")
    apps = migrate([("archive", "0016_speaker_name_and_sort_keys")])
    rows = apps.get_model("archive", "Speaker").objects.order_by("slug")
    assert list(rows.values_list("slug", "sort_name", "name_key", "sort_key")) == [
        ("lv", "Kept, As Given", "luis videgaray", "kept00as0given"),
        ("ned-price", "Price, Ned", "ned price", "price00ned"),
        ("park-jin", "Park, Jin", "park jin", "park00jin"),
        ("pedro-sanchez", "", "pedro sanchez", "pedro0sanchez"),
    ]
