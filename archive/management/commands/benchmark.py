"""manage.py benchmark: import, rebuild and search a synthetic archive in a scratch database."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SCRATCH_MARK = "ARCHIVE_BENCHMARK_SCRATCH"


class Command(BaseCommand):
    help = (
        "Build a synthetic archive of N utterances shaped like fixtures/corpus.json in a scratch "
        "database and index, and print import and rebuild rates, search p50/p95 (also through "
        "PostgreSQL full-text search on PostgreSQL) and peak memory. Never touches your own data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--utterances", type=int, default=10_000)
        parser.add_argument("--queries", type=int, default=20, help="queries of each kind")
        parser.add_argument(
            "--database-url",
            default="",
            help="an empty scratch database to fill (default: a temporary SQLite file)",
        )

    def handle(self, *args, utterances, queries, database_url, **options):
        if os.environ.get(SCRATCH_MARK) == "1":
            from archive.benchmark.run import NotScratch, run

            try:
                self.stdout.write(run(utterances, queries))
            except NotScratch as error:
                raise CommandError(str(error)) from error
            return
        self.stdout.write(self.in_scratch(utterances, queries, database_url))

    def in_scratch(self, utterances: int, queries: int, database_url: str) -> str:
        """Run the benchmark in a child process on scratch database and index; return its report."""
        with tempfile.TemporaryDirectory(prefix="archive-benchmark-") as scratch:
            env = dict(
                os.environ,
                DATABASE_URL=database_url or f"sqlite:///{scratch}/benchmark.sqlite3",
                WHOOSH_INDEX_DIR=f"{scratch}/index",
                SEARCH_URL="whoosh:",
                DEBUG="false",
                **{SCRATCH_MARK: "1"},
            )
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
            arguments = [f"--utterances={utterances}", f"--queries={queries}"]
            done = subprocess.run(
                [*manage, "benchmark", *arguments], env=env, stdout=subprocess.PIPE, text=True
            )
        if done.returncode:
            raise CommandError("the benchmark failed; its error is above")
        command = f"python manage.py benchmark --utterances {utterances} --queries {queries}"
        return f"- command: `{command}`\n{done.stdout}"
