"""SEARCH_URL picks the engine; the search box partial keeps its scope."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string

from archive.env import Env

TANTIVY = "archive.search.engines.tantivy.TantivyEngine"
WHOOSH = "archive.search.engines.whoosh.WhooshEngine"
FOLDERS = {"tantivy": Path("/srv/index"), "whoosh": Path("/srv/whoosh")}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", {"ENGINE": TANTIVY, "PATH": "/srv/index"}),
        ("tantivy:", {"ENGINE": TANTIVY, "PATH": "/srv/index"}),
        ("tantivy:///data/tv", {"ENGINE": TANTIVY, "PATH": "/data/tv"}),
        ("whoosh:", {"ENGINE": WHOOSH, "PATH": "/srv/whoosh"}),
        ("whoosh:///data/ix", {"ENGINE": WHOOSH, "PATH": "/data/ix"}),
        (
            "elasticsearch7://es:9200/quotes",
            {
                "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
                "URL": "http://es:9200/",
                "INDEX_NAME": "quotes",
            },
        ),
        (
            "solr+https://solr:8983/solr/archive",
            {
                "ENGINE": "haystack.backends.solr_backend.SolrEngine",
                "URL": "https://solr:8983/solr/archive",
            },
        ),
    ],
)
def test_search_url(url, expected):
    assert Env({"SEARCH_URL": url}).search(FOLDERS) == expected


def test_unknown_search_url_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        Env({"SEARCH_URL": "lucene://x"}).search(FOLDERS)


def test_search_box_partial():
    html = render_to_string(
        "archive/includes/search_box.html", {"action": "/search/", "speaker": "anna-smith"}
    )
    assert 'name="speaker" value="anna-smith"' in html and 'for="search-box-anna-smith"' in html
    assert 'name="event"' not in html
