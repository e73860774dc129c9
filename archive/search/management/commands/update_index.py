"""update_index as haystack has it, run as the single index writer and followed by a queue drain."""

from haystack.management.commands import update_index

from archive import indexing


class Command(update_index.Command):
    def handle(self, **options):
        with indexing.writer_lock(wait=True):
            super().handle(**options)
            indexing.drain_holding_lock()
        indexing.drain()
