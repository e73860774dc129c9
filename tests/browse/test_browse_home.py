"""The home page: search box, totals, newest events and most-quoted speakers."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_has_a_search_box_for_quotes(client, seed):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html
    assert 'name="q"' in html
    assert '<label for="search-box-all">Search the quotes</label>' in html


def test_home_shows_totals_from_the_database(client, seed):
    html = client.get("/").content.decode()
    assert 'data-total="events">3<' in html
    # Named speakers, as the speakers page counts them: the "Question" role is not one.
    assert 'data-total="speakers">5<' in html
    listed = client.get("/speakers/").context["page_obj"].paginator.count
    assert listed == 5
    assert 'data-total="utterances">7<' in html


def test_robots_txt_keeps_crawlers_off_search_and_admin_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /search/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_home_lists_newest_events_first(client, seed):
    html = client.get("/").content.decode()
    later, seed_event, earlier = "Interview 2018", "Press Availability With", "Briefing 2017"
    assert html.index(later) < html.index(seed_event) < html.index(earlier)


def test_home_ranks_identified_speakers_by_quotes(client, seed):
    response = client.get("/")
    top = list(response.context["top_speakers"])
    assert top[0].name == "Rex W. Tillerson"
    assert top[0].utterance_count == 2
    assert "Question" not in [speaker.name for speaker in top]


def test_home_query_count_does_not_grow(count_queries, seed, more_events):
    few = count_queries("/")
    more_events(12, speaker=seed["speakers"]["kelly"])
    assert count_queries("/") == few
