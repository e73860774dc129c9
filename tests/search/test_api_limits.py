"""What a client cannot make the API do: send a whole transcript at once, fail on huge numbers."""

import pytest

from archive.models import Utterance

pytestmark = pytest.mark.django_db
HUGE = "9" * 5000
LONG = "1" + "0" * 30
LISTS = [
    "/api/search?q=market&page={}",
    "/api/speakers/?page={}",
    "/api/events/?page={}",
    "/api/speakers/rex-w-tillerson/utterances?page={}",
    "/api/events/tokyo-2022?page={}",
]


def add_turns(archive, count):
    event, speaker = archive["events"]["tokyo-2022"], archive["speakers"]["fumio-kishida"]
    Utterance.objects.bulk_create(
        Utterance(event=event, sequence=100 + n, speaker=speaker, label="X", text=f"Turn {n}.")
        for n in range(count)
    )


def test_a_long_transcript_comes_a_page_of_turns_at_a_time(client, archive):
    add_turns(archive, 248)
    url, sequences, pages = "/api/events/tokyo-2022", [], 0
    while url:
        data = client.get(url).json()
        assert len(data["turns"]) <= 100 and data["turn_count"] == 250
        assert data["participants"] and data["title"] == "Joint Press Conference in Tokyo"
        sequences += [turn["sequence"] for turn in data["turns"]]
        url, pages = data["pagination"]["next"], pages + 1
    assert pages == 3 and data["pagination"]["pages"] == 3
    assert sequences == sorted(sequences) and len(set(sequences)) == 250
    response = client.get("/api/events/tokyo-2022?page=4")
    assert response.status_code == 400 and response.json()["pages"] == 3


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", [HUGE, LONG], ids=["5000 digits", "31 digits"])
def test_a_page_of_thousands_of_digits_is_a_400_past_the_last(client, archive, url, page):
    response = client.get(url.format(page))
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert "There is no such page" in response.json()["error"]
    assert len(response.content) < 2000


@pytest.mark.parametrize("pk", [HUGE, LONG, "0" * 5000 + "1"], ids=["huge", "long", "zeros"])
def test_an_utterance_id_of_thousands_of_digits_is_a_json_answer(client, archive, pk):
    response = client.get(f"/api/utterances/{pk}")
    assert response["Content-Type"] == "application/json"
    if pk.lstrip("0") == "1":
        assert response.status_code in (200, 404)
    else:
        assert response.status_code == 404 and response.json()["error"] == "No such utterance."


@pytest.mark.parametrize(
    "url",
    [
        "/api/search",
        "/api/speakers/",
        "/api/speakers/rex-w-tillerson",
        "/api/events/",
        "/api/events/tokyo-2022",
        "/api/utterances/1",
    ],
)
def test_options_answers_json_with_the_allow_header(client, archive, url):
    response = client.options(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["methods"] == ["GET", "HEAD", "OPTIONS"]
    assert "page" in response.json()["parameters"] or url.count("/") > 2


def test_options_on_an_unknown_path_is_the_json_404(client, archive):
    response = client.options("/api/nope")
    assert response.status_code == 404 and "endpoints" in response.json()
