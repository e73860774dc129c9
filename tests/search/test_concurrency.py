"""Concurrent writers and deletes in separate processes, while another process holds the lock.

Measured before this design (Whoosh): a delete while another process held the lock was lost,
and a save waited 216 s behind update_index. Here every save returns within a bound, no drift
goes unqueued, and after the queue drains the index holds exactly the database's utterances.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("concurrency_worker.py")
LOCK_TIMEOUT = "0.3"


def run(env, *args, timeout=120):
    """Run one worker and return its JSON result."""
    done = subprocess.run(
        [sys.executable, str(WORKER), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_concurrent_writers_and_deletes_leave_index_equal_to_database(
    tmp_path, scratch_database, engine_name
):
    env = {
        **os.environ,
        "DATABASE_URL": scratch_database,
        "SEARCH_URL": f"{engine_name}:",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "LOCK_TIMEOUT": LOCK_TIMEOUT,
        "DJANGO_ENV": "test",
    }
    assert run(env, "seed")["seeded"] == 60
    command = [sys.executable, str(WORKER)]
    blocker = subprocess.Popen([*command, "blocker", "3.0"], env=env, stdout=subprocess.PIPE)
    writers = [
        subprocess.Popen(
            [*command, "writer", str(n)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for n in range(3)
    ]
    results = []
    for process in writers:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()[-3000:]
        results.append(json.loads(out))
    blocker.communicate(timeout=60)
    assert blocker.returncode == 0
    # A save or delete may wait for the lock for LOCK_TIMEOUT per batch, never minutes.
    assert max(r["slowest_operation_s"] for r in results) < 5, results
    report = run(env, "report")
    assert report["drift_not_queued"] == [], report
    assert report["equal_after_drain"] and report["left_in_queue"] == 0, report
    assert report["check_index"] == "The search index matches the database.", report
