"""A separate process of the crash tests: `hang-in-drain` or `wait-until-current SECONDS`.

Run with DATABASE_URL, SEARCH_URL and SEARCH_INDEX_DIR set; prints JSON lines.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from haystack import connections  # noqa: E402

from archive.models import Utterance  # noqa: E402
from archive.search import queue  # noqa: E402


def hang_in_drain():
    """Drain the queue, hanging for good inside the second batch's open index writer."""
    backend = connections["default"].get_backend()
    name = "tantivy_document" if hasattr(backend, "tantivy_document") else "whoosh_document"
    convert, calls = getattr(type(backend), name), []

    def converting_then_hanging(self, doc):
        calls.append(doc)
        if len(calls) == queue.BATCH_SIZE + 10:
            print(json.dumps({"hanging": len(calls)}), flush=True)
            time.sleep(3600)  # the test kills the process here, its writer open
        return convert(self, doc)

    setattr(type(backend), name, converting_then_hanging)
    queue.drain_waiting()
    print(json.dumps({"drained": len(calls)}), flush=True)


def wait_until_current(seconds):
    """Report how long until the index holds exactly the committed utterances, or give up."""
    started, committed = time.monotonic(), sorted(Utterance.objects.values_list("pk", flat=True))
    backend = connections["default"].get_backend()
    indexed = []
    while time.monotonic() - started < seconds:
        indexed = sorted(int(pk) for pk in backend.indexed_ids())
        if indexed == committed:
            break
        time.sleep(0.2)
    print(
        json.dumps(
            {
                "seconds": round(time.monotonic() - started, 2),
                "current": indexed == committed,
                "committed": len(committed),
                "indexed": len(indexed),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "hang-in-drain":
        hang_in_drain()
    else:
        wait_until_current(float(args[0]))
