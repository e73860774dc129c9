"""A write whose event or speaker another writer removed meanwhile says so, and writes nothing."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from archive.importing import (
    Vanished,
    delete_events,
    import_reading,
    import_source,
    merge_speakers,
    reread_event,
)
from archive.models import Event, Speaker, Utterance
from archive.reading import read

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_event(seed_bytes):
    return import_source(data=seed_bytes).event


def test_a_reread_of_an_event_deleted_meanwhile_is_refused(seed_event):
    delete_events(events=Event.objects.filter(pk=seed_event.pk))
    with pytest.raises(Vanished, match="deleted meanwhile: nothing was re-read"):
        reread_event(event=seed_event)
    assert not Utterance.objects.exists()


def test_the_admins_reread_of_an_event_deleted_meanwhile_is_a_message(
    admin_client, seed_event, monkeypatch
):
    from archive.upload import admin as upload_admin

    real = upload_admin.reread_event

    def deleted_first(*, event):
        delete_events(events=Event.objects.filter(pk=event.pk))
        return real(event=event)

    monkeypatch.setattr(upload_admin, "reread_event", deleted_first)
    chosen = {"action": "reread_events", ACTION_CHECKBOX_NAME: [seed_event.pk], "reread": "1"}
    url = reverse("admin:archive_event_changelist")
    response = admin_client.post(url, chosen, follow=True)
    assert response.status_code == 200
    assert "could not be re-read" in response.content.decode()
    assert "deleted meanwhile" in response.content.decode()


def test_a_merge_into_a_speaker_merged_away_meanwhile_is_refused(seed_event):
    kelly = Speaker.objects.get(name="John F. Kelly")
    twin = Speaker.objects.create(name="J. Kelly", slug="j-kelly")
    third = Speaker.objects.create(name="Jack Kelly", slug="jack-kelly")
    merge_speakers(keep=kelly, speakers=[kelly, twin])
    with pytest.raises(Vanished, match="“J. Kelly” was merged or deleted meanwhile"):
        merge_speakers(keep=twin, speakers=[twin, third])
    assert Speaker.objects.filter(pk=third.pk).exists()


def test_the_admins_merge_of_a_speaker_merged_meanwhile_is_a_message(
    admin_client, seed_event, monkeypatch
):
    from archive.upload import admin as upload_admin

    kelly = Speaker.objects.get(name="John F. Kelly")
    twin = Speaker.objects.create(name="J. Kelly", slug="j-kelly")
    real = upload_admin.merge_speakers

    def merged_first(*, keep, speakers):
        real(keep=keep, speakers=speakers)
        return real(keep=keep, speakers=speakers)

    monkeypatch.setattr(upload_admin, "merge_speakers", merged_first)
    data = {
        "action": "merge_speakers",
        ACTION_CHECKBOX_NAME: [kelly.pk, twin.pk],
        "merge": "Merge",
        "keep": kelly.pk,
    }
    response = admin_client.post(reverse("admin:archive_speaker_changelist"), data, follow=True)
    assert response.status_code == 200
    assert "merged or deleted meanwhile" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_import_as_a_speaker_merged_meanwhile_goes_to_the_one_kept(seed_bytes, seed_event):
    kelly = Speaker.objects.get(name="John F. Kelly")
    twin = Speaker.objects.create(name="J. Kelly", slug="j-kelly")
    text = seed_bytes.decode().replace("Can I go first?", "May I go first?")
    reading = read(text)
    key = next(s.key for s in reading.speakers if s.name == "John Kelly")
    merge_speakers(keep=twin, speakers=[kelly, twin])
    result = import_reading(reading=reading, source_text=text, speaker_choices={key: kelly})
    assert result.created
    assert result.event.utterances.filter(speaker=twin).exists()


@pytest.mark.django_db(transaction=True)
def test_an_import_as_a_speaker_deleted_meanwhile_is_refused(seed_bytes, seed_event):
    chosen = Speaker.objects.create(name="Jack Kelly", slug="jack-kelly")
    text = seed_bytes.decode().replace("Can I go first?", "May I go first?")
    reading = read(text)
    key = next(s.key for s in reading.speakers if s.name == "John Kelly")
    Speaker.objects.filter(pk=chosen.pk).delete()
    with pytest.raises(Vanished, match="“Jack Kelly” chosen for this import was deleted"):
        import_reading(reading=reading, source_text=text, speaker_choices={key: chosen})
    assert Event.objects.count() == 1
