"""Keep the search index equal to the database: a durable queue of utterance ids and one writer.

`schedule_index` and `schedule_unindex` record ids in the `IndexTask` table (one row per call,
holding all its ids: an import of 300 turns writes one row, not 300) inside the caller's
transaction, so work is never lost (a rollback drops it, a commit keeps it), and ask for a drain
once the transaction commits. A drain takes an inter-process lock without waiting: if another
process is already writing, that process picks the new tasks up before it lets go. Each task means
"make the index agree with the database for this id", so tasks are idempotent and their order does
not matter. A task leaves the queue only after the index has committed its change.
"""

from __future__ import annotations

import fcntl
import logging
import threading
import time
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from haystack import connections
from haystack.utils import get_identifier
from whoosh.index import LockError

from archive import rows
from archive.models import Utterance
from archive.search.engines import IndexBusy
from archive.search.models import IndexTask

log = logging.getLogger(__name__)
BATCH_SIZE = 500
_local = threading.local()


def schedule_index(utterance_ids: Iterable[int]) -> None:
    """Queue utterances to be (re)indexed once the current transaction commits."""
    _schedule(utterance_ids)


def schedule_unindex(utterance_ids: Iterable[int]) -> None:
    """Queue utterances to be removed from the index once the current transaction commits."""
    _schedule(utterance_ids)


def _schedule(utterance_ids: Iterable[int]) -> None:
    ids = sorted({int(pk) for pk in utterance_ids})
    if not ids:
        return
    rows.insert(IndexTask, ("utterance_ids", "created"), [(ids, timezone.now())])
    if getattr(_local, "deferred", False):
        return
    # One drain per transaction is enough: a per-row signal inside a bulk delete would add hundreds.
    # The flag alone could outlive a rollback, hence the look at the pending callbacks too.
    if not (getattr(_local, "drain_pending", False) and _drain_registered()):
        _local.drain_pending = True
        transaction.on_commit(drain_after_commit, robust=True)


@contextmanager
def deferred():
    """Queue index work inside the block without draining per commit; drain once at the end."""
    _local.deferred = True
    try:
        yield
    finally:
        _local.deferred = False
    drain()


@contextmanager
def queued_by_caller():
    """Within the block, each deleted row's signal queues nothing: the caller queues the ids."""
    _local.queued_by_caller = True
    try:
        yield
    finally:
        _local.queued_by_caller = False


def queues_per_row() -> bool:
    """Return whether a deleted row's own signal should queue it."""
    return not getattr(_local, "queued_by_caller", False)


def _drain_registered() -> bool:
    return any(entry[1] is drain_after_commit for entry in connection.run_on_commit)


def drain_after_commit() -> int:
    """The on_commit callback: a later transaction will need a drain of its own."""
    _local.drain_pending = False
    return drain()


def lock_path() -> Path:
    """Return the file whose lock makes one process at a time the index writer."""
    index_dir = Path(settings.WHOOSH_INDEX_DIR)
    return index_dir.with_name(index_dir.name + ".writer.lock")


@contextmanager
def writer_lock(wait: bool):
    """Hold the index writer lock; yields False at once when `wait` is off and it is taken."""
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def drain() -> int:
    """Apply queued tasks unless another process is already doing so; return how many."""
    applied = 0
    while True:
        # The lock comes first: a busy writer makes the look at the queue needless.
        with writer_lock(wait=False) as held:
            if not held or not IndexTask.objects.exists():
                return applied
            done, finished = _apply_queue_logged()
            applied += done
        if not finished:
            return applied


def drain_holding_lock(patience: float = 120.0) -> int:
    """Apply every queued task; the caller (a command) holds the writer lock. Retries a lock."""
    applied, deadline = 0, time.monotonic() + patience
    while True:
        try:
            done = apply_batch()
        except (LockError, IndexBusy):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
            continue
        if not done:
            return applied
        applied += done


def _apply_queue_logged() -> tuple[int, bool]:
    applied = 0
    try:
        while done := apply_batch():
            applied += done
    except (LockError, IndexBusy):
        log.warning("Index locked by another writer; %s utterance ids stay queued", pending())
        return applied, False
    except Exception:
        log.exception("Search index update failed; the tasks stay queued for check_index --repair")
        return applied, False
    return applied, True


def apply_batch(size: int = BATCH_SIZE) -> int:
    """Reconcile the index with the database for the oldest queued ids; return how many ids."""
    tasks, ids = [], set()
    oldest = IndexTask.objects.order_by("pk").values_list("pk", "utterance_ids")[:size]
    for pk, utterance_ids in oldest:
        if tasks and len(ids) + len(utterance_ids) > size:
            break
        tasks.append(pk)
        ids.update(utterance_ids)
    if not tasks:
        return 0
    reconcile(ids)
    IndexTask.objects.filter(pk__in=tasks).delete()
    return len(ids)


def reconcile(utterance_ids: set[int]) -> None:
    """Index the given utterances that exist and remove from the index those that do not."""
    search_index = connections["default"].get_unified_index().get_index(Utterance)
    backend = connections["default"].get_backend()
    present = list(search_index.index_queryset().filter(pk__in=utterance_ids))
    gone = [identifier(pk) for pk in utterance_ids - {u.pk for u in present}]
    if hasattr(backend, "sync"):
        backend.sync(search_index, present, gone)
        return
    if present:
        backend.update(search_index, present)
    for document in gone:
        backend.remove(document)


def pending() -> int:
    """Return how many utterance ids wait in the queue."""
    return len(queued_ids())


def queued_ids() -> set[int]:
    """Return the utterance ids waiting in the queue."""
    rows = IndexTask.objects.values_list("utterance_ids", flat=True)
    return {pk for ids in rows for pk in ids}


def identifier(utterance_id: int) -> str:
    """Return the index document id of an utterance."""
    return get_identifier(f"archive.utterance.{utterance_id}")
