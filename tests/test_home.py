"""The home page shows the archive working."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_renders_counts(client, utterance):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-total="events">1<' in html
    assert 'data-total="speakers">1<' in html
    assert 'data-total="utterances">1<' in html
    assert utterance.event.title in html


def test_empty_archive_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'data-total="utterances">0<' in response.content
    assert b"No events yet." in response.content


def test_detail_pages(client, utterance):
    for url in (
        utterance.event.get_absolute_url(),
        utterance.speaker.get_absolute_url(),
        utterance.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200
    assert client.get("/events/no-such-event/").status_code == 404
