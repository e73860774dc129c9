"""A delete or a re-read leaves no speaker behind with no event, listed and matched as present."""

import pytest

from archive.importing import delete_events, import_source, reread_event
from archive.models import Event, Speaker, SpeakerLabel
from archive.reading import read

pytestmark = pytest.mark.django_db


def test_deleting_the_only_event_of_speakers_removes_them(seed_bytes):
    event = import_source(data=seed_bytes).event
    assert Speaker.objects.exists()
    delete_events(events=Event.objects.filter(pk=event.pk))
    assert not Speaker.objects.exists() and not SpeakerLabel.objects.exists()


def test_a_speaker_of_another_event_stays(seed_bytes):
    first = import_source(data=seed_bytes).event
    second = import_source(data=seed_bytes.replace(b"Can I go first?", b"May I go first?")).event
    tillerson = Speaker.objects.get(name__contains="Tillerson")
    assert tillerson.appearances.count() == 2
    delete_events(events=Event.objects.filter(pk=first.pk))
    assert Speaker.objects.get(pk=tillerson.pk).appearances.get().event == second


def test_a_speaker_made_by_hand_with_no_event_stays(seed_bytes):
    by_hand = Speaker.objects.create(name="Ann Archivist", slug="ann-archivist")
    event = import_source(data=seed_bytes).event
    delete_events(events=Event.objects.filter(pk=event.pk))
    assert list(Speaker.objects.all()) == [by_hand]


def test_an_import_after_a_delete_matches_no_deleted_speaker(client, seed_bytes):
    event = import_source(data=seed_bytes).event
    old_speakers = set(Speaker.objects.values_list("pk", flat=True))
    delete_events(events=Event.objects.filter(pk=event.pk))
    page = client.get("/speakers/").content.decode()
    assert "Tillerson" not in page
    import_source(data=seed_bytes)
    assert not old_speakers & set(Speaker.objects.values_list("pk", flat=True))


def test_a_reread_that_drops_a_speaker_removes_them(seed_bytes):
    event = import_source(data=seed_bytes).event
    kelly = Speaker.objects.get(name="John F. Kelly")
    text = seed_bytes.decode().replace("SECRETARY KELLY:", "SECRETARY TILLERSON:")
    reread_event(event=event, reading=read(text))
    assert not Speaker.objects.filter(pk=kelly.pk).exists()
    assert Speaker.objects.filter(name__contains="Tillerson").exists()
