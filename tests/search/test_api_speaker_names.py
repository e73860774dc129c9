"""The API's speakers by name: the speakers page's name box as a `q` filter, checked."""

import pytest

from archive.models import Speaker

pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.json()
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "videgaray"}, ["luis-videgaray"]),
        ({"q": "LUIS"}, ["luis-videgaray"]),
        ({"q": "kishída"}, ["fumio-kishida"]),
        ({"q": "j"}, ["antony-j-blinken", "john-f-kelly"]),
        (
            {"q": "j", "country": "United States", "kind": "official"},
            ["antony-j-blinken", "john-f-kelly"],
        ),
        ({"q": "videgaray", "country": "United States"}, []),
        ({"q": "nobody"}, []),
        (
            {"q": ""},
            [
                "antony-j-blinken",
                "fumio-kishida",
                "john-f-kelly",
                "luis-videgaray",
                "rex-w-tillerson",
            ],
        ),
    ],
)
def test_speakers_filter_by_name_as_the_page_does(client, archive, params, expected):
    assert slugs(client.get("/api/speakers/", params)) == expected


def test_accents_fold_both_ways(client, archive):
    Speaker.objects.create(name="Pedro Sánchez", slug="pedro-sanchez")
    assert slugs(client.get("/api/speakers/", {"q": "sanchez"})) == ["pedro-sanchez"]


def test_the_name_filter_is_echoed(client, archive):
    data = client.get("/api/speakers/", {"q": "Kelly", "kind": "official"}).json()
    assert data["filters"] == {"q": "Kelly", "kind": "official"}


def test_a_name_longer_than_any_is_a_400_naming_the_filter(client, archive):
    response = client.get("/api/speakers/", {"q": "x" * 201})
    assert response.status_code == 400
    assert "q" in response.json()["fields"]


def test_the_speakers_list_says_it_takes_q(client, archive):
    assert "q" in client.options("/api/speakers/").json()["parameters"]
