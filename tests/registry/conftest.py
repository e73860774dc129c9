"""The registry data tests need no Django: they run with ``-p no:django``."""

import pytest


@pytest.fixture(autouse=True)
def _private_index():
    """No search index here; this replaces the Django-backed one of tests/conftest.py."""
