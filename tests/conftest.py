"""Shared fixtures: the people registry, a private search index folder (of the engine under
test) and small archive objects.

The engine is tantivy unless ARCHIVE_TEST_ENGINE names another: `make test` runs the search
tests once more with ARCHIVE_TEST_ENGINE=whoosh.
"""

import datetime
import os
from functools import cache

import pytest
from haystack import connections

from archive.models import Event, Speaker, Utterance
from archive.reading.registry import read_records
from archive.registry.loading import default_path, load
from archive.registry.models import Person


@cache
def registry_records() -> list[dict]:
    """Return the shipped registry, read once."""
    return read_records(default_path())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Give the test database the shipped people registry, as `make run` gives a new archive."""
    with django_db_blocker.unblock():
        load(registry_records())


@pytest.fixture(autouse=True)
def _registry_after_flush(request):
    """Reload the registry in a transactional test: an earlier one's flush emptied its tables."""
    marker = request.node.get_closest_marker("django_db")
    wanted = {"transactional_db", "live_server"} & set(request.fixturenames)
    if not (wanted or (marker and marker.kwargs.get("transaction"))):
        return
    request.getfixturevalue("transactional_db")
    if not Person.objects.exists():
        load(registry_records())


ENGINES = {
    "tantivy": "archive.search.engines.tantivy.TantivyEngine",
    "whoosh": "archive.search.engines.whoosh.WhooshEngine",
}
ENGINE = os.environ.get("ARCHIVE_TEST_ENGINE", "tantivy")


def use_engine(settings, name: str, path) -> None:
    """Point the search settings and haystack at a fresh index of engine `name` in `path`."""
    settings.SEARCH_INDEX_DIR = settings.WHOOSH_INDEX_DIR = path
    settings.HAYSTACK_CONNECTIONS = {"default": {"ENGINE": ENGINES[name], "PATH": str(path)}}
    # haystack reads its settings once; its connections are per thread, rebuilt from these.
    connections.connections_info = settings.HAYSTACK_CONNECTIONS
    connections.reload("default")


@pytest.fixture(autouse=True)
def _private_index(settings, tmp_path):
    """Point the search index at a throwaway folder so tests never touch the user's index."""
    use_engine(settings, ENGINE, tmp_path / "index")


@pytest.fixture
def engine_name():
    """Return the name of the engine under test."""
    return ENGINE


@pytest.fixture
def event(db):
    """Return one saved event."""
    return Event.objects.create(
        title="Press Availability on Drugs",
        slug="press-availability-on-drugs",
        kind="press-availability",
        date=datetime.date(2017, 5, 18),
        venue="Dean Acheson Auditorium",
        city="Washington, DC",
        source_text="SECRETARY TILLERSON: We are the market.",
        checksum="a" * 64,
    )


@pytest.fixture
def speaker(db):
    """Return one saved speaker."""
    return Speaker.objects.create(
        name="Rex W. Tillerson", slug="rex-w-tillerson", role="Secretary of State"
    )


@pytest.fixture
def utterance(event, speaker):
    """Return one saved utterance of `speaker` at `event`."""
    return Utterance.objects.create(
        event=event,
        sequence=1,
        speaker=speaker,
        label="SECRETARY TILLERSON",
        text="We are the market.",
    )
