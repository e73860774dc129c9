"""Shared fixtures: a private search index folder and small archive objects."""

import datetime

import pytest

from archive.models import Event, Speaker, Utterance


@pytest.fixture(autouse=True)
def _private_index(settings, tmp_path):
    """Point the search index at a throwaway folder so tests never touch the user's index."""
    settings.WHOOSH_INDEX_DIR = tmp_path / "whoosh"
    settings.HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "archive.search.engines.whoosh.backend.ArchiveWhooshEngine",
            "PATH": str(tmp_path / "whoosh"),
        }
    }


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
