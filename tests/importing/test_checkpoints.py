"""A batch's WAL checkpoints run in a thread of their own on an SQLite file, nowhere else."""

import sqlite3
import time

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler

from archive.env import Env
from archive.importing import checkpoints


@pytest.fixture
def scratch(tmp_path, django_db_blocker):
    """Return a Django connection to a new SQLite file, opened as the archive opens its own."""
    handler = ConnectionHandler({"default": Env({}).database(tmp_path / "scratch.sqlite3")})
    with django_db_blocker.unblock():
        yield handler["default"]
        handler.close_all()


def test_a_batch_checkpoints_from_another_thread_then_gives_sqlite_its_own_back(scratch):
    with scratch.cursor() as cursor:
        cursor.execute("CREATE TABLE turn (text TEXT)")
    automatic = checkpoints.pragma(scratch, "wal_autocheckpoint")
    with checkpoints.in_background(scratch, interval=0.01) as progress:
        assert checkpoints.pragma(scratch, "wal_autocheckpoint") == 0
        for _ in range(50):
            with scratch.cursor() as cursor:
                cursor.execute("INSERT INTO turn VALUES (%s)", ["x" * 5000])
        deadline = time.monotonic() + 5
        while not progress.moving and time.monotonic() < deadline:
            time.sleep(0.01)
    assert progress.moving > 0
    assert checkpoints.pragma(scratch, "wal_autocheckpoint") == automatic > 0
    with sqlite3.connect(scratch.settings_dict["NAME"]) as db:
        _busy, log, moved = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert log == moved, "the batch left pages in the log"


@pytest.mark.django_db
def test_databases_without_a_wal_file_are_left_alone():
    with checkpoints.in_background(connection) as progress:
        pass
    assert progress.checkpoints == 0
