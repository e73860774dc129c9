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
            "--corpus-copies",
            type=int,
            default=0,
            help="instead: import fixtures/sources this many times over and print import rates",
        )
        parser.add_argument(
            "--speakers",
            type=int,
            default=0,
            help="instead: time the speakers page's name box and A–Z over this many speakers",
        )
        parser.add_argument(
            "--database-url",
            default="",
            help="an empty scratch database to fill (default: a temporary SQLite file)",
        )

    def handle(self, *args, utterances, queries, corpus_copies, speakers, database_url, **options):
        if os.environ.get(SCRATCH_MARK) == "1":
            self.stdout.write(self.measure(utterances, queries, corpus_copies, speakers))
            return
        arguments = [f"--utterances={utterances}", f"--queries={queries}"]
        if corpus_copies:
            arguments = [f"--corpus-copies={corpus_copies}"]
        if speakers:
            arguments = [f"--speakers={speakers}"]
        self.stdout.write(self.in_scratch(arguments, database_url))

    def measure(self, utterances: int, queries: int, corpus_copies: int, speakers: int) -> str:
        """Return the report of the benchmark run in this (scratch) process."""
        from archive.benchmark import copies
        from archive.benchmark import speakers as people
        from archive.benchmark.run import NotScratch, run, setting

        if speakers:
            try:
                return people.report(speakers)
            except NotScratch as error:
                raise CommandError(str(error)) from error
        if corpus_copies:
            jobs = min(os.cpu_count() or 1, 4)
            return "\n".join([*setting(), "", *copies.report(corpus_copies, jobs)]) + "\n"
        try:
            return run(utterances, queries)
        except NotScratch as error:
            raise CommandError(str(error)) from error

    def in_scratch(self, arguments: list[str], database_url: str) -> str:
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
            done = subprocess.run(
                [*manage, "benchmark", *arguments], env=env, stdout=subprocess.PIPE, text=True
            )
        if done.returncode:
            raise CommandError("the benchmark failed; its error is above")
        return f"- command: `python manage.py benchmark {' '.join(arguments)}`\n{done.stdout}"
