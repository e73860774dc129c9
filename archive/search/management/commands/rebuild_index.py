"""rebuild_index: every document read from rows into a fresh index swapped in, then the queue."""

import time

from haystack import connections
from haystack.management.commands import rebuild_index

from archive.search import documents, queue
from archive.search.models import IndexTask

CHUNK = 2000


class Command(rebuild_index.Command):
    help = "Rebuild the search index from the database into a fresh index, then apply the queue."

    def handle(self, **options):
        backend = connections["default"].get_backend()
        if not hasattr(backend, "rebuild"):
            return super().handle(**options)  # haystack's own, for Elasticsearch and Solr
        if options["interactive"] and input("Rebuild the whole search index? [y/N] ") != "y":
            return None
        with queue.writer_lock(wait=True):
            started = time.monotonic()
            covered = list(IndexTask.objects.values_list("pk", flat=True))
            count = backend.rebuild(documents.every_document())
            settle(covered)
            applied = queue.apply_all(patience=120)
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
