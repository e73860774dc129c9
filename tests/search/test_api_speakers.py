"""One speaker through the API, and every one of their utterances without a search query."""

import pytest

from archive.models import Appearance, Speaker, SpeakerRedirect, Utterance

pytestmark = pytest.mark.django_db


def test_a_speaker_with_counts_and_links(client, archive):
    data = client.get("/api/speakers/antony-j-blinken").json()
    assert data["name"] == "Antony J. Blinken" and data["country"] == "United States"
    assert data["utterance_count"] == 3 and data["event_count"] == 2
    assert data["url"] == "http://testserver/speakers/antony-j-blinken/"
    assert data["api_url"] == "http://testserver/api/speakers/antony-j-blinken"
    assert data["utterances"] == "http://testserver/api/speakers/antony-j-blinken/utterances"


def test_listed_speakers_link_their_api_answer(client, archive):
    first = client.get("/api/speakers/").json()["results"][0]
    assert client.get(first["api_url"]).json()["slug"] == first["slug"]


@pytest.mark.parametrize("suffix", ["", "/utterances"])
def test_an_unknown_speaker_is_a_json_404_naming_the_slug(client, archive, suffix):
    response = client.get(f"/api/speakers/heiko-maas{suffix}")
    assert response.status_code == 404
    assert response.json()["error"] == "No speaker “heiko-maas” is in the archive."


@pytest.mark.parametrize("suffix", ["", "/utterances?page=1"])
def test_a_merged_speakers_old_slug_redirects_to_the_survivor(client, archive, suffix):
    SpeakerRedirect.objects.create(
        old_slug="tony-blinken", speaker=archive["speakers"]["antony-j-blinken"]
    )
    response = client.get(f"/api/speakers/tony-blinken{suffix}")
    assert response.status_code == 301
    assert response["Location"] == f"/api/speakers/antony-j-blinken{suffix}"


def test_a_speakers_utterances_newest_event_first_with_text_and_role(client, archive):
    Appearance.objects.filter(event__slug="energy-2021").update(role="Secretary-designate")
    data = client.get("/api/speakers/antony-j-blinken/utterances").json()
    assert data["speaker"]["slug"] == "antony-j-blinken"
    assert data["pagination"]["count"] == 3 and data["pagination"]["next"] is None
    rows = data["results"]
    assert [row["event"]["slug"] for row in rows] == ["tokyo-2022", "energy-2021", "energy-2021"]
    assert rows[1]["text"].startswith("The market for energy") and rows[1]["paragraphs"]
    assert [row["speaker"]["role"] for row in rows] == [
        "Secretary of State",
        "Secretary-designate",
        "Secretary-designate",
    ]


def test_a_speakers_utterances_page_on(client, archive, monkeypatch):
    monkeypatch.setattr("archive.api.base.JsonApiMixin.paginate_by", 2)
    data = client.get("/api/speakers/antony-j-blinken/utterances").json()
    assert len(data["results"]) == 2
    assert data["pagination"]["next"].endswith("/api/speakers/antony-j-blinken/utterances?page=2")
    assert len(client.get(data["pagination"]["next"]).json()["results"]) == 1


def add_utterances(speaker, event, count):
    start = event.utterances.count() + 100
    Utterance.objects.bulk_create(
        Utterance(event=event, sequence=start + n, speaker=speaker, label="X", text=f"Quote {n}.")
        for n in range(count)
    )


def test_a_speakers_utterances_cost_the_same_queries_for_many(
    client, archive, django_assert_max_num_queries
):
    speaker, event = Speaker.objects.get(slug="fumio-kishida"), archive["events"]["tokyo-2022"]
    url = "/api/speakers/fumio-kishida/utterances"
    with django_assert_max_num_queries(3):
        assert len(client.get(url).json()["results"]) == 1
    add_utterances(speaker, event, 40)
    with django_assert_max_num_queries(3):
        assert len(client.get(url).json()["results"]) == 41
