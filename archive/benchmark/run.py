"""Run the benchmark in the current (scratch) database and index and return its report."""

from __future__ import annotations

import os
import platform
import resource
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from archive.benchmark import pgfts
from archive.benchmark.corpus import load_shape, readings
from archive.benchmark.queries import KINDS, measure, query_set, time_page
from archive.importing import checkpoints, import_reading
from archive.models import Event, Speaker, Utterance
from archive.search import queue

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "corpus.json"


class NotScratch(RuntimeError):
    """Raised when the database already holds an archive: the benchmark fills its own only."""


def timed(work) -> tuple[float, float]:
    """Run `work` and return its wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def import_all(total: int) -> tuple[float, float]:
    """Import synthetic events through import_reading; only those calls are timed."""
    wall = cpu = 0.0
    # Holding the writer lock makes each commit's drain a no-op, as when a writer is busy.
    with queue.writer_lock(wait=True), checkpoints.in_background(connection):
        for reading, source in readings(load_shape(FIXTURE), total):
            seconds = timed(
                lambda r=reading, s=source: import_reading(
                    reading=r, source_text=s, source_name="synthetic.txt"
                )
            )
            wall, cpu = wall + seconds[0], cpu + seconds[1]
    return wall, cpu


def rebuild() -> tuple[float, float]:
    """Rebuild the search index from the database (it also settles the queued work)."""
    return timed(lambda: call_command("rebuild_index", interactive=False, verbosity=0))


def run(total: int, per_kind: int) -> str:
    """Build the synthetic archive, measure it, and return the report as Markdown."""
    if Utterance.objects.exists():
        raise NotScratch("the database already holds utterances; give an empty scratch database")
    figures = {"import": import_all(total), "queued": queue.pending()}
    figures["rebuild"] = rebuild()
    postgres = connection.vendor == "postgresql"
    if postgres:
        figures["gin"] = timed(pgfts.create_index)
    queries = query_set(load_shape(FIXTURE), per_kind)
    whoosh = {kind: measure(time_page, params) for kind, params in queries.items()}
    pg = {kind: measure(_timed_pg, params) for kind, params in queries.items()} if postgres else {}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report(total, per_kind, figures, whoosh, pg, peak)


def _timed_pg(params: dict) -> tuple[float, float]:
    wall, cpu = timed(lambda: pgfts.search(params))
    return wall * 1000, cpu * 1000


def report(total, per_kind, figures, whoosh, pg, peak) -> str:
    """Return the machine, the data and both tables as Markdown."""
    lines = [
        *setting(),
        f"- data: {Utterance.objects.count():,} utterances, {Event.objects.count():,} events, "
        f"{Speaker.objects.count():,} speakers; {per_kind} queries of each kind",
        "",
        "| step | utterances/s (wall) | utterances/s (CPU of this process) | seconds |",
        "|---|---:|---:|---:|",
    ]
    steps = [("import (import_reading, index work queued)", "import")]
    steps += [("index rebuild (rebuild_index)", "rebuild"), ("PostgreSQL GIN index build", "gin")]
    for label, key in steps:
        if key in figures:
            wall, cpu = figures[key]
            # The server builds the GIN index while this process waits: its CPU rate means nothing.
            rate = "–" if key == "gin" else f"{total / cpu:,.0f}"
            lines.append(f"| {label} | {total / wall:,.0f} | {rate} | {wall:.1f} |")
    lines += [f"| peak memory (ru_maxrss) | {peak:,.0f} MB | | |", "", *_search_table(whoosh, pg)]
    return "\n".join(lines) + "\n"


def _search_table(whoosh: dict, pg: dict) -> list[str]:
    lines = [
        "| query (ms) | Whoosh p50 | Whoosh p95 | Whoosh CPU p50 | PostgreSQL p50 | "
        "PostgreSQL p95 | Whoosh : PostgreSQL (p50) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        w, p = whoosh[kind], pg.get(kind)
        other = f"{p['p50']:.0f} | {p['p95']:.0f} | {w['p50'] / p['p50']:.2g}" if p else "– | – | –"
        lines.append(f"| {kind} | {w['p50']:.0f} | {w['p95']:.0f} | {w['cpu50']:.0f} | {other} |")
    return lines


def setting() -> list[str]:
    """Return the machine, the date and the database, as Markdown list items."""
    return [
        f"- machine: {os.cpu_count()} cores, {_memory_gb():.0f} GB memory, {platform.platform()}",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}; database: {connection.vendor}",
    ]


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
