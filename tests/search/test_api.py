"""The JSON API: shape, pagination links, filters and 400s for bad input."""

import pytest

from archive.models import Appearance, Utterance, UtteranceRedirect
from archive.search import queue

pytestmark = pytest.mark.django_db


def test_search_shape(client, archive):
    response = client.get("/api/search", {"q": "market", "sort": "newest"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "query",
        "pagination",
        "results",
        "speakers",
        "facets",
        "suggestion",
        "notes",
    }
    assert data["pagination"]["count"] == 4 and data["pagination"]["next"] is None
    first = data["results"][0]
    assert set(first) >= {"id", "url", "snippet", "speaker", "event", "interpreted", "label"}
    assert first["event"]["date"] == "2022-05-23" and "<mark>" in first["snippet"]
    assert first["event"]["date_precision"] == "day"
    assert {f["value"] for f in data["facets"]["speaker"]} == {
        "rex-w-tillerson",
        "luis-videgaray",
        "antony-j-blinken",
    }


def test_search_pagination_links_keep_the_query(client, archive, monkeypatch):
    monkeypatch.setattr("archive.search.service.PAGE_SIZE", 2)
    monkeypatch.setattr("archive.search.service.run.__defaults__", (2,))
    data = client.get("/api/search", {"q": "market", "speaker": "antony-j-blinken"}).json()
    assert data["pagination"] == {
        "page": 1,
        "pages": 1,
        "count": 2,
        "next": None,
        "previous": None,
    }
    data = client.get("/api/search", {"q": "market"}).json()
    assert data["pagination"]["next"].endswith("/api/search?q=market&page=2")


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "OR -"}, {"q": "x", "from": "yesterday"}, {"q": "x", "kind": "nope"}],
)
def test_search_bad_input_is_a_json_400(client, archive, params):
    response = client.get("/api/search", params)
    assert response.status_code == 400 and "error" in response.json()


def test_utterance_speakers_events(client, archive):
    utterance = archive["utterances"][2]
    data = client.get(f"/api/utterances/{utterance.pk}").json()
    assert (
        data["paragraphs"][0]["interpreted"] is True and data["speaker"]["slug"] == "luis-videgaray"
    )
    assert client.get("/api/utterances/999999").status_code == 404
    speakers = client.get("/api/speakers/").json()
    assert (
        speakers["pagination"]["count"] == 5
        and speakers["results"][0]["name"] == "Antony J. Blinken"
    )
    events = client.get("/api/events/").json()
    assert [e["slug"] for e in events["results"]] == ["tokyo-2022", "energy-2021", "drugs-2017"]
    assert client.get("/api/events/", {"page": "7"}).status_code == 400
    assert client.get("/api/speakers/", {"page": "x"}).status_code == 400


def test_search_drops_control_characters_from_the_query(client, archive):
    response = client.get("/api/search", {"q": "\x00market\ufffe"})
    assert response.status_code == 200
    assert response.json()["query"] == "market" and response.json()["pagination"]["count"] == 4


def test_a_reread_utterance_id_redirects_to_its_successor(client, archive):
    kept = archive["utterances"][0]
    UtteranceRedirect.objects.create(old_id=kept.pk + 1000, utterance=kept)
    response = client.get(f"/api/utterances/{kept.pk + 1000}")
    assert response.status_code == 301
    assert response["Location"] == f"/api/utterances/{kept.pk}"
    assert client.get(response["Location"]).json()["id"] == kept.pk


def test_an_utterance_links_its_page_and_itself(client, archive):
    utterance = archive["utterances"][0]
    data = client.get(f"/api/utterances/{utterance.pk}").json()
    assert data["url"] == f"http://testserver/utterances/{utterance.pk}/"
    assert data["api_url"] == f"http://testserver/api/utterances/{utterance.pk}"
    assert data["text"] == utterance.text and data["notes"] == []
    assert client.get(data["api_url"]).json() == data


def test_an_utterance_gives_the_speakers_role_at_its_event_as_search_does(client, archive):
    utterance = archive["utterances"][4]
    Appearance.objects.filter(event=utterance.event, speaker=utterance.speaker).update(
        role="Secretary-designate"
    )
    data = client.get(f"/api/utterances/{utterance.pk}").json()
    assert data["speaker"]["role"] == "Secretary-designate"
    found = client.get("/api/search", {"q": "energy", "speaker": "antony-j-blinken"}).json()
    assert found["results"][0]["speaker"]["role"] == "Secretary-designate"


def test_search_costs_the_same_queries_for_a_full_page(
    client, archive, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # The page, its roles, the facets' names, and the speakers whose names the words might be.
    with django_assert_max_num_queries(5):
        assert client.get("/api/search", {"q": "market"}).json()["pagination"]["count"] == 4
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    with django_capture_on_commit_callbacks(execute=True):
        added = Utterance.objects.bulk_create(
            Utterance(event=event, sequence=100 + n, speaker=speaker, label="X", text="A market.")
            for n in range(30)
        )
        queue.enqueue(row.pk for row in added)
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/search", {"q": "market"}).json()["results"]) == 20
