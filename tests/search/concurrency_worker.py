"""A separate process of the concurrency test: `seed`, `writer N`, `blocker SECONDS` or `report`.

Run with DATABASE_URL, SEARCH_URL, SEARCH_INDEX_DIR and LOCK_TIMEOUT set; prints one JSON line.
"""

import io
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

from django.conf import settings  # noqa: E402

if "sqlite" in os.environ["DATABASE_URL"]:
    # Writers in several processes: take SQLite's write lock up front and wait for it.
    settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    settings.DATABASES["default"]["OPTIONS"]["timeout"] = 60
    settings.DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"
settings.HAYSTACK_CONNECTIONS["default"]["LOCK_TIMEOUT"] = float(os.environ["LOCK_TIMEOUT"])

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from haystack import connections  # noqa: E402

from archive.importing import editing  # noqa: E402
from archive.models import Event, Speaker, Utterance  # noqa: E402
from archive.search import queue  # noqa: E402
from archive.search.models import IndexTask  # noqa: E402

WORDS = "market demand security trade energy partners border tariff summit peace".split()
WRITERS = 3


def sentence(rnd):
    return " ".join(rnd.choice(WORDS) for _ in range(12))


def seed():
    call_command("migrate", verbosity=0)
    if connection.vendor == "sqlite":
        connection.cursor().execute("PRAGMA journal_mode=WAL")
    speaker = Speaker.objects.create(name="Anna Smith", slug="anna-smith")
    for worker in range(WRITERS):
        event = Event.objects.create(
            title=f"Briefing {worker}",
            slug=f"briefing-{worker}",
            date=datetime.date(2020, 1, worker + 1),
            source_text="-",
            checksum=str(worker).ljust(64, "0"),
        )
        with transaction.atomic():
            rows = Utterance.objects.bulk_create(
                Utterance(
                    event=event, sequence=n, speaker=speaker, label="MS. SMITH", text=f"seed {n}"
                )
                for n in range(1, 21)
            )
            queue.enqueue(row.pk for row in rows)
    return {"seeded": Utterance.objects.count()}


def writer(worker, operations=12):
    """Create, edit, delete, bulk-create and raw bulk-delete this worker's own utterances."""
    rnd = random.Random(worker)
    event = Event.objects.get(slug=f"briefing-{worker}")
    speaker = Speaker.objects.get()
    slowest = 0.0
    for number in range(operations):
        mine = list(Utterance.objects.filter(event=event).values_list("pk", flat=True))
        started = time.monotonic()
        action = rnd.choice(["create", "edit", "delete", "bulk_create", "bulk_delete"])
        if action == "create" or not mine:
            editing.save_utterance(
                utterance=Utterance(
                    event=event,
                    sequence=1000 + number,
                    speaker=speaker,
                    label="MS. SMITH",
                    text=sentence(rnd),
                )
            )
        elif action == "edit":
            utterance = Utterance.objects.get(pk=rnd.choice(mine))
            utterance.text = sentence(rnd)
            editing.save_utterance(utterance=utterance)
        elif action == "delete":
            editing.delete_utterances(utterances=Utterance.objects.filter(pk=rnd.choice(mine)))
        elif action == "bulk_create":
            with transaction.atomic():
                rows = Utterance.objects.bulk_create(
                    Utterance(
                        event=event,
                        sequence=2000 + number * 10 + k,
                        speaker=speaker,
                        label="MS. SMITH",
                        text=sentence(rnd),
                    )
                    for k in range(5)
                )
                queue.enqueue(row.pk for row in rows)
        else:
            doomed = rnd.sample(mine, min(3, len(mine)))
            # As the importer's re-read does: a bulk delete, then one task for the ids.
            with transaction.atomic():
                Utterance.objects.filter(pk__in=doomed).delete()
                queue.enqueue(doomed)
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(rnd.uniform(0, 0.15))
    return {"worker": worker, "slowest_operation_s": round(slowest, 3)}


def blocker(seconds):
    """Hold the index writer lock on and off, as another process's drain or rebuild would."""
    held, deadline, rnd = 0, time.monotonic() + seconds, random.Random(99)
    while time.monotonic() < deadline:
        with queue.writer_lock(wait=False) as got:
            if got:
                time.sleep(rnd.uniform(0.2, 0.8))
                held += 1
        time.sleep(rnd.uniform(0.05, 0.3))
    return {"held": held}


def report():
    """Check that every drifted id is still queued, then drain and compare exactly."""
    backend = connections["default"].get_backend()
    stored = set(Utterance.objects.values_list("pk", flat=True))
    indexed = [int(pk) for pk in backend.indexed_ids()]
    queued = queue.queued_ids()
    drift = (stored ^ set(indexed)) | {pk for pk in indexed if indexed.count(pk) > 1}
    queue.drain_waiting()
    after = [int(pk) for pk in backend.indexed_ids()]
    check = io.StringIO()
    call_command("check_index", stdout=check)
    return {
        "check_index": check.getvalue().strip(),
        "stored": len(stored),
        "queued_before": len(queued),
        "drift_not_queued": sorted(drift - queued),
        "equal_after_drain": sorted(after)
        == sorted(Utterance.objects.values_list("pk", flat=True)),
        "left_in_queue": IndexTask.objects.count(),
    }


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    result = {"seed": seed, "writer": writer, "blocker": blocker, "report": report}[mode](
        *[float(a) if "." in a else int(a) for a in args]
    )
    print(json.dumps(result))
