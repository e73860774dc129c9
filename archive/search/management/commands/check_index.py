"""check_index: compare the search index with the database and optionally repair any drift."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from haystack import connections

from archive.models import Utterance
from archive.search import queue


class Command(BaseCommand):
    help = "Report utterances missing from, stale in or doubled in the index; --repair fixes."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Reindex or remove drifted ids.")

    def handle(self, **options):
        with queue.writer_lock(wait=True):
            applied = queue.drain_holding_lock()
            if applied:
                self.stdout.write(f"Applied {applied} queued changes first.")
            drift = find_drift()
            self.report(drift)
            if options["repair"] and any(drift.values()):
                ids = drift["missing"] | drift["stale"] | drift["duplicated"]
                queue.schedule_index(ids)
                queue.drain_holding_lock()
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
                self.stdout.write(f"{prefix}{len(ids)} {kind}: {sample}")


def find_drift() -> dict[str, set[int]]:
    """Return the ids missing from the index, stale in it, and indexed more than once."""
    backend = connections["default"].get_backend()
    indexed = Counter(int(pk) for pk in indexed_ids(backend))
    stored = set(Utterance.objects.values_list("pk", flat=True))
    return {
        "missing": stored - indexed.keys(),
        "stale": indexed.keys() - stored,
        "duplicated": {pk for pk, n in indexed.items() if n > 1},
    }


def indexed_ids(backend) -> list[str]:
    """Return the database id of every indexed utterance, from the backend or a match-all."""
    if hasattr(backend, "indexed_ids"):
        return backend.indexed_ids()
    from haystack.query import SearchQuerySet

    return list(SearchQuerySet().models(Utterance).all().values_list("django_id", flat=True))
