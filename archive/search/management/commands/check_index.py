"""check_index: compare each indexed document's digest with the database's; --repair fixes drift."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from haystack import connections
from haystack.constants import DJANGO_ID

from archive.search import documents, queue

KINDS = {
    "missing": "missing from the index",
    "stale": "indexed with outdated content",
    "deleted": "indexed but deleted from the database",
    "duplicated": "indexed more than once",
}


class Command(BaseCommand):
    help = "Report utterances missing, stale, deleted or doubled in the index; --repair fixes."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Reindex or remove drifted ids.")

    def handle(self, **options):
        with queue.writer_lock(wait=True):
            applied = queue.apply_all(patience=120)
            if applied:
                self.stdout.write(f"Applied {applied} queued changes first.")
            drift = find_drift()
            self.report(drift)
            if options["repair"] and any(drift.values()):
                queue.reconcile(set().union(*drift.values()))
                drift = find_drift()
                self.report(drift, prefix="after repair: ")
        if any(drift.values()):
            raise CommandError("The search index does not match the database.")

    def report(self, drift, prefix=""):
        """Write one line per kind of drift, or that the index is in sync."""
        if not any(drift.values()):
            self.stdout.write(f"{prefix}The search index matches the database.")
            return
        for kind, ids in drift.items():
            if ids:
                sample = ", ".join(str(pk) for pk in sorted(ids)[:10])
                self.stdout.write(f"{prefix}{len(ids)} {KINDS[kind]}: {sample}")


def find_drift() -> dict[str, set[int]]:
    """Return the ids missing from the index, stale in it, deleted, and indexed more than once."""
    expected = {doc[DJANGO_ID]: doc["digest"] for doc in documents.every_document()}
    indexed = indexed_digests(connections["default"].get_backend())
    counts = Counter(pk for pk, _ in indexed)
    return {
        "missing": expected.keys() - counts.keys(),
        "stale": {pk for pk, digest in indexed if pk in expected and digest != expected[pk]},
        "deleted": counts.keys() - expected.keys(),
        "duplicated": {pk for pk, n in counts.items() if n > 1},
    }


def indexed_digests(backend) -> list[tuple[int, int]]:
    """Return (id, digest) of every indexed utterance, from the backend or a match-all."""
    if hasattr(backend, "indexed_digests"):
        return backend.indexed_digests()
    from haystack.query import SearchQuerySet

    found = SearchQuerySet().all().values_list("django_id", "digest")
    return [(int(pk), digest) for pk, digest in found]
