"""rebuild_index, fast: one Whoosh writer into a fresh index swapped in, then the queue drained."""

import time

from haystack import connections
from haystack.management.commands import rebuild_index

from archive.models import Utterance
from archive.search import queue
from archive.search.models import IndexTask

CHUNK = 2000


class Command(rebuild_index.Command):
    help = "Rebuild the search index from the database (fast on Whoosh), then apply queued changes."

    def handle(self, **options):
        backend = connections["default"].get_backend()
        if not hasattr(backend, "rebuild"):
            return super().handle(**options)
        if options["interactive"] and input("Rebuild the whole search index? [y/N] ") != "y":
            return None
        with queue.writer_lock(wait=True):
            started = time.monotonic()
            covered = list(IndexTask.objects.values_list("pk", flat=True))
            count = rebuild_all(backend)
            settle(covered)
            applied = queue.drain_holding_lock()
        applied += queue.drain()
        if options["verbosity"]:
            seconds = time.monotonic() - started
            rate = count / seconds if seconds else 0
            self.stdout.write(
                f"Indexed {count} utterances in {seconds:.1f} s ({rate:.0f}/s); "
                f"applied {applied} queued changes."
            )
        return None


def settle(task_ids: list[int]) -> None:
    """Drop the tasks queued before the rebuild began: it read their changes already."""
    for start in range(0, len(task_ids), CHUNK):
        IndexTask.objects.filter(pk__in=task_ids[start : start + CHUNK]).delete()


def rebuild_all(backend) -> int:
    """Write every utterance into a fresh index and swap it in; return how many were indexed."""
    search_index = connections["default"].get_unified_index().get_index(Utterance)
    objects = search_index.index_queryset().order_by("pk").iterator(chunk_size=CHUNK)
    return backend.rebuild(search_index, objects)
