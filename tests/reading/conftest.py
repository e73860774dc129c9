"""The reader's tests need neither the database nor the search index."""

import pytest


@pytest.fixture(autouse=True)
def _private_index():
    """Replace the project-wide search-index fixture: the reader never touches settings."""
    return None
