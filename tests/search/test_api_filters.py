"""The lists' filters: each one applied or refused with a 400, and unknown parameters refused."""

import datetime
import hashlib

import pytest

from archive.models import Event, Speaker, SpeakerRedirect

pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.json()
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "antony-j-blinken"}, ["tokyo-2022", "energy-2021"]),
        ({"kind": "interview"}, ["energy-2021"]),
        ({"from": "2021-08-10"}, ["tokyo-2022", "energy-2021"]),
        ({"to": "2021-08-09"}, ["drugs-2017"]),
        ({"speaker": "antony-j-blinken", "from": "2022-01-01", "to": "2022-12-31"}, ["tokyo-2022"]),
        ({"speaker": "fumio-kishida", "kind": "interview"}, []),
    ],
)
def test_events_filter_by_speaker_kind_and_dates(client, archive, params, expected):
    assert slugs(client.get("/api/events/", params)) == expected


def test_events_echo_the_filters_they_applied(client, archive):
    data = client.get("/api/events/", {"speaker": "luis-videgaray", "from": "2017-1-1"}).json()
    assert data["filters"] == {"speaker": "luis-videgaray", "from": "2017-01-01"}


def test_a_merged_speakers_old_slug_filters_by_the_survivor(client, archive):
    SpeakerRedirect.objects.create(
        old_slug="tony-blinken", speaker=archive["speakers"]["antony-j-blinken"]
    )
    response = client.get("/api/events/", {"speaker": "tony-blinken"})
    assert slugs(response) == ["tokyo-2022", "energy-2021"]
    assert response.json()["filters"] == {"speaker": "antony-j-blinken"}


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"speaker": "heiko-maas"}, "speaker", "No speaker “heiko-maas” is in the archive."),
        ({"speaker": "not a slug"}, "speaker", None),
        ({"kind": "party"}, "kind", None),
        ({"from": "yesterday"}, "from", None),
        ({"to": "2021-02-30"}, "to", None),
        ({"from": "2022-01-01", "to": "2021-01-01"}, "__all__", None),
    ],
)
def test_events_refuse_a_bad_filter_with_a_400_naming_it(client, archive, params, field, message):
    response = client.get("/api/events/", params)
    assert response.status_code == 400
    errors = response.json()["fields"][field]
    assert message is None or errors[0]["message"] == message


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "Mexico"}, ["luis-videgaray"]),
        ({"kind": "journalist"}, ["fumio-kishida"]),
        ({"country": "United States", "kind": "official"}, ["antony-j-blinken", "john-f-kelly"]),
    ],
)
def test_speakers_filter_by_country_and_kind(client, archive, params, expected):
    Speaker.objects.filter(slug="fumio-kishida").update(kind="journalist")
    Speaker.objects.filter(slug="rex-w-tillerson").update(kind="moderator")
    assert slugs(client.get("/api/speakers/", params)) == expected


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"country": "Germany"}, "country", "No speaker from “Germany” is in the archive."),
        ({"kind": "minister"}, "kind", None),
    ],
)
def test_speakers_refuse_a_bad_filter_with_a_400_naming_it(client, archive, params, field, message):
    response = client.get("/api/speakers/", params)
    assert response.status_code == 400
    errors = response.json()["fields"][field]
    assert message is None or errors[0]["message"] == message


@pytest.mark.parametrize(
    ("url", "params", "accepted"),
    [
        ("/api/events/", {"speakr": "x"}, ["speaker", "kind", "from", "to", "page"]),
        ("/api/speakers/", {"name": "x"}, ["q", "country", "kind", "page"]),
        ("/api/events/tokyo-2022", {"sort": "oldest"}, ["page"]),
        ("/api/speakers/fumio-kishida", {"kind": "official"}, []),
        ("/api/speakers/fumio-kishida/utterances", {"sort": "oldest"}, ["page"]),
        ("/api/utterances/{pk}", {"format": "json"}, []),
    ],
)
def test_unknown_parameters_are_a_400_listing_the_accepted(client, archive, url, params, accepted):
    response = client.get(url.format(pk=archive["utterances"][0].pk), params)
    assert response.status_code == 400
    data = response.json()
    assert data["accepted"] == accepted and next(iter(params)) in data["error"]


def test_search_refuses_unknown_parameters_too(client, archive):
    response = client.get("/api/search", {"q": "market", "speakers": "antony-j-blinken"})
    assert response.status_code == 400
    assert {"q", "speaker", "from", "to", "page"} <= set(response.json()["accepted"])


def test_a_speaker_links_their_events(client, archive):
    data = client.get("/api/speakers/luis-videgaray").json()
    assert data["events"] == "http://testserver/api/events/?speaker=luis-videgaray"
    assert slugs(client.get(data["events"])) == ["drugs-2017"]


def add_events(count, speaker):
    for number in range(count):
        event = Event.objects.create(
            title=f"Extra {number}",
            slug=f"extra-{number}",
            date=datetime.date(2020, 1, 1),
            source_text="x",
            checksum=hashlib.sha256(f"extra-{number}".encode()).hexdigest(),
        )
        event.appearances.create(speaker=speaker, role="Role")


@pytest.mark.parametrize(
    ("url", "rows"),
    [
        ("/api/events/", 33),
        ("/api/events/?speaker=fumio-kishida&kind=other&from=2019-01-01", 30),
        ("/api/speakers/", 35),
        ("/api/speakers/?country=Japan&kind=official", 31),
    ],
)
def test_lists_cost_the_same_queries_for_many_rows(
    client, archive, django_assert_max_num_queries, url, rows
):
    kishida = archive["speakers"]["fumio-kishida"]
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
    add_events(30, kishida)
    for number in range(30):
        Speaker.objects.create(name=f"Japanese {number}", slug=f"jp-{number}", country="Japan")
    with django_assert_max_num_queries(4):
        assert len(client.get(url).json()["results"]) == rows
