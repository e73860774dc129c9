"""Import the dev corpus many times over, each copy with its own checksum, and time it."""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from archive.importing import checkpoints, import_reading
from archive.models import Utterance
from archive.reading.files import read_file
from archive.search import queue

SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"


def source_files() -> list[Path]:
    """Return the dev corpus's transcript files in a fixed order."""
    return sorted(path for path in SOURCES.rglob("*") if path.is_file())


def copy_text(path: Path, text: str, number: int) -> str:
    """Return a source changed just enough to get a checksum of its own."""
    if path.suffix in {".html", ".htm", ".md", ".markdown"}:
        return f"{text}\n<!-- copy {number} -->\n"
    return f"[copy {number}]\n{text}"


def import_copies(copies: int) -> tuple[int, float, float]:
    """Import pre-read copies through import_reading; return utterances, wall and CPU seconds."""
    read = [read_file(path) for path in source_files()]
    before = Utterance.objects.count()
    wall, cpu = time.perf_counter(), time.process_time()
    # The index work stays queued: the writer lock is held, so no commit applies its own.
    with queue.writer_lock(wait=True), checkpoints.in_background(connection):
        for number in range(copies):
            for item in read:
                import_reading(
                    reading=item.reading,
                    source_text=copy_text(item.path, item.source_text, number),
                    source_name=item.path.name,
                    metadata=item.metadata,
                )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return Utterance.objects.count() - before, wall, cpu


def command_copies(copies: int, jobs: int) -> tuple[int, float]:
    """Run import_transcripts on a folder of copies; return utterances and wall seconds."""
    # As an archivist runs it: the index is up to date when the command returns.
    with tempfile.TemporaryDirectory(prefix="archive-copies-") as folder:
        for number in range(copies):
            Path(folder, str(number)).mkdir()
            for path in source_files():
                target = Path(folder, str(number), path.name)
                target.write_text(copy_text(path, path.read_text(), number + copies))
        before = Utterance.objects.count()
        started = time.perf_counter()
        call_command("import_transcripts", folder, jobs=jobs, verbosity=0, stdout=io.StringIO())
        return Utterance.objects.count() - before, time.perf_counter() - started


def report(copies: int, jobs: int) -> list[str]:
    """Return the Markdown table of both ways of importing the copies."""
    count, wall, cpu = import_copies(copies)
    lines = [
        f"Dev corpus ({len(source_files())} transcripts) "
        f"imported {copies} times over, each copy with its own checksum:",
        "",
        "| import | utterances | utterances/s (wall) | utterances/s (CPU of this process) |",
        "|---|---:|---:|---:|",
        f"| import_reading, files read beforehand | {count:,} | {count / wall:,.0f} | "
        f"{count / cpu:,.0f} |",
    ]
    count, wall = command_copies(copies, jobs)
    lines.append(
        f"| import_transcripts --jobs {jobs} (files read, imported and indexed) | {count:,} | "
        f"{count / wall:,.0f} | |"
    )
    return lines
