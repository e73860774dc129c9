"""Paths to the transcripts the importer tests read."""

from pathlib import Path

import pytest

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
SEED = SOURCES / "seed" / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt"


@pytest.fixture
def seed_bytes():
    """Return the seed transcript as uploaded."""
    return SEED.read_bytes()
