"""One event through the API: its participants and its transcript, a page of turns at a time."""

import pytest

from archive.models import Appearance, Utterance

pytestmark = pytest.mark.django_db


def test_an_event_with_participants_and_every_turn_in_order(client, archive):
    Appearance.objects.filter(event__slug="drugs-2017", speaker__slug="luis-videgaray").update(
        role="Secretary of Foreign Relations", affiliation="Mexico"
    )
    data = client.get("/api/events/drugs-2017").json()
    assert data["title"] == "Press Availability on Drugs" and data["date"] == "2017-05-18"
    assert data["api_url"] == "http://testserver/api/events/drugs-2017"
    assert data["url"] == "http://testserver/events/drugs-2017/"
    participants = {p["slug"]: p for p in data["participants"]}
    assert list(participants) == ["rex-w-tillerson", "john-f-kelly", "luis-videgaray"]
    assert participants["luis-videgaray"]["role"] == "Secretary of Foreign Relations"
    assert participants["luis-videgaray"]["affiliation"] == "Mexico"
    turns = data["turns"]
    assert [t["sequence"] for t in turns] == [1, 2, 3, 4] and data["turn_count"] == 4
    assert turns[2]["speaker"] == {"slug": "luis-videgaray", "name": "Luis Videgaray"}
    assert turns[2]["paragraphs"][0]["interpreted"] is True and turns[2]["interpreted"] is True
    assert turns[0]["text"].startswith("We are the market") and turns[0]["notes"] == []
    assert client.get(turns[0]["api_url"]).json()["id"] == turns[0]["id"]


def test_listed_events_link_their_api_answer(client, archive):
    first = client.get("/api/events/").json()["results"][0]
    assert client.get(first["api_url"]).json()["slug"] == first["slug"]


def test_an_unknown_event_is_a_json_404_naming_the_slug(client, archive):
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert response.json()["error"] == "No event “no-such-event” is in the archive."


def test_an_event_costs_the_same_queries_however_long(
    client, archive, django_assert_max_num_queries
):
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    with django_assert_max_num_queries(4):
        assert len(client.get("/api/events/tokyo-2022").json()["turns"]) == 2
    Utterance.objects.bulk_create(
        Utterance(event=event, sequence=100 + n, speaker=speaker, label="X", text=f"Turn {n}.")
        for n in range(300)
    )
    with django_assert_max_num_queries(4):
        assert len(client.get("/api/events/tokyo-2022").json()["turns"]) == 100
