"""Pages past the last, or that are no page number, are the same JSON 400 on every endpoint."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = ["/api/search", "/api/speakers/", "/api/events/"]


def get_page(client, url, page):
    params = {"q": "market"} if url == "/api/search" else {}
    return client.get(url, {**params, "page": page})


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", ["999", "2"])
def test_a_page_past_the_last_is_a_400_giving_the_pages(client, archive, url, page):
    response = get_page(client, url, page)
    assert response.status_code == 400
    assert response.json()["pages"] == 1 and "page" in response.json()["error"]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", ["0", "-1", "x", "1.5", "١"])
def test_a_page_that_is_no_page_number_is_a_400(client, archive, url, page):
    response = get_page(client, url, page)
    assert response.status_code == 400 and "error" in response.json()


@pytest.mark.parametrize("url", LISTS)
def test_the_first_page_and_an_empty_page_parameter_answer(client, archive, url):
    assert get_page(client, url, "1").status_code == 200
    assert get_page(client, url, "").json()["pagination"]["page"] == 1


def test_a_search_without_hits_has_one_empty_page(client, archive):
    data = client.get("/api/search", {"q": "zebra"}).json()
    assert data["results"] == [] and data["pagination"]["pages"] == 1
    assert client.get("/api/search", {"q": "zebra", "page": "2"}).status_code == 400


def test_following_next_ends_at_the_last_page(client, archive, monkeypatch):
    monkeypatch.setattr("archive.api.base.JsonApiMixin.paginate_by", 2)
    url, seen = "/api/speakers/", []
    while url:
        data = client.get(url).json()
        seen += [speaker["slug"] for speaker in data["results"]]
        url = data["pagination"]["next"]
    assert len(seen) == len(set(seen)) == 5


def test_search_pages_stop_at_the_engines_limit(client, archive, monkeypatch):
    monkeypatch.setattr("archive.search.service.MAX_PAGE", 1)
    monkeypatch.setattr("archive.search.service.run.__defaults__", (2,))
    data = client.get("/api/search", {"q": "market"}).json()
    assert data["pagination"]["count"] == 4
    assert data["pagination"]["pages"] == 1 and data["pagination"]["next"] is None
    response = client.get("/api/search", {"q": "market", "page": "2"})
    assert response.status_code == 400 and "first 1 pages" in response.json()["error"]
