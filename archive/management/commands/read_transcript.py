"""Print the reader's reading of a transcript as JSON; writes nothing to the database."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from archive.reading import Metadata, ReaderError, Registry, read, to_dict
from archive.reading.registry import from_records, read_records
from archive.registry.loading import default_path
from archive.registry.snapshot import current


def iso_date(value: str) -> datetime.date:
    """Return a date from YYYY-MM-DD, or a clear argument error."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}") from error


def registry(path: str) -> Registry:
    """Return the registry file's people, else the archive's, else the shipped file's."""
    if not path:
        try:
            return current()
        except DatabaseError:
            pass  # no archive database here: the registry as shipped names the same people
    try:
        return from_records(read_records(Path(path) if path else default_path()))
    except (OSError, ValueError, KeyError) as error:
        raise CommandError(f"cannot read the registry: {error}") from error


class Command(BaseCommand):
    help = "Read a transcript (text, HTML, Markdown or PDF) and print the reading as JSON."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the transcript file")
        for name in ("title", "kind", "venue", "city", "source-url", "speaker", "country"):
            parser.add_argument(f"--{name}", default="", help=f"the event's {name}, if given")
        parser.add_argument("--date", default="", help="the event's date, YYYY-MM-DD")
        parser.add_argument(
            "--registry",
            default="",
            help="a people registry YAML file (default: the archive's registry, or the shipped "
            "fixtures/registry/people.yaml when there is no archive database)",
        )

    def handle(self, *args, path, **options):
        source = Path(path)
        try:
            data = source.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror or error}") from error
        metadata = Metadata(
            title=options["title"],
            kind=options["kind"],
            date=iso_date(options["date"]) if options["date"] else None,
            venue=options["venue"],
            city=options["city"],
            source_url=options["source_url"],
            speaker=options["speaker"],
            country=options["country"],
            filename=source.name,
        )
        try:
            reading = read(data, metadata=metadata, registry=registry(options["registry"]))
        except ReaderError as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(json.dumps(to_dict(reading), ensure_ascii=False, indent=2))
