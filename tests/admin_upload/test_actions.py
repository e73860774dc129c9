"""Admin actions: merge speakers, re-read events, delete events; the search index follows."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from archive.importing import import_source
from archive.models import (
    Appearance,
    Event,
    Speaker,
    SpeakerLabel,
    SpeakerRedirect,
    Utterance,
    UtteranceRedirect,
)
from archive.search import queue

pytestmark = pytest.mark.django_db
SPEAKERS_URL = reverse("admin:archive_speaker_changelist")
EVENTS_URL = reverse("admin:archive_event_changelist")


@pytest.fixture
def seed_event(seed_bytes):
    return import_source(data=seed_bytes).event


@pytest.fixture
def scheduled(monkeypatch):
    """Record the ids the admin's writes queue for the index, one list per task."""
    calls = []
    monkeypatch.setattr(queue, "enqueue", lambda ids: calls.append(sorted(ids)))
    return calls


@pytest.fixture
def duplicate_kelly(seed_event):
    """Return a second 'Kelly' speaking at the seed event, with a label of the first one."""
    twin = Speaker.objects.create(name="J. Kelly", slug="j-kelly", country="United States")
    SpeakerLabel.objects.create(speaker=twin, label="SECRETARY KELLY")
    SpeakerLabel.objects.create(speaker=twin, label="GENERAL KELLY")
    Appearance.objects.create(event=seed_event, speaker=twin, role="General")
    turn = seed_event.utterances.filter(speaker__name="John F. Kelly").first()
    turn.speaker = twin
    turn.save()
    return twin


def merge(client, speakers, keep=None):
    data = {"action": "merge_speakers", ACTION_CHECKBOX_NAME: [s.pk for s in speakers]}
    if keep is not None:
        data.update(merge="Merge", keep=keep.pk)
    return client.post(SPEAKERS_URL, data)


def test_merge_asks_which_speaker_to_keep(admin_client, duplicate_kelly):
    kelly = Speaker.objects.get(name="John F. Kelly")
    page = merge(admin_client, [kelly, duplicate_kelly])
    assert page.status_code == 200 and "Merge speakers" in page.content.decode()
    assert Speaker.objects.filter(pk=duplicate_kelly.pk).exists()


def test_merge_offers_to_keep_the_full_name_over_the_most_quoted_first_name(
    admin_client, seed_event
):
    """Zolan (three questions) and Zolan Kanno-Youngs (one): the full name is the one to keep."""
    question = seed_event.utterances.filter(label="QUESTION")
    first = Speaker.objects.create(name="Zolan", slug="zolan", kind="journalist")
    full = Speaker.objects.create(
        name="Zolan Kanno-Youngs", slug="zolan-kanno-youngs", kind="journalist"
    )
    turns = list(question[:4])
    for turn in turns[:3]:
        turn.speaker = first
        turn.save()
    turns[3].speaker = full
    turns[3].save()
    page = merge(admin_client, [first, full])
    assert page.context["form"]["keep"].initial == full


def test_merge_moves_turns_labels_appearances_and_redirects(
    admin_client, duplicate_kelly, seed_event, scheduled
):
    kelly = Speaker.objects.get(name="John F. Kelly")
    moved = list(duplicate_kelly.utterances.values_list("pk", flat=True))
    total = Utterance.objects.filter(speaker__in=[kelly, duplicate_kelly]).count()
    response = merge(admin_client, [kelly, duplicate_kelly], keep=kelly)
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=duplicate_kelly.pk).exists()
    assert kelly.utterances.count() == total
    assert set(kelly.labels.values_list("label", flat=True)) == {"SECRETARY KELLY", "GENERAL KELLY"}
    assert Appearance.objects.filter(speaker=kelly, event=seed_event).count() == 1
    assert SpeakerRedirect.objects.get(old_slug="j-kelly").speaker == kelly
    # The moved turns, and the kept speaker's own: their documents hold the moved labels.
    assert scheduled == [sorted(kelly.utterances.values_list("pk", flat=True))]
    assert set(moved) < set(scheduled[0])
    kelly.refresh_from_db()
    assert kelly.country == "United States"


def test_merge_keeps_the_chosen_one_and_forwards_old_redirects(admin_client, duplicate_kelly):
    kelly = Speaker.objects.get(name="John F. Kelly")
    SpeakerRedirect.objects.create(old_slug="john-f-kelly", speaker=kelly)
    merge(admin_client, [kelly, duplicate_kelly], keep=duplicate_kelly)
    assert not Speaker.objects.filter(pk=kelly.pk).exists()
    assert set(SpeakerRedirect.objects.values_list("old_slug", "speaker")) == {
        ("john-f-kelly", duplicate_kelly.pk),
        (kelly.slug, duplicate_kelly.pk),
    }


def test_merge_needs_two_speakers(admin_client, duplicate_kelly):
    response = merge(admin_client, [duplicate_kelly], keep=duplicate_kelly)
    assert response.status_code == 302 and Speaker.objects.filter(pk=duplicate_kelly.pk).exists()


def test_reread_action_asks_first_then_keeps_permalinks(admin_client, seed_event, scheduled):
    before = dict(seed_event.utterances.values_list("sequence", "pk"))
    edited = seed_event.utterances.get(sequence=1)
    edited.text += " (edited)"
    edited.save()
    chosen = {"action": "reread_events", ACTION_CHECKBOX_NAME: [seed_event.pk]}
    asked = admin_client.post(EVENTS_URL, chosen)
    assert asked.status_code == 200 and "are replaced by the new" in asked.content.decode()
    assert "35 turns" in asked.content.decode()
    assert seed_event.utterances.get(sequence=1).text == edited.text
    response = admin_client.post(EVENTS_URL, {**chosen, "reread": "Re-read"}, follow=True)
    assert "34 turns kept, 1 added, 1 removed" in response.content.decode()
    assert not seed_event.utterances.filter(text=edited.text).exists()
    del before[1]
    after = dict(seed_event.utterances.values_list("sequence", "pk"))
    assert {n: after[n] for n in before} == before
    assert UtteranceRedirect.objects.get(old_id=edited.pk).utterance.sequence == 1


def test_delete_action_unindexes_the_events_turns(admin_client, seed_event, scheduled):
    ids = set(seed_event.utterances.values_list("pk", flat=True))
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [seed_event.pk], "post": "yes"}
    admin_client.post(EVENTS_URL, data)
    assert not Event.objects.exists() and not Utterance.objects.exists()
    assert scheduled == [sorted(ids)]


def test_delete_view_unindexes_the_events_turns(admin_client, seed_event, scheduled):
    ids = set(seed_event.utterances.values_list("pk", flat=True))
    admin_client.post(reverse("admin:archive_event_delete", args=[seed_event.pk]), {"post": "yes"})
    assert not Event.objects.exists()
    assert scheduled == [sorted(ids)]


@pytest.mark.django_db(transaction=True)
def test_deleted_events_turns_leave_the_real_index(admin_client, seed_bytes):
    from haystack.query import SearchQuerySet

    event = import_source(data=seed_bytes).event
    assert SearchQuerySet().models(Utterance).filter(content="coresponsibility").count() == 1
    admin_client.post(reverse("admin:archive_event_delete", args=[event.pk]), {"post": "yes"})
    assert SearchQuerySet().models(Utterance).filter(content="coresponsibility").count() == 0


@pytest.mark.parametrize("model", [Event, Speaker])
def test_slugs_are_fixed_once_given_since_permalinks_carry_them(admin_client, seed_event, model):
    obj = model.objects.first()
    info = model._meta.app_label, model._meta.model_name
    page = admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    assert page.status_code == 200
    assert 'name="slug"' not in page.content.decode() and obj.slug in page.content.decode()
    added = admin_client.get(reverse("admin:{}_{}_add".format(*info)))
    assert 'name="slug"' in added.content.decode()


def test_deleting_an_event_queues_its_turns_in_one_task(seed_event):
    from archive.importing import delete_events
    from archive.search.models import IndexTask

    before = IndexTask.objects.count()
    turns = set(seed_event.utterances.values_list("pk", flat=True))
    delete_events(events=Event.objects.filter(pk=seed_event.pk))
    [task] = IndexTask.objects.order_by("pk")[before:]
    assert set(task.utterance_ids) == turns and len(turns) == 35


def test_a_single_utterance_deleted_in_the_admin_still_leaves_the_index(admin_client, seed_event):
    from archive.search.models import IndexTask

    pk = seed_event.utterances.first().pk
    url = reverse("admin:archive_utterance_delete", args=[pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Utterance.objects.filter(pk=pk).exists()
    assert IndexTask.objects.order_by("pk").last().utterance_ids == [pk]


def test_a_merged_speakers_old_slug_still_feeds_and_filters_searches(
    admin_client, client, duplicate_kelly
):
    from django.core.management import call_command

    kelly = Speaker.objects.get(name="John F. Kelly")
    merge(admin_client, [kelly, duplicate_kelly], keep=kelly)
    feed = client.get("/speakers/j-kelly/feed/")
    assert feed.status_code == 200 and b"John F. Kelly at " in feed.content
    call_command("rebuild_index", interactive=False, verbosity=0)
    page = client.get("/search/", {"q": "thank", "speaker": "j-kelly"})
    outcome = page.context["outcome"]
    assert page.context["form"].is_valid() and outcome.total > 0
    assert {row.utterance.speaker_id for row in outcome.rows} == {kelly.pk}


def change_form(admin_client, obj, **changes):
    """Post an object's admin change form (a model without inlines) with some changes."""
    import json

    from django.forms.models import model_to_dict

    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = model_to_dict(obj)
    for field in obj._meta.concrete_fields:
        if field.get_internal_type() == "JSONField":
            data[field.name] = json.dumps(data[field.name])
    return admin_client.post(url, {**data, **changes})


@pytest.mark.parametrize(
    "changes, error",
    [
        ({"notes": "5"}, "stage directions"),
        ({"notes": '"abc"'}, "stage directions"),
        ({"notes": '{"a": 1}'}, "stage directions"),
        ({"interpreted_paragraphs": "[0, 0]"}, "different paragraph numbers"),
        ({"interpreted_paragraphs": "null"}, None),
        ({"notes": ""}, None),
    ],
)
def test_utterance_admin_refuses_marks_and_notes_that_are_no_lists(
    admin_client, seed_event, changes, error
):
    turn = seed_event.utterances.get(sequence=1)
    response = change_form(admin_client, turn, **changes)
    if error is None:
        assert response.status_code == 302
        turn.refresh_from_db()
        assert turn.notes == [] or turn.interpreted_paragraphs == []
    else:
        assert response.status_code == 200 and error in response.content.decode()
    assert admin_client.get(turn.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("value, ok", [(None, True), (5, False), ([], False), ({"a": "b"}, True)])
def test_an_events_reading_metadata_must_be_an_object(seed_event, value, ok):
    from django.core.exceptions import ValidationError

    seed_event.reading_metadata = value
    if ok:
        seed_event.full_clean()
        assert seed_event.reading_metadata == (value or {})
    else:
        with pytest.raises(ValidationError, match="Give an object"):
            seed_event.full_clean()
