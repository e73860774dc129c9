"""Every browse page has its own title, a meta description, landmarks and labelled forms."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/speakers/",
    "/speakers/rex-w-tillerson/",
    "/dates/",
    "/dates/2017/",
    "/dates/2017/05/",
    "/dates/2017/05/18/",
    "/events/2017-05-18-tillerson-kelly-videgaray-osorio-press-availability/",
]


def page_urls(seed):
    return [*PAGES, seed["market"].get_absolute_url()]


def test_each_page_has_a_distinct_title_and_a_description(client, seed):
    titles = set()
    for url in page_urls(seed):
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.+?)</title>", html, re.S).group(1).strip()
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert title and description and description.group(1).strip(), url
        titles.add(title)
    assert len(titles) == len(page_urls(seed))


def test_each_page_has_landmarks_and_labelled_controls(client, seed):
    for url in page_urls(seed):
        html = client.get(url).content.decode()
        assert html.count("<main") == 1 and "<header" in html and "<footer" in html, url
        assert '<nav class="site-nav" aria-label="Main">' in html
        assert 'href="#main"' in html
        for control_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
            assert f'<label for="{control_id}">' in html, (url, control_id)


def test_no_page_loads_anything_from_another_site(client, seed):
    for url in page_urls(seed):
        html = client.get(url).content.decode()
        assert not re.search(r'<(?:link|script|img)[^>]+(?:href|src)="(?:https?:)?//', html), url


def test_not_found_page_is_a_site_page(client, db):
    response = client.get("/events/no-such-event/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Page not found · Diplomatic Statements Archive</title>" in html
    assert 'href="/speakers/"' in html
