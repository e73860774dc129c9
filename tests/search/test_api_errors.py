"""Every URL under /api/ answers JSON, errors included: never the site's HTML pages."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def assert_json_error(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


@pytest.mark.parametrize("url", ["/api/", "/api/nope", "/api/speakers/x/y/z", "/api/events/a/b/"])
def test_unknown_api_paths_are_json_404s(client, archive, url):
    assert_json_error(client.get(url), 404)


def test_the_404_lists_the_endpoints(client, archive):
    assert "/api/search?q=…" in client.get("/api/nope").json()["endpoints"]


@pytest.mark.parametrize("pk", ["abc", "-1", "1.5", "١"])
def test_an_utterance_id_that_is_no_number_is_a_json_400(client, archive, pk):
    assert_json_error(client.get(f"/api/utterances/{pk}"), 400)


def test_an_unknown_utterance_is_a_json_404(client, archive):
    assert_json_error(client.get("/api/utterances/99999999999999999999999"), 404)


@pytest.mark.parametrize(
    ("url", "location"),
    [("/api/speakers?page=1", "/api/speakers/?page=1"), ("/api/search/?q=x", "/api/search?q=x")],
)
def test_a_path_off_by_its_final_slash_redirects(client, archive, url, location):
    response = client.get(url)
    assert response.status_code == 301 and response["Location"] == location


def test_writes_are_a_json_405_not_a_csrf_page(archive):
    response = Client(enforce_csrf_checks=True).post("/api/search", {"q": "market"})
    assert_json_error(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"
