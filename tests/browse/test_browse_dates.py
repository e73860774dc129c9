"""The date archive: years, months, days and their events, with counts and neighbours."""

import datetime

import pytest

pytestmark = pytest.mark.django_db

SEED_SLUG = "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability"


def periods(response):
    return [(str(row["date"]), row["count"]) for row in response.context["date_list"]]


def test_index_lists_years_with_counts(client, seed):
    response = client.get("/dates/")
    assert response.status_code == 200
    assert periods(response) == [("2018-01-01", 1), ("2017-01-01", 2)]
    assert 'href="/dates/2017/"' in response.content.decode()


def test_index_of_an_empty_archive(client, db):
    response = client.get("/dates/")
    assert response.status_code == 200
    assert b"No events yet." in response.content


def test_year_lists_months_with_counts_and_neighbours(client, seed):
    response = client.get("/dates/2017/")
    assert response.status_code == 200
    assert periods(response) == [("2017-02-01", 1), ("2017-05-01", 1)]
    html = response.content.decode()
    assert 'href="/dates/2017/05/"' in html
    assert 'rel="next" href="/dates/2018/"' in html
    assert response.context["previous_year"] is None


def test_month_lists_days_with_counts_and_neighbours(client, seed, more_events):
    more_events(2)
    response = client.get("/dates/2017/05/")
    assert response.status_code == 200
    assert periods(response) == [("2017-05-18", 3)]
    html = response.content.decode()
    assert 'href="/dates/2017/05/18/"' in html
    assert 'rel="prev" href="/dates/2017/02/"' in html
    assert 'rel="next" href="/dates/2018/01/"' in html


def test_day_lists_its_events_with_neighbours(client, seed):
    response = client.get("/dates/2017/05/18/")
    assert response.status_code == 200
    assert [event.slug for event in response.context["object_list"]] == [SEED_SLUG]
    assert response.context["previous_day"] == datetime.date(2017, 2, 14)
    assert response.context["next_day"] == datetime.date(2018, 1, 10)
    assert 'rel="prev" href="/dates/2017/02/14/"' in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/dates/2017/13/",
        "/dates/2017/00/",
        "/dates/2017/02/30/",
        "/dates/2017/5/",
        "/dates/17/",
        "/dates/2016/",
        "/dates/2017/06/",
        "/dates/2017/05/19/",
    ],
)
def test_impossible_or_empty_dates_are_404(client, seed, url):
    assert client.get(url).status_code == 404


def test_day_paginates(client, seed, more_events):
    more_events(30)
    first = client.get("/dates/2017/05/18/")
    assert len(first.context["object_list"]) == 25
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert len(client.get("/dates/2017/05/18/?page=2").context["object_list"]) == 6


@pytest.mark.parametrize(
    "url", ["/dates/", "/dates/2017/", "/dates/2017/05/", "/dates/2017/05/18/"]
)
def test_query_count_does_not_grow(count_queries, seed, more_events, url):
    few = count_queries(url)
    more_events(20)
    assert count_queries(url) == few


def test_an_event_dated_by_its_year_alone_is_filed_under_the_year_only(client, seed):
    from tests.browse.conftest import make_event

    speech = make_event(
        "2017-general-debate", datetime.date(2017, 1, 1), kind="speech", date_precision="year"
    )
    year = client.get("/dates/2017/")
    assert speech in year.context["object_list"]
    assert periods(year) == [("2017-02-01", 1), ("2017-05-01", 1)]
    assert periods(client.get("/dates/")) == [("2018-01-01", 1), ("2017-01-01", 3)]
    assert client.get("/dates/2017/01/").status_code == 404
    assert client.get("/dates/2017/01/01/").status_code == 404
    page = client.get(speech.get_absolute_url()).content.decode()
    assert '<a href="/dates/2017/"><time datetime="2017">2017</time></a>' in page
    assert "/dates/2017/01/" not in page
