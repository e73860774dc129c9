"""Import transcript files and folders into the archive, one transaction per file."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from tqdm import tqdm

from archive import indexing
from archive.importing import ImportRefused, checkpoints, import_reading
from archive.reading.files import FileReading, read_files

SUFFIXES = {".txt", ".text", ".html", ".htm", ".md", ".markdown", ".pdf"}


class DryRun(Exception):
    """Raised inside a file's transaction to roll back what a dry run wrote."""


def transcript_files(paths: list[str]) -> list[Path]:
    """Return the transcript files named by the paths, folders searched recursively."""
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{name}: no such file or folder")
    return found


class Command(BaseCommand):
    help = "Read transcripts (text, HTML, Markdown, PDF; folders recursively) into the archive."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="transcript files or folders")
        parser.add_argument(
            "--dry-run", action="store_true", help="read and match everything, write nothing"
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="processes reading files ahead of the import (default: the cores, at most 4)",
        )

    def handle(self, *args, paths, dry_run=False, jobs=1, **options):
        files = transcript_files(paths)
        if not files:
            raise CommandError(f"no transcript files ({', '.join(sorted(SUFFIXES))}) found")
        counts: Counter = Counter()
        started = time.perf_counter()
        progress = tqdm(
            read_files(files, jobs if len(files) > 1 else 1),
            total=len(files),
            unit="file",
            disable=options["verbosity"] < 1,
        )
        with indexing.deferred(), checkpoints.in_background(connection):
            for item in progress:
                outcome, utterances = self.import_file(item, dry_run)
                counts[outcome] += 1
                counts["utterances"] += utterances
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{'dry run: ' if dry_run else ''}imported {counts['imported']}, "
            f"duplicates {counts['duplicate']}, failed {counts['failed']}, "
            f"utterances {counts['utterances']}, seconds {seconds:.1f}"
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} of {len(files)} files failed")

    def import_file(self, item: FileReading, dry_run: bool) -> tuple[str, int]:
        """Import one read file in its own transaction; return its outcome and utterance count."""
        if item.error:
            self.report(self.stderr, f"{item.path}: {item.error}")
            return "failed", 0
        try:
            with transaction.atomic():
                result = import_reading(
                    reading=item.reading,
                    source_text=item.source_text,
                    source_name=item.path.name,
                    metadata=item.metadata,
                    source_file=item.source_file,
                )
                if dry_run:
                    raise DryRun(result)
        except DryRun as rolled_back:
            result = rolled_back.args[0]
        except ImportRefused as error:
            self.report(self.stderr, f"{item.path}: {error}")
            return "failed", 0
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
            self.report(self.stderr, f"{item.path}: {type(error).__name__}: {error}")
            return "failed", 0
        if not result.created:
            where = result.event.get_absolute_url()
            self.report(self.stdout, f"{item.path}: already imported as {where}")
            return "duplicate", 0
        return "imported", result.utterance_count

    def report(self, stream, message: str) -> None:
        """Write one line without tearing the progress bar."""
        with tqdm.external_write_mode():
            stream.write(message)
