"""index_worker: apply the index queue as it fills, so every committed change becomes searchable."""

import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from archive.search import queue


class Command(BaseCommand):
    help = (
        "Apply queued index work as it arrives (run it beside the web server); "
        "--once applies what is queued now and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=0.5, help="seconds between looks at the queue"
        )
        parser.add_argument("--once", action="store_true", help="drain the queue once and exit")

    def handle(self, *args, interval=0.5, once=False, **options):
        if once:
            applied = queue.drain_waiting()
            self.stdout.write(f"Applied {applied} queued changes.")
            return
        stopping = threading.Event()
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: stopping.set())
        if options["verbosity"]:
            self.stdout.write(f"Index worker: applying queued index work every {interval:g} s.")
        while not stopping.is_set():
            self.step(options["verbosity"])
            stopping.wait(interval)

    def step(self, verbosity: int) -> None:
        """Apply what is queued unless another writer is busy; a failure is logged and retried."""
        close_old_connections()
        started = time.monotonic()
        try:
            applied = queue.drain()
        except Exception:  # noqa: BLE001 - the worker outlives a failed batch; it stays queued
            queue.log.exception("The index worker's drain failed; retrying")
            return
        if applied and verbosity:
            seconds = time.monotonic() - started
            self.stdout.write(f"Applied {applied} queued changes in {seconds:.2f} s.")
