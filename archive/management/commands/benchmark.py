"""manage.py benchmark: import, rebuild and search a synthetic archive in a scratch database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SCRATCH_MARK = "ARCHIVE_BENCHMARK_SCRATCH"
ENGINES = ("tantivy", "whoosh")


class Command(BaseCommand):
    help = (
        "Build a synthetic archive of N utterances shaped like fixtures/corpus.json in a scratch "
        "database, rebuild and search it with each engine (and PostgreSQL full-text search on "
        "PostgreSQL), and print rates, search p50/p95 side by side and peak memory. Never "
        "touches your own data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--utterances", type=int, default=10_000)
        parser.add_argument("--queries", type=int, default=20, help="queries of each kind")
        parser.add_argument(
            "--engine",
            action="append",
            choices=ENGINES,
            help="an engine to measure, the first one the base of the ratios (repeatable; "
            "default: tantivy and whoosh)",
        )
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
            "--quote-check",
            action="store_true",
            help="instead: the dev corpus grown to N utterances, and the quote check's accuracy "
            "and time on mutated sentences of it (--cases of them; default engine: tantivy)",
        )
        parser.add_argument("--cases", type=int, default=200, help="quote-check sentences")
        parser.add_argument(
            "--database-url",
            default="",
            help="an empty scratch database to fill (default: a temporary SQLite file)",
        )
        parser.add_argument("--phase", default="", help=SCRATCH_MARK)

    def handle(self, *args, utterances, queries, engine, corpus_copies, database_url, **options):
        speakers = options["speakers"]
        if os.environ.get(SCRATCH_MARK) == "1":
            phase = options["phase"]
            self.stdout.write(self.in_phase(phase, utterances, queries, corpus_copies, speakers))
            return
        with tempfile.TemporaryDirectory(prefix="archive-benchmark-") as scratch:
            runner = Scratch(Path(scratch), database_url)
            if speakers:
                text = runner.run("speakers", f"--speakers={speakers}", raw=True)
                command = f"--speakers={speakers}"
            elif options["quote_check"]:
                text = self.quote_checked(runner, utterances, options["cases"], engine)
                command = " ".join(
                    [f"--quote-check --utterances={utterances} --cases={options['cases']}"]
                    + [f"--engine={name}" for name in engine or ()]
                )
            elif corpus_copies:
                text = runner.run("copies", f"--corpus-copies={corpus_copies}", raw=True)
                command = f"--corpus-copies={corpus_copies}"
            else:
                text = self.measured(runner, utterances, queries, engine or list(ENGINES))
                command = " ".join(
                    [f"--utterances={utterances}", f"--queries={queries}"]
                    + [f"--engine={name}" for name in engine or ()]
                )
        self.stdout.write(f"- command: `python manage.py benchmark {command}`\n{text}")

    def measured(self, runner, utterances: int, queries: int, engines: list[str]) -> str:
        """Run the import, then each engine's phase and PostgreSQL's; return the report."""
        from archive.benchmark.report import report

        imported = runner.run("import", f"--utterances={utterances}")
        phases = {
            name: runner.run("engine", f"--queries={queries}", engine=name) for name in engines
        }
        if runner.postgres:
            phases["postgres"] = runner.run("postgres", f"--queries={queries}")
        return report(imported["setting"], queries, imported, phases)

    def quote_checked(self, runner, utterances: int, cases: int, engines) -> str:
        """Run the quote check's import, then each engine's checks; return the report."""
        from archive.benchmark import quote_check

        imported = runner.run("quote-import", f"--utterances={utterances}")
        phases = {
            name: runner.run("quote-engine", f"--queries={cases}", engine=name)
            for name in engines or ["tantivy"]
        }
        return quote_check.report(imported, phases)

    def in_phase(
        self, phase: str, utterances: int, queries: int, corpus_copies: int, speakers: int
    ) -> str:
        """Run one phase in this (scratch) process and return its figures as JSON or text."""
        from archive.benchmark import copies, quote_check, run
        from archive.benchmark import speakers as people

        try:
            if phase == "speakers":
                return people.report(speakers)
            if phase == "quote-import":
                return json.dumps(quote_check.import_phase(utterances))
            if phase == "quote-engine":
                return json.dumps(quote_check.engine_phase(queries))
            if phase == "copies":
                jobs = min(os.cpu_count() or 1, 4)
                return "\n".join([*run.setting(), "", *copies.report(corpus_copies, jobs)]) + "\n"
            if phase == "import":
                return json.dumps({**run.import_phase(utterances), "setting": run.setting()})
            if phase == "engine":
                return json.dumps(run.engine_phase(queries))
            return json.dumps(run.postgres_phase(queries))
        except run.NotScratch as error:
            raise CommandError(str(error)) from error


class Scratch:
    """The scratch database and index folders, and the child processes that use them."""

    def __init__(self, folder: Path, database_url: str):
        self.folder = folder
        self.database_url = database_url or f"sqlite:///{folder}/benchmark.sqlite3"
        self.postgres = self.database_url.startswith(("postgres", "postgresql"))
        self.manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        subprocess.run([*self.manage, "migrate", "-v0"], env=self.env("tantivy"), check=True)

    def env(self, engine: str) -> dict:
        return dict(
            os.environ,
            DATABASE_URL=self.database_url,
            SEARCH_URL=f"{engine}:",
            SEARCH_INDEX_DIR=str(self.folder / engine),
            DEBUG="false",
            **{SCRATCH_MARK: "1"},
        )

    def run(self, phase: str, *arguments: str, engine: str = "tantivy", raw: bool = False):
        """Run a phase in a child process; return its JSON figures (or its text when raw)."""
        done = subprocess.run(
            [*self.manage, "benchmark", f"--phase={phase}", *arguments],
            env=self.env(engine),
            stdout=subprocess.PIPE,
            text=True,
        )
        if done.returncode:
            raise CommandError(f"the benchmark's {phase} phase failed; its error is above")
        return done.stdout if raw else json.loads(done.stdout.strip().splitlines()[-1])
