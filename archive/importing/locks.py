"""What concurrent writers share: one lock around speaker matching, and retries of deadlocks."""

from __future__ import annotations

import functools
import logging
import time
import zlib

from django.db import OperationalError, connections, router

from archive.models import Speaker

log = logging.getLogger(__name__)
# The key of PostgreSQL's transaction-level advisory lock that every speaker-changing write takes.
SPEAKERS_KEY = zlib.crc32(b"archive.importing.speakers")
# SQLSTATEs PostgreSQL gives a transaction it rolled back so another could go on.
RETRIED = {"40P01", "40001"}  # deadlock detected, serialization failure
ATTEMPTS = 4


def lock_speakers() -> None:
    """Take the lock every write that matches or removes speakers holds until it commits."""
    # Imports, re-reads, merges and deletes take it first of all, so they cannot deadlock one
    # another, an import never writes turns to a speaker a merge removed meanwhile, and two
    # imports of one new person make one speaker, not two. SQLite's transactions begin IMMEDIATE,
    # so its writers take turns already.
    connection = connections[router.db_for_write(Speaker)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SPEAKERS_KEY])


def is_retried(error: Exception) -> bool:
    """Return whether the database rolled the transaction back only to let another finish."""
    return getattr(error.__cause__, "pgcode", None) in RETRIED


def retrying(function):
    """Run a write again (ATTEMPTS times in all) when the database made it a deadlock's victim."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        connection = connections[router.db_for_write(Speaker)]
        if connection.in_atomic_block:
            # Inside a caller's transaction, the whole of it has to be run again: the caller's call.
            return function(*args, **kwargs)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return function(*args, **kwargs)
            except OperationalError as error:
                if attempt == ATTEMPTS or not is_retried(error):
                    raise
                log.warning("%s: %s; trying again (%d)", function.__name__, error, attempt)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    return run
