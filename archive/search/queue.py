"""Keep the search index equal to the database: a durable queue of utterance ids, one writer.

The write path (archive.importing) calls `enqueue` with the ids it changed, inside its own
transaction: the task row commits or rolls back with the change, so index work is never lost. A
task means "make the index agree with the database for these ids", so tasks are idempotent and
their order does not matter; a task leaves the queue only after the index committed its change.

Who applies tasks: the index worker (`manage.py index_worker`), which drains the whole queue, and
right after each commit a bounded step that applies that transaction's own task if no other
writer is busy, so a request never waits for other writers' backlog. One inter-process lock
makes one writer at a time.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterable
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.timezone import now
from haystack import connections
from haystack.constants import DJANGO_ID

from archive import plain_sql
from archive.models import Utterance
from archive.search import documents
from archive.search.engines import IndexBusy
from archive.search.models import IndexTask

log = logging.getLogger(__name__)
BATCH_SIZE = 500
# The after-commit step applies a transaction's own task up to this size; larger ones (a merge
# of speakers with thousands of turns) are the worker's.
OWN_LIMIT = 2000


def enqueue(utterance_ids: Iterable[int]) -> None:
    """Queue utterances to be (re)indexed or removed, as the database has them at commit."""
    ids = sorted({int(pk) for pk in utterance_ids})
    if not ids:
        return
    # One plain insert: this runs in every import, where compiling an ORM insert cost more.
    [task] = plain_sql.insert(
        IndexTask, ("utterance_ids", "created"), [(ids, now())], returning=True
    )
    if len(ids) <= OWN_LIMIT:
        transaction.on_commit(partial(apply_own, task), robust=True)


def apply_own(task_pk: int) -> int:
    """Apply one committed task now if no other writer is busy; never wait. Return its ids."""
    with writer_lock(wait=False) as held:
        if not held:
            return 0
        ids = IndexTask.objects.filter(pk=task_pk).values_list("utterance_ids", flat=True).first()
        if ids is None:
            return 0  # applied already, by the worker
        try:
            reconcile(set(ids))
        except IndexBusy:
            log.warning("Index locked by another writer; the worker applies task %s", task_pk)
            return 0
        except Exception:
            log.exception("Search index update failed; task %s stays queued", task_pk)
            return 0
        IndexTask.objects.filter(pk=task_pk).delete()
        return len(ids)


def lock_path() -> Path:
    """Return the file whose lock makes one process at a time the index writer."""
    options = settings.HAYSTACK_CONNECTIONS["default"]
    index_dir = Path(options.get("PATH") or settings.SEARCH_INDEX_DIR)
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
    """Apply every queued task unless another process holds the writer lock; return how many."""
    with writer_lock(wait=False) as held:
        if not held:
            return 0
        return apply_all(patience=0)


def drain_waiting(patience: float = 120.0) -> int:
    """Wait for the writer lock, then apply every queued task; return how many ids."""
    with writer_lock(wait=True):
        return apply_all(patience)


def apply_all(patience: float) -> int:
    """Apply every queued task; the caller holds the writer lock. Retries a busy engine a while."""
    applied, deadline = 0, time.monotonic() + patience
    while True:
        try:
            done = apply_batch()
        except IndexBusy:
            if time.monotonic() > deadline:
                log.warning("Index locked by another writer; %s ids stay queued", pending())
                return applied
            time.sleep(0.5)
            continue
        if not done:
            return applied
        applied += done


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
    backend = connections["default"].get_backend()
    if hasattr(backend, "write"):
        found = documents.documents_of(utterance_ids)
        backend.write(found, sorted(utterance_ids - {doc[DJANGO_ID] for doc in found}))
        return
    # haystack's own backends (Elasticsearch, Solr) prepare model instances themselves.
    search_index = connections["default"].get_unified_index().get_index(Utterance)
    present = list(search_index.index_queryset().filter(pk__in=utterance_ids))
    if present:
        backend.update(search_index, present)
    for pk in utterance_ids - {u.pk for u in present}:
        backend.remove(documents.identifier(pk))


def pending() -> int:
    """Return how many utterance ids wait in the queue."""
    return len(queued_ids())


def queued_ids() -> set[int]:
    """Return the utterance ids waiting in the queue."""
    rows = IndexTask.objects.values_list("utterance_ids", flat=True)
    return {pk for ids in rows for pk in ids}
