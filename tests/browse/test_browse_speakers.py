"""The speakers' A–Z index and each speaker's page."""

import pytest

from archive.models import Speaker

pytestmark = pytest.mark.django_db


def names(response):
    return [speaker.name for speaker in response.context["speakers"]]


def test_index_lists_identified_speakers_a_to_z_with_counts(client, seed):
    response = client.get("/speakers/")
    assert response.status_code == 200
    assert names(response) == [
        "Heather Nauert",
        "John Kelly",
        "Luis Videgaray Caso",
        "Miguel Angel Osorio Chong",
        "Rex W. Tillerson",
    ]
    tillerson = response.context["speakers"][4]
    assert (tillerson.utterance_count, tillerson.event_count) == (2, 2)
    assert "2 quotes · 2 events" in response.content.decode()


def test_roles_are_kept_apart_from_people(client, seed):
    response = client.get("/speakers/")
    assert [speaker.name for speaker in response.context["role_speakers"]] == ["Question"]
    assert names(client.get("/speakers/?kind=role")) == ["Question"]


def test_a_countrys_roles_are_shown_beside_its_people(client, seed):
    """A UN speech's speaker is the role "Representative of Ghana": a country's page of
    speakers shows its roles, and no other country's."""
    ghana = Speaker.objects.create(
        name="Representative of Ghana", slug="representative-of-ghana", kind="role", country="Ghana"
    )
    utterance = seed["utterances"][0]
    utterance.pk, utterance.sequence, utterance.speaker = None, 900, ghana
    utterance.save()
    response = client.get("/speakers/?country=Ghana")
    assert names(response) == []
    assert [s.name for s in response.context["role_speakers"]] == ["Representative of Ghana"]
    assert "All roles of Ghana" in response.content.decode()
    mexico = client.get("/speakers/?country=Mexico").context["role_speakers"]
    assert "Representative of Ghana" not in [s.name for s in mexico]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=moderator", ["Heather Nauert"]),
        ("?country=Mexico", ["Luis Videgaray Caso", "Miguel Angel Osorio Chong"]),
        ("?kind=official&country=United+States", ["John Kelly", "Rex W. Tillerson"]),
        ("?letter=r", ["Rex W. Tillerson"]),
        ("?kind=nonsense&letter=%3F", None),
    ],
)
def test_index_filters(client, seed, query, expected):
    response = client.get("/speakers/" + query)
    assert response.status_code == 200
    if expected is None:
        assert len(names(response)) == 5
    else:
        assert names(response) == expected


def test_index_letters_link_only_initials_that_exist(client, seed):
    letters = dict(client.get("/speakers/").context["letters"])
    assert letters["R"] and letters["J"] and not letters["Z"]


def test_index_paginates(client, seed):
    Speaker.objects.bulk_create(
        Speaker(name=f"Zed {number:03}", slug=f"zed-{number}") for number in range(65)
    )
    first = client.get("/speakers/")
    assert first.context["is_paginated"]
    assert len(first.context["speakers"]) == 60
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = client.get("/speakers/?page=2")
    assert len(second.context["speakers"]) == 10
    assert client.get("/speakers/?page=9").status_code == 404


def test_index_query_count_does_not_grow(count_queries, seed):
    few = count_queries("/speakers/")
    Speaker.objects.bulk_create(
        Speaker(name=f"Extra {number}", slug=f"extra-{number}") for number in range(40)
    )
    assert count_queries("/speakers/") == few


def test_speaker_page_shows_roles_events_and_quotes(client, seed):
    response = client.get("/speakers/rex-w-tillerson/")
    assert response.status_code == 200
    roles = [(row["role"], str(row["first"]), row["events"]) for row in response.context["roles"]]
    assert roles == [("Secretary of State", "2017-05-18", 1), ("Secretary", "2018-01-10", 1)]
    assert [a.event.slug for a in response.context["events_page"]] == [
        "interview-2018-01-10",
        "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability",
    ]
    assert len(response.context["utterances"]) == 2
    assert "we are the market" in response.content.decode()


def test_speaker_page_has_a_search_box_scoped_to_them(client, seed):
    html = client.get("/speakers/rex-w-tillerson/").content.decode()
    assert 'action="/search/"' in html
    assert '<input type="hidden" name="speaker" value="rex-w-tillerson">' in html


def test_speaker_page_paginates_quotes_and_events(client, seed, more_events):
    more_events(25, speaker=seed["speakers"]["tillerson"])
    response = client.get("/speakers/rex-w-tillerson/")
    assert len(response.context["utterances"]) == 20
    assert len(response.context["events_page"].object_list) == 20
    html = response.content.decode()
    assert 'href="?page=2#quotes"' in html
    assert 'href="?events=2#events"' in html
    both = client.get("/speakers/rex-w-tillerson/?page=2&events=2")
    assert len(both.context["utterances"]) == 7
    assert len(both.context["events_page"].object_list) == 7


def test_speaker_page_query_count_does_not_grow(count_queries, seed, more_events):
    few = count_queries("/speakers/rex-w-tillerson/")
    more_events(15, speaker=seed["speakers"]["tillerson"])
    assert count_queries("/speakers/rex-w-tillerson/") == few


def test_unknown_speaker_is_404(client, db):
    assert client.get("/speakers/nobody/").status_code == 404


def test_index_letter_hash_lists_names_that_start_otherwise(client, seed):
    Speaker.objects.create(name="50th Ambassador", slug="fiftieth")
    response = client.get("/speakers/?letter=%23")
    assert names(response) == ["50th Ambassador"]
    assert response.context["other_initials"]


@pytest.mark.parametrize(
    "url", ["/speakers/rex-w-tillerson/", "/api/speakers/rex-w-tillerson/utterances"]
)
def test_a_speakers_turns_are_loaded_without_their_events_transcripts(client, seed, url):
    """A page of twenty turns from twenty events read twenty whole transcripts before."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    turns = [q["sql"] for q in queries if 'FROM "archive_utterance"' in q["sql"]]
    assert turns and not any("source_text" in sql or "reading_metadata" in sql for sql in turns)
