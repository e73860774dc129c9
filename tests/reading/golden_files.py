"""Where the golden files live and how one is read: input beside NAME.expected.json."""

from __future__ import annotations

import json
from pathlib import Path

from archive.reading import Metadata, read, to_dict

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
SUFFIX = ".expected.json"


def inputs() -> list[Path]:
    """Return every golden input file, sorted, across the format folders."""
    return sorted(p for p in GOLDEN.glob("*/*") if p.is_file() and not p.name.endswith(SUFFIX))


def expected_path(source: Path) -> Path:
    """Return the expected-reading file beside an input."""
    return source.with_name(source.stem + SUFFIX)


def reading_of(source: Path) -> dict:
    """Return the JSON contract of reading an input, its file name given as metadata."""
    return to_dict(read(source.read_bytes(), metadata=Metadata(filename=source.name)))


def dumped(data: dict) -> str:
    """Return data as the stable JSON text golden files hold."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
