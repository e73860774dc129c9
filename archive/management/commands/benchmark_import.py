"""Measure import speed: the dev corpus imported many times over, in a scratch database."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.importing import import_reading
from archive.reading import Metadata, read

SCRATCH_MARK = "ARCHIVE_BENCHMARK_SCRATCH"
SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"


class Command(BaseCommand):
    help = (
        "Import the dev corpus COPIES times (checksums altered) into a scratch database and "
        "print utterances/s; never touches your own database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--copies", type=int, default=50)
        parser.add_argument(
            "--database-url", default="", help="scratch database (default: a temp SQLite file)"
        )

    def handle(self, *args, copies, database_url, **options):
        if os.environ.get(SCRATCH_MARK) == "1":
            self.measure(copies)
            return
        with tempfile.TemporaryDirectory() as scratch:
            env = dict(
                os.environ,
                DATABASE_URL=database_url or f"sqlite:///{scratch}/bench.sqlite3",
                WHOOSH_INDEX_DIR=f"{scratch}/index",
                **{SCRATCH_MARK: "1"},
            )
            command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            subprocess.run([*command, "migrate", "-v0"], env=env, check=True)
            done = subprocess.run([*command, "benchmark_import", f"--copies={copies}"], env=env)
            if done.returncode:
                raise CommandError("the benchmark failed")

    def measure(self, copies: int) -> None:
        """Read the corpus once, import it `copies` times, and print the figures."""
        files = sorted(p for p in SOURCES.rglob("*") if p.is_file())
        started = time.perf_counter()
        readings = [(p, read(p.read_bytes(), metadata=Metadata(filename=p.name))) for p in files]
        read_seconds = time.perf_counter() - started
        turns = sum(len(r.utterances) for _, r in readings)
        started = time.perf_counter()
        for copy in range(copies):
            for path, reading in readings:
                source = f"{path.read_text(errors='replace')}\n[benchmark copy {copy}]"
                import_reading(reading=reading, source_text=source, source_name=path.name)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{connection.vendor}: read {len(files)} files ({turns} utterances) in "
            f"{read_seconds:.2f} s; imported {copies} copies = {copies * turns} utterances in "
            f"{seconds:.1f} s = {copies * turns / seconds:,.0f} utterances/s"
        )
