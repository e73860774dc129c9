"""Atom feeds and the sitemap."""

import importlib.util
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


def test_newest_events_feed(client, seed):
    titles = entries(client.get("/feeds/events/"))
    assert titles[0] == "Interview 2018 01 10"
    assert titles[1].startswith("Press Availability With Secretary of Homeland Security")


def test_speaker_feed(client, seed):
    titles = entries(client.get("/speakers/rex-w-tillerson/feed/"))
    assert len(titles) == 2
    assert titles[0].startswith("Rex W. Tillerson at Press Availability")


def test_speaker_feed_of_unknown_speaker_is_404(client, db):
    assert client.get("/speakers/nobody/feed/").status_code == 404


@pytest.mark.parametrize("query", ["", "?q=", "?q=+++"])
def test_search_feed_needs_a_query(client, db, query):
    assert client.get("/feeds/search/" + query).status_code == 404


@pytest.mark.parametrize("query", ["market", 'AND OR "', "(((", "title:*"])
def test_search_feed_survives_odd_queries(client, seed, query):
    response = client.get("/feeds/search/", {"q": query})
    assert isinstance(entries(response), list)


def test_pages_link_their_feeds(client, seed):
    home = client.get("/").content.decode()
    assert 'type="application/atom+xml"' in home and 'href="/feeds/events/"' in home
    speaker = client.get("/speakers/rex-w-tillerson/").content.decode()
    assert 'href="/speakers/rex-w-tillerson/feed/"' in speaker


def test_sitemap_index_and_sections(client, seed):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"/sitemap-events.xml" in index.content
    events = client.get("/sitemap-events.xml").content.decode()
    assert f"http://testserver{seed['event'].get_absolute_url()}" in events
    quotes = client.get("/sitemap-quotes.xml").content.decode()
    assert f"http://testserver/utterances/{seed['market'].pk}/" in quotes
    speakers = client.get("/sitemap-speakers.xml").content.decode()
    assert "/speakers/rex-w-tillerson/" in speakers
    assert "/speakers/question/" not in speakers
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_search_feed_lists_matching_quotes(client, seed):
    if importlib.util.find_spec("archive.search_indexes") is None:
        pytest.skip("waiting for archive/search_indexes.py")
    call_command("rebuild_index", interactive=False, verbosity=0)
    titles = entries(client.get("/feeds/search/", {"q": "confront the reality"}))
    assert titles[0].startswith("Rex W. Tillerson at Press Availability")


@pytest.mark.parametrize(
    "url", ["/feeds/events/", "/speakers/rex-w-tillerson/feed/", "/sitemap-events.xml"]
)
def test_feed_and_sitemap_query_counts_do_not_grow(count_queries, seed, more_events, url):
    few = count_queries(url)
    more_events(10, speaker=seed["speakers"]["tillerson"])
    assert count_queries(url) == few
