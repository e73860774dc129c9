"""The benchmark's phases, each run in a process of its own on the same scratch database.

`import` builds the synthetic archive; `engine` rebuilds one engine's index and times the search
page on it; `postgres` times the same queries through PostgreSQL full-text search. Each phase
returns its figures as a dict (printed as JSON), so each engine's peak memory is its own.
"""

from __future__ import annotations

import os
import platform
import resource
import threading
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
FRESH_THREADS = "one word, each search on a fresh thread"


class NotScratch(RuntimeError):
    """Raised when the database already holds an archive: the benchmark fills its own only."""


def timed(work) -> tuple[float, float]:
    """Run `work` and return its wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def import_phase(total: int) -> dict:
    """Import synthetic events through import_reading; only those calls are timed."""
    if Utterance.objects.exists():
        raise NotScratch("the database already holds utterances; give an empty scratch database")
    wall = cpu = 0.0
    # Holding the writer lock leaves each commit's index work queued, as when a writer is busy.
    with queue.writer_lock(wait=True), checkpoints.in_background(connection):
        for reading, source in readings(load_shape(FIXTURE), total):
            seconds = timed(
                lambda r=reading, s=source: import_reading(
                    reading=r, source_text=s, source_name="synthetic.txt"
                )
            )
            wall, cpu = wall + seconds[0], cpu + seconds[1]
    return {"import": (wall, cpu), "queued": queue.pending(), **counts()}


def counts() -> dict:
    return {
        "utterances": Utterance.objects.count(),
        "events": Event.objects.count(),
        "speakers": Speaker.objects.count(),
    }


def engine_phase(per_kind: int) -> dict:
    """Rebuild the configured engine's index (settling the queue) and time the search page."""
    rebuild = timed(lambda: call_command("rebuild_index", interactive=False, verbosity=0))
    queries = query_set(load_shape(FIXTURE), per_kind)
    searches = {kind: measure(time_page, params) for kind, params in queries.items()}
    searches[FRESH_THREADS] = measure(on_a_fresh_thread, queries[KINDS[0]])
    return {"rebuild": rebuild, "search": searches, "peak_mb": peak_mb(), **counts()}


def on_a_fresh_thread(params: dict) -> tuple[float, float]:
    """Time one search page on a new thread, as the development server serves each request."""
    timings = []
    thread = threading.Thread(target=lambda: timings.append(time_page(params)))
    thread.start()
    thread.join()
    if not timings:
        raise RuntimeError(f"the search page failed on a fresh thread for {params}")
    return timings[0]


def postgres_phase(per_kind: int) -> dict:
    """Add the stored tsvector column and its GIN index, then time the same queries."""
    build = timed(pgfts.create_index)
    queries = query_set(load_shape(FIXTURE), per_kind)
    searches = {kind: measure(_timed_pg, params) for kind, params in queries.items()}
    return {"build": build, "search": searches, "peak_mb": peak_mb(), **counts()}


def _timed_pg(params: dict) -> tuple[float, float]:
    wall, cpu = timed(lambda: pgfts.search(params))
    return wall * 1000, cpu * 1000


def peak_mb() -> float:
    """Return this process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setting() -> list[str]:
    """Return the machine, the date, the load and the database, as Markdown list items."""
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    return [
        f"- machine: {os.cpu_count()} cores, {_memory_gb():.0f} GB memory, {platform.platform()}",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}; database: {connection.vendor}; "
        f"load average at the start: {load}",
    ]


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
