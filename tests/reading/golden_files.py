"""Where the golden files live and how one is read: input beside NAME.expected.json."""

from __future__ import annotations

import json
from pathlib import Path

from archive.reading import Metadata, read, to_dict
from archive.reading.registry import from_records, read_records

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden"
SUFFIX = ".expected.json"
# Golden files are read as the archive reads: with the shipped people registry.
REGISTRY = from_records(read_records(ROOT / "fixtures" / "registry" / "people.yaml"))


def inputs() -> list[Path]:
    """Return every golden input file, sorted, across the format folders."""
    return sorted(p for p in GOLDEN.glob("*/*") if p.is_file() and not p.name.endswith(SUFFIX))


def expected_path(source: Path) -> Path:
    """Return the expected-reading file beside an input."""
    return source.with_name(source.stem + SUFFIX)


def reading_of(source: Path) -> dict:
    """Return the JSON contract of reading an input, its file name given as metadata."""
    metadata = Metadata(filename=source.name)
    return to_dict(read(source.read_bytes(), metadata=metadata, registry=REGISTRY))


def dumped(data: dict) -> str:
    """Return data as the stable JSON text golden files hold."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
