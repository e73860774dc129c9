"""Import transcript files and folders into the archive, one transaction per file."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.template.defaultfilters import filesizeformat
from tqdm import tqdm

from archive.importing import ImportRefused, checkpoints, import_reading
from archive.reading.files import FileReading, read_files
from archive.registry.snapshot import current as current_registry
from archive.search import queue

SUFFIXES = {".txt", ".text", ".html", ".htm", ".md", ".markdown", ".pdf"}
INDEX_EVERY, INDEX_PATIENCE = 2.0, 120.0  # seconds


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
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.TRANSCRIPT_UPLOAD_MAX_BYTES,
            help="refuse larger files, as the admin upload does (default: "
            f"{filesizeformat(settings.TRANSCRIPT_UPLOAD_MAX_BYTES)})",
        )

    def handle(self, *args, paths, dry_run=False, jobs=1, max_bytes, **options):
        files = transcript_files(paths)
        if not files:
            raise CommandError(f"no transcript files ({', '.join(sorted(SUFFIXES))}) found")
        self.verbosity = options["verbosity"]
        counts: Counter = Counter()
        started = time.perf_counter()
        wanted = [path for path in files if self.small_enough(path, max_bytes, counts)]
        progress = tqdm(
            read_files(wanted, jobs if len(wanted) > 1 else 1, current_registry()),
            total=len(files),
            initial=len(files) - len(wanted),
            unit="file",
            disable=self.verbosity < 1,
        )
        try:
            # The command is the index writer while it runs: a commit of one file then leaves
            # its index work queued, and the command applies the queue in batches every few
            # seconds, rather than a small index commit per file, and at the end, also when
            # the batch is interrupted.
            with queue.writer_lock(wait=True), checkpoints.in_background(connection):
                try:
                    self.import_all(progress, counts, dry_run)
                finally:
                    queue.apply_all(patience=INDEX_PATIENCE)
        finally:
            progress.close()
            self.summary(counts, len(files), time.perf_counter() - started, dry_run)
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} of {len(files)} files failed")

    def import_all(self, progress, counts: Counter, dry_run: bool) -> None:
        """Import each read file, applying the index queue every INDEX_EVERY seconds."""
        applied = time.monotonic()
        for item in progress:
            outcome, utterances = self.import_file(item, dry_run)
            counts[outcome] += 1
            counts["utterances"] += utterances
            if time.monotonic() - applied > INDEX_EVERY:
                queue.apply_all(patience=INDEX_PATIENCE)
                applied = time.monotonic()

    def small_enough(self, path: Path, limit: int, counts: Counter) -> bool:
        """Return whether a file is within the size limit; report and count it if not."""
        size = path.stat().st_size
        if size <= limit:
            return True
        self.report(
            self.stderr,
            f"{path}: the transcript is {filesizeformat(size)}; the limit is "
            f"{filesizeformat(limit)} (--max-bytes raises it)",
        )
        counts["failed"] += 1
        return False

    def summary(self, counts: Counter, total: int, seconds: float, dry_run: bool) -> None:
        """Print what the batch did; a batch stopped early says how far it got."""
        done = counts["imported"] + counts["duplicate"] + counts["failed"]
        self.stdout.write(
            f"{'dry run: ' if dry_run else ''}imported {counts['imported']}, "
            f"duplicates {counts['duplicate']}, failed {counts['failed']}, "
            f"utterances {counts['utterances']}, seconds {seconds:.1f}"
            + ("" if done == total else f"; stopped after {done} of {total} files")
        )

    def import_file(self, item: FileReading, dry_run: bool) -> tuple[str, int]:
        """Import one read file in its own transaction; return its outcome and utterance count."""
        if item.error:
            self.report(self.stderr, f"{item.path}: {item.error}")
            return "failed", 0
        try:
            result = self.write(item, dry_run)
        except ImportRefused as error:
            self.report(self.stderr, f"{item.path}: {error}")
            return "failed", 0
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
            self.report(self.stderr, f"{item.path}: {error!r}")
            return "failed", 0
        where = result.event.get_absolute_url()
        if not result.created:
            self.report(self.stdout, f"{item.path}: already imported as {where}")
            return "duplicate", 0
        if self.verbosity >= 1:
            self.report(self.stdout, f"{item.path}: imported as {where}")
        return "imported", result.utterance_count

    def write(self, item: FileReading, dry_run: bool):
        """Import one read file and return the ImportResult; a dry run rolls the import back."""
        values = {
            "reading": item.reading,
            "source_text": item.source_text,
            "source_name": item.path.name,
            "metadata": item.metadata,
            "source_file": item.source_file,
        }
        if not dry_run:
            # In a transaction of its own, which import_reading runs again after a deadlock.
            return import_reading(**values)
        try:
            with transaction.atomic():
                raise DryRun(import_reading(**values))
        except DryRun as rolled_back:
            return rolled_back.args[0]

    def report(self, stream, message: str) -> None:
        """Write one line without tearing the progress bar."""
        with tqdm.external_write_mode():
            stream.write(message)
