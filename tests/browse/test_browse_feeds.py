"""Atom feeds and the sitemap."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from tests.browse.conftest import SEED_TITLE

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


@pytest.mark.parametrize("query", ["", "?q=", "?q=+++", "?q=(((", "?q=AND+OR+%22"])
def test_search_feed_needs_a_query(client, db, query):
    assert client.get("/feeds/search/" + query).status_code == 404


@pytest.mark.parametrize("query", ["market", 'AND OR "market', "(((market", "title:*"])
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
    call_command("rebuild_index", interactive=False, verbosity=0)
    titles = entries(client.get("/feeds/search/", {"q": "confront the reality"}))
    assert titles[0].startswith("Rex W. Tillerson at Press Availability")


@pytest.mark.parametrize(
    "query",
    [
        {"q": "market OR spanish"},
        {"q": "market", "speaker": "john-kelly"},
        {"q": "thank -market", "sort": "oldest"},
        {"q": "secretary", "words": "interpreted"},
    ],
)
def test_search_feed_finds_what_the_search_page_finds(client, seed, query):
    call_command("rebuild_index", interactive=False, verbosity=0)
    page = client.get("/search/", query).context["outcome"]
    assert page.error is None and page.total > 0
    expected = [f"{row.utterance.speaker.name} at {SEED_TITLE}" for row in page.rows]
    assert entries(client.get("/feeds/search/", {**query, "page": "2"})) == expected


def test_a_search_with_a_refused_filter_links_no_feed(client, seed):
    html = client.get("/search/", {"q": "market", "speaker": "nobody"}).content.decode()
    assert "No speaker" in html and "/feeds/search/" not in html


def test_search_page_links_the_feed_of_its_query(client, seed):
    html = client.get("/search/", {"q": "market", "speaker": "john-kelly", "page": "1"})
    assert 'href="/feeds/search/?q=market&amp;speaker=john-kelly"' in html.content.decode()


def test_feed_summaries_are_html_with_the_transcript_escaped(client, seed):
    utterance = seed["market"]
    utterance.text = "We said <b>no</b> & meant it."
    utterance.save()
    feed = ET.fromstring(client.get("/speakers/rex-w-tillerson/feed/").content)
    summaries = [entry.find(f"{ATOM}summary") for entry in feed.iter(f"{ATOM}entry")]
    assert summaries[0].get("type") == "html"
    assert "We said &lt;b&gt;no&lt;/b&gt; &amp; meant it." in [s.text for s in summaries]


@pytest.mark.parametrize(
    "url", ["/feeds/events/", "/speakers/rex-w-tillerson/feed/", "/sitemap-events.xml"]
)
def test_feed_and_sitemap_query_counts_do_not_grow(count_queries, seed, more_events, url):
    few = count_queries(url)
    more_events(10, speaker=seed["speakers"]["tillerson"])
    assert count_queries(url) == few


@pytest.mark.parametrize("query", ["market\x00", "market\x01", "market\ufffe", "\uffffmarket"])
def test_search_feed_title_holds_the_query_without_control_characters(client, seed, query):
    response = client.get("/feeds/search/", {"q": query})
    assert isinstance(entries(response), list)
    title = ET.fromstring(response.content).find(f"{ATOM}title").text
    assert title == "Diplomatic Statements Archive: quotes matching “market”"


def test_search_feed_links_itself_with_its_query(client, seed):
    response = client.get("/feeds/search/", {"q": "market", "speaker": "john-kelly", "page": "2"})
    feed = ET.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/feeds/search/?q=market&speaker=john-kelly"
    assert links["alternate"] == "http://testserver/search/?q=market&speaker=john-kelly"


def test_a_failing_engine_makes_the_search_feed_unavailable_not_empty(
    client, seed, monkeypatch, caplog
):
    from haystack import connections

    def broken(self, *args, **kwargs):
        raise OSError("index folder unreadable")

    monkeypatch.setattr(type(connections["default"].get_backend()), "search", broken)
    response = client.get("/feeds/search/", {"q": "market"})
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert b"could not be run" in response.content and b"<feed" not in response.content
    assert (
        "Search feed failed for 'market'" in caplog.text
        and "index folder unreadable" in caplog.text
    )


def test_search_feed_title_quotes_a_phrase_once(client, seed):
    response = client.get("/feeds/search/", {"q": '"we are the market"'})
    title = ET.fromstring(response.content).find(f"{ATOM}title").text
    assert title == "Diplomatic Statements Archive: quotes matching “we are the market”"
