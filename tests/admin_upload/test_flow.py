"""The whole upload flow in the test client: upload, preview, correct, confirm."""

import datetime

import pytest
from django.urls import reverse

from archive.models import Event, PendingUpload, Speaker, SpeakerLabel, Utterance

from .helpers import SEED, confirm, paste, preview_data, preview_url, upload, upload_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def kelly(db):
    """Return an archive speaker already known as SECRETARY KELLY."""
    speaker = Speaker.objects.create(name="John Kelly", slug="john-kelly")
    SpeakerLabel.objects.create(speaker=speaker, label="SECRETARY KELLY")
    return speaker


def test_upload_page_and_links(admin_client):
    page = admin_client.get(upload_url())
    assert page.status_code == 200
    assert b'type="file"' in page.content and b"5.0\xc2\xa0MB" in page.content
    assert upload_url().encode() in admin_client.get(reverse("admin:index")).content
    changelist = admin_client.get(reverse("admin:archive_event_changelist"))
    assert upload_url().encode() in changelist.content


def test_upload_redirects_to_a_preview_and_writes_no_event(admin_client):
    response = upload(admin_client)
    pending = PendingUpload.objects.get()
    assert response.url == preview_url(pending)
    assert pending.source_name == SEED.name
    assert pending.source_text == SEED.read_text(encoding="utf-8")
    assert not Event.objects.exists() and not Speaker.objects.exists()


def test_preview_shows_metadata_speakers_turns_and_matches(admin_client, pending_seed, kelly):
    page = admin_client.get(preview_url(pending_seed))
    assert page.status_code == 200
    html = page.content.decode()
    assert "18 May 2017" in html and "Press availability" in html and "Washington, DC" in html
    rows = {entry.reading.name: entry for entry in page.context["preview"].speakers}
    assert rows["John Kelly"].match == kelly
    assert "SECRETARY KELLY" in rows["John Kelly"].reading.labels
    assert rows["Luis Videgaray Caso"].match is None
    assert len(page.context["preview"].turns) == 35
    assert "[Interpreted]" in html and "inferred: no speaker label printed" in html
    assert f'href="{reverse("admin:archive_speaker_change", args=[kelly.pk])}"' in html
    assert not Event.objects.exists()


def test_preview_shows_the_registry_person_of_each_speaker(admin_client, pending_seed):
    page = admin_client.get(preview_url(pending_seed))
    rows = {row.reading.key: row for row in page.context["preview"].speakers}
    assert rows["nauert"].person.name == "Heather Nauert"  # the transcript says only MS NAUERT
    assert rows["moderator"].person is None
    assert "Heather Nauert</a>" in page.content.decode()
    assert "a role, not a person" in page.content.decode()


def test_preview_survives_a_reload(admin_client, pending_seed):
    first = admin_client.get(preview_url(pending_seed))
    again = admin_client.get(preview_url(pending_seed))
    assert again.status_code == 200 and again.context["preview"] == first.context["preview"]


def test_confirm_imports_and_redirects_to_the_event(admin_client, pending_seed, kelly):
    response = confirm(admin_client, pending_seed)
    event = Event.objects.get()
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert event.utterances.count() == 35 and event.source_name == SEED.name
    assert kelly.utterances.exists() and Speaker.objects.filter(name="John Kelly").count() == 1
    page = admin_client.get(response.url).content.decode()
    assert "Imported “" in page and ": 35 turns." in page
    assert f'<a href="{upload_url()}">Upload another</a>' in page
    assert f'href="{reverse("admin:archive_event_change", args=[event.pk])}"' in page
    pending_seed.refresh_from_db()
    assert pending_seed.event == event


def test_confirm_schedules_the_new_turns_for_the_index(admin_client, pending_seed, monkeypatch):
    from archive.search import queue

    scheduled = []
    monkeypatch.setattr(queue, "enqueue", lambda ids: scheduled.extend(ids))
    confirm(admin_client, pending_seed)
    assert sorted(scheduled) == sorted(Utterance.objects.values_list("pk", flat=True))


def test_upload_metadata_wins_over_the_transcript(admin_client):
    upload(admin_client, title="Tillerson and Kelly with Mexico", city="Washington")
    pending = PendingUpload.objects.get()
    page = admin_client.get(preview_url(pending))
    assert page.context["form"]["title"].value() == "Tillerson and Kelly with Mexico"
    confirm(admin_client, pending)
    event = Event.objects.get()
    assert (event.title, event.city) == ("Tillerson and Kelly with Mexico", "Washington")


def test_corrections_in_the_preview_are_kept_and_imported(admin_client, pending_seed):
    shown = admin_client.get(preview_url(pending_seed))
    data = preview_data(shown, title="Corrected title", date="2017-05-19", kind="remarks")
    response = admin_client.post(preview_url(pending_seed), {**data, "_update": "1"})
    assert response.url == preview_url(pending_seed) and not Event.objects.exists()
    pending_seed.refresh_from_db()
    assert pending_seed.overrides["title"] == "Corrected title"
    assert "Corrected title" in admin_client.get(preview_url(pending_seed)).content.decode()
    confirm(admin_client, pending_seed)
    event = Event.objects.get()
    assert (event.title, event.date, event.kind) == (
        "Corrected title",
        datetime.date(2017, 5, 19),
        "remarks",
    )


def test_admin_can_choose_another_existing_speaker(admin_client, pending_seed):
    other = Speaker.objects.create(name="J. F. Kelly", slug="j-f-kelly")
    shown = admin_client.get(preview_url(pending_seed))
    index = next(
        i for i, s in enumerate(shown.context["preview"].speakers) if s.reading.name == "John Kelly"
    )
    confirm(admin_client, pending_seed, **{f"speaker_{index}": other.pk})
    assert other.utterances.exists()
    assert not Speaker.objects.filter(name="John Kelly").exists()


def test_admin_can_choose_a_new_speaker_over_the_match(admin_client, pending_seed, kelly):
    shown = admin_client.get(preview_url(pending_seed))
    index = next(
        i for i, s in enumerate(shown.context["preview"].speakers) if s.reading.name == "John Kelly"
    )
    confirm(admin_client, pending_seed, **{f"speaker_{index}": ""})
    assert not kelly.utterances.exists()
    assert Speaker.objects.filter(name="John Kelly").count() == 2


def kelly_field(shown) -> str:
    speakers = shown.context["preview"].speakers
    return f"speaker_{next(i for i, s in enumerate(speakers) if s.reading.name == 'John Kelly')}"


def update_preview(client, upload, **changes):
    """Press "Update preview" on the preview as shown, with changes; return the page it leads to."""
    shown = client.get(preview_url(upload))
    response = client.post(preview_url(upload), {**preview_data(shown, **changes), "_update": "1"})
    assert response.status_code == 302 and response.url == preview_url(upload)
    return client.get(preview_url(upload))


def test_update_preview_keeps_the_import_as_correction(admin_client, pending_seed, kelly):
    other = Speaker.objects.create(name="J. F. Kelly", slug="j-f-kelly")
    field = kelly_field(admin_client.get(preview_url(pending_seed)))
    shown = update_preview(admin_client, pending_seed, **{field: other.pk})
    assert shown.context["form"][field].value() == other.pk
    assert "The preview shows your corrections" in shown.content.decode()
    shown = update_preview(admin_client, pending_seed, title="A corrected title")
    assert shown.context["form"][field].value() == other.pk
    confirm(admin_client, pending_seed, shown)
    assert other.utterances.exists() and not kelly.utterances.exists()
    assert Event.objects.get().title == "A corrected title"


def test_update_preview_keeps_a_new_speaker_chosen_over_the_match(
    admin_client, pending_seed, kelly
):
    field = kelly_field(admin_client.get(preview_url(pending_seed)))
    shown = update_preview(admin_client, pending_seed, **{field: ""})
    assert shown.context["form"][field].value() is None
    confirm(admin_client, pending_seed, shown)
    assert not kelly.utterances.exists()
    assert Speaker.objects.filter(name="John Kelly").count() == 2


def test_a_chosen_speaker_merged_away_since_falls_back_to_the_match(
    admin_client, pending_seed, kelly
):
    other = Speaker.objects.create(name="J. F. Kelly", slug="j-f-kelly")
    field = kelly_field(admin_client.get(preview_url(pending_seed)))
    update_preview(admin_client, pending_seed, **{field: other.pk})
    other.delete()
    shown = admin_client.get(preview_url(pending_seed))
    assert shown.context["form"][field].value() == kelly.pk


def test_pasted_text_imports_like_a_file(admin_client, seed_bytes):
    response = paste(admin_client, seed_bytes.decode("utf-8"))
    pending = PendingUpload.objects.get()
    assert response.url == preview_url(pending) and pending.source_name == ""
    confirm(admin_client, pending)
    assert Event.objects.get().utterances.count() == 35


def test_discard_deletes_the_pending_upload(admin_client, pending_seed):
    response = admin_client.post(preview_url(pending_seed), {"_discard": "1"})
    assert response.url == upload_url()
    assert not PendingUpload.objects.exists() and not Event.objects.exists()


def test_reload_after_confirm_points_at_the_event(admin_client, pending_seed):
    confirm(admin_client, pending_seed)
    response = admin_client.get(preview_url(pending_seed))
    assert response.url == Event.objects.get().get_absolute_url()


def test_confirmed_quotes_are_searchable_at_once(
    admin_client, pending_seed, django_capture_on_commit_callbacks
):
    from haystack.query import SearchQuerySet

    with django_capture_on_commit_callbacks(execute=True):
        confirm(admin_client, pending_seed)
    results = SearchQuerySet().models(Utterance).filter(content="coresponsibility")
    assert [result.object.speaker.name for result in results] == ["John Kelly"]


def test_speaker_choice_autocompletes_archive_speakers(admin_client, pending_seed, kelly):
    page = admin_client.get(preview_url(pending_seed)).content.decode()
    assert 'data-model-name="utterance"' in page and 'data-field-name="speaker"' in page
    query = {"app_label": "archive", "model_name": "utterance", "field_name": "speaker"}
    found = admin_client.get(reverse("admin:autocomplete"), {**query, "term": "kel"}).json()
    assert [row["text"] for row in found["results"]] == ["John Kelly"]


UN_SPEECH = SEED.parents[1] / "un-general-debate" / "USA_01_1946.txt"


def test_unchanged_year_only_date_stays_year_only(admin_client):
    upload(admin_client, data=UN_SPEECH.read_bytes(), name=UN_SPEECH.name)
    pending = PendingUpload.objects.get()
    page = admin_client.get(preview_url(pending)).content.decode()
    assert "(year only)" in page and "gives only the year" in page
    confirm(admin_client, pending)
    event = Event.objects.get()
    assert (event.date, event.date_precision) == (datetime.date(1946, 1, 1), "year")


def test_speech_speaker_and_exact_date_given_in_the_preview(admin_client):
    upload(admin_client, data=UN_SPEECH.read_bytes(), name=UN_SPEECH.name)
    pending = PendingUpload.objects.get()
    response = confirm(admin_client, pending, date="1946-10-23", speaker="Harry S. Truman")
    assert response.url == preview_url(pending) and not Event.objects.exists()
    shown = admin_client.get(preview_url(pending))
    assert "changed the speakers" in shown.content.decode()
    assert [s.reading.name for s in shown.context["preview"].speakers] == ["Harry S. Truman"]
    confirm(admin_client, pending, shown)
    event = Event.objects.get()
    assert (event.date, event.date_precision) == (datetime.date(1946, 10, 23), "day")
    assert event.utterances.get().speaker.name == "Harry S. Truman"


def test_clearing_a_correction_returns_to_the_readers_value(admin_client):
    upload(admin_client, title="A title of my own")
    pending = PendingUpload.objects.get()
    shown = admin_client.get(preview_url(pending))
    data = {**preview_data(shown, title=""), "_update": "1"}
    admin_client.post(preview_url(pending), data)
    pending.refresh_from_db()
    assert "title" not in pending.overrides
    title = admin_client.get(preview_url(pending)).context["form"]["title"].value()
    assert title.startswith("Press Availability With Secretary of Homeland Security")


def test_preview_warns_of_an_event_with_the_same_source_or_title_and_date(admin_client, seed_bytes):
    from archive.importing import import_source

    kept = import_source(data=seed_bytes).event
    Event.objects.filter(pk=kept.pk).update(source_url="https://www.state.gov/kelly/")
    edited = seed_bytes.replace(b"Morning, all", b"Good morning, all")
    page = admin_client.get(upload(admin_client, data=edited).url)
    warnings = [str(w) for w in page.context["preview"].warnings]
    same = [w for w in warnings if "already has this title and date" in w]
    assert len(same) == 1 and f'href="{kept.get_absolute_url()}"' in same[0]
    Event.objects.filter(pk=kept.pk).update(source_url="")
    page = admin_client.get(upload(admin_client, data=edited + b"\n").url)
    warnings = [str(w) for w in page.context["preview"].warnings]
    assert any("this title and date" in w for w in warnings)
    assert not any("this source URL" in w for w in warnings)
    Event.objects.filter(pk=kept.pk).update(source_url="https://www.state.gov/kelly/")
    assert f'<a href="{kept.get_absolute_url()}">' in page.content.decode()
    pasted = edited.decode().replace("May 18, 2017", "May 19, 2017")
    response = paste(admin_client, pasted, source_url="https://www.state.gov/kelly/")
    warnings = [str(w) for w in admin_client.get(response.url).context["preview"].warnings]
    assert any("already has this source URL" in w for w in warnings)


def test_preview_loads_the_speaker_directory_once(
    admin_client, pending_seed, django_assert_max_num_queries
):
    # A fixed handful (the registry's version, the directory, the registry people shown); a
    # directory per speaker (ten of them) took two queries each.
    with django_assert_max_num_queries(10):
        assert admin_client.get(preview_url(pending_seed)).status_code == 200


def test_a_pending_upload_is_at_its_preview(admin_client, pending_seed):
    assert pending_seed.get_absolute_url() == preview_url(pending_seed)
    assert admin_client.get(pending_seed.get_absolute_url()).status_code == 200
