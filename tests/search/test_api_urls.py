"""Every link the API gives is absolute, as its pagination links always were."""

import pytest

pytestmark = pytest.mark.django_db


def links(data):
    """Yield every value of a key ending in "url" anywhere in a JSON answer."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key.endswith("url") and isinstance(value, str):
                yield value
            else:
                yield from links(value)
    elif isinstance(data, list):
        for value in data:
            yield from links(value)


@pytest.mark.parametrize(
    "url", ["/api/search?q=market", "/api/utterances/{pk}", "/api/speakers/", "/api/events/"]
)
def test_result_urls_are_absolute(client, archive, url):
    data = client.get(url.format(pk=archive["utterances"][0].pk)).json()
    found = list(links(data))
    assert found and all(link.startswith("http://testserver/") for link in found)


def test_urls_follow_the_request_host_and_scheme(client, archive):
    data = client.get("/api/events/", secure=True, headers={"host": "localhost"}).json()
    assert data["results"][0]["url"] == "https://localhost/events/tokyo-2022/"
