"""The event page: facts, participants, the transcript in order, the source download."""

import pytest

from archive.models import Utterance

pytestmark = pytest.mark.django_db

URL = "/events/2017-05-18-tillerson-kelly-videgaray-osorio-press-availability/"


def test_event_page_shows_the_facts(client, seed):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for fact in ("Press availability", "18 May 2017", "Dean Acheson Auditorium", "Washington, DC"):
        assert fact in html
    assert 'href="https://2017-2021.state.gov/press-availability-with-secretary-kelly/"' in html
    assert f'href="{URL}source/"' in html
    assert 'href="/dates/2017/05/18/"' in html


def test_event_page_lists_participants_with_their_roles(client, seed):
    response = client.get(URL)
    participants = [(a.speaker.name, a.role) for a in response.context["participants"]]
    assert ("Rex W. Tillerson", "Secretary of State") in participants
    assert ("Heather Nauert", "Department Spokesperson") in participants


def test_transcript_is_in_order_with_anchors_and_speaker_links(client, seed):
    html = client.get(URL).content.decode()
    positions = [html.index(f'id="u{number}"') for number in range(1, 8)]
    assert positions == sorted(positions)
    assert '<a href="/speakers/rex-w-tillerson/">SECRETARY TILLERSON</a>' in html
    assert f'href="/utterances/{seed["market"].pk}/"' in html


def test_interpreted_paragraphs_and_notes_are_marked(client, seed):
    html = client.get(URL).content.decode()
    assert '<p class="interpreted"><span class="interpreted-mark">Via interpreter</span>' in html
    assert '<p class="note" role="note">(Laughter.)</p>' in html


def test_event_page_has_a_search_box_scoped_to_it(client, seed):
    html = client.get(URL).content.decode()
    assert f'name="event" value="{seed["event"].slug}"' in html


def test_source_download_is_a_plain_text_attachment(client, seed):
    response = client.get(URL + "source/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="2017-05-18-press-availability.txt"'
    )
    assert response.content.decode() == seed["event"].source_text


def test_source_download_is_named_from_the_slug_without_a_source_name(client, seed):
    response = client.get("/events/briefing-2017-02-14/source/")
    assert response["Content-Disposition"] == 'attachment; filename="briefing-2017-02-14.txt"'


def test_long_transcripts_paginate(client, seed):
    event, speaker = seed["event"], seed["speakers"]["kelly"]
    Utterance.objects.bulk_create(
        Utterance(event=event, sequence=number, speaker=speaker, label="K", text="t")
        for number in range(8, 206)
    )
    first = client.get(URL)
    assert len(first.context["utterances"]) == 200
    assert len(client.get(URL + "?page=2").context["utterances"]) == 5


def test_event_query_count_does_not_grow(count_queries, seed):
    few = count_queries(URL)
    event, speaker = seed["event"], seed["speakers"]["kelly"]
    Utterance.objects.bulk_create(
        Utterance(event=event, sequence=number, speaker=speaker, label="K", text="t")
        for number in range(8, 60)
    )
    assert count_queries(URL) == few


@pytest.mark.parametrize("url", ["/events/no-such-event/", "/events/no-such-event/source/"])
def test_unknown_event_is_404(client, db, url):
    assert client.get(url).status_code == 404


def test_a_source_url_that_is_no_web_address_is_not_linked(client, seed):
    from archive.models import Event

    Event.objects.update(source_url="javascript:alert(1)")
    html = client.get(URL).content.decode()
    assert "javascript:" not in html and "Original publication" not in html


def test_an_unlabelled_turn_is_headed_by_its_speakers_name(client, seed):
    turn = seed["utterances"][0]
    turn.label = ""
    turn.save()
    html = client.get(URL).content.decode()
    assert '<a href="/speakers/rex-w-tillerson/">Rex W. Tillerson</a></h3>' in html
