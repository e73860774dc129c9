"""update_index as haystack has it, run as the single index writer and followed by the queue."""

from haystack.management.commands import update_index

from archive.search import queue


class Command(update_index.Command):
    def handle(self, **options):
        with queue.writer_lock(wait=True):
            super().handle(**options)
            queue.apply_all(patience=120)
