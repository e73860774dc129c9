"""kill -9 during an import or a drain: the index worker makes every committed turn searchable.

Each file's import commits its turns and their index task together, and a task leaves the queue
only after the index committed its change; the kernel releases the dead process's locks.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.benchmark.copies import copy_text, source_files

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("crash_worker.py")
MANAGE = [sys.executable, str(ROOT / "manage.py")]
WITHIN = 10  # seconds, the promise


@pytest.fixture
def env(tmp_path, scratch_database, engine_name):
    """Return the environment of processes sharing a scratch database and index."""
    environ = {
        **os.environ,
        "DATABASE_URL": scratch_database,
        "SEARCH_URL": f"{engine_name}:",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "DJANGO_ENV": "test",
    }
    subprocess.run([*MANAGE, "migrate", "-v0"], env=environ, check=True, timeout=120)
    return environ


def committed_events(env) -> int:
    script = "from archive.models import Event; print(Event.objects.count())"
    done = subprocess.run(
        [*MANAGE, "shell", "--no-imports", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return int(done.stdout.strip() or 0)


def worker_catches_up(env) -> dict:
    """Start the index worker, wait until the index is current, stop the worker."""
    worker = subprocess.Popen([*MANAGE, "index_worker", "-v0", "--interval=0.2"], env=env)
    try:
        done = subprocess.run(
            [sys.executable, str(HELPER), "wait-until-current", str(WITHIN)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_killed_import_is_searchable_once_the_worker_runs(tmp_path, env):
    folder = tmp_path / "transcripts"
    for number in range(8):
        (folder / str(number)).mkdir(parents=True)
        for path in source_files():
            text = copy_text(path, path.read_text(), number)
            (folder / str(number) / path.name).write_text(text)
    command = [*MANAGE, "import_transcripts", "-v0", "--jobs=1", str(folder)]
    importing = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 90
    while committed_events(env) < 40 and importing.poll() is None:
        assert time.monotonic() < deadline, "the import committed too little"
        time.sleep(0.3)
    importing.send_signal(signal.SIGKILL)
    importing.wait(timeout=30)
    assert importing.returncode == -signal.SIGKILL, "the import ended before it was killed"
    found = worker_catches_up(env)
    assert found["current"] and found["committed"] > 0, found


def test_a_drain_killed_inside_its_index_writer_is_finished_by_the_worker(env):
    sources = ROOT / "fixtures" / "sources"
    # Imported with the queue's work left undone: another writer (this one) is busy.
    held = subprocess.Popen(
        [*MANAGE, "shell", "--no-imports", "-c", HOLD_LOCK],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert held.stdout.readline().strip() == "held"
    try:
        subprocess.run(
            [*MANAGE, "shell", "--no-imports", "-c", IMPORT_QUEUED.format(folder=sources)],
            env=env,
            check=True,
            timeout=300,
        )
    finally:
        held.communicate("\n", timeout=60)
    draining = subprocess.Popen(
        [sys.executable, str(HELPER), "hang-in-drain"], env=env, stdout=subprocess.PIPE, text=True
    )
    assert "hanging" in draining.stdout.readline()
    draining.send_signal(signal.SIGKILL)
    draining.wait(timeout=30)
    found = worker_catches_up(env)
    assert found["current"] and found["committed"] == 848, found


# Holds the index writer lock until a line arrives on standard input.
HOLD_LOCK = "\n".join(
    [
        "import sys",
        "from archive.search import queue",
        "with queue.writer_lock(wait=True):",
        "    print('held', flush=True)",
        "    sys.stdin.readline()",
    ]
)
IMPORT_QUEUED = "\n".join(
    [
        "from pathlib import Path",
        "from archive.importing import import_source",
        "from archive.reading import Metadata",
        "for path in sorted(Path('{folder}').rglob('*.*')):",
        "    import_source(data=path.read_bytes(), metadata=Metadata(filename=path.name))",
    ]
)
