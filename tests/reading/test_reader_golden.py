"""Golden files: each input in tests/data/golden/<format>/ reads exactly as NAME.expected.json.

After a deliberate change to the reader, regenerate and review:
    python tests/reading/regenerate_golden.py && git diff tests/data/golden
"""

from __future__ import annotations

import json

import pytest
from golden_files import expected_path, inputs, reading_of

SOURCES = inputs()


def test_golden_files_cover_every_format():
    """There are at least ten golden inputs, and every format has one."""
    assert len(SOURCES) >= 10
    assert {p.parent.name for p in SOURCES} == {"text", "html", "markdown", "speech", "pdf"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name[:60]}")
def test_reading_matches_golden_file(source):
    """The reading's JSON contract equals the reviewed golden file."""
    expected = json.loads(expected_path(source).read_text(encoding="utf-8"))
    actual = reading_of(source)
    assert actual["format"] == source.parent.name
    assert actual == expected
