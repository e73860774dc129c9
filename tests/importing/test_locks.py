"""The writers' retry: a deadlock's victim runs again, unless a caller's transaction holds it."""

import pytest
from django.db import OperationalError, transaction

from archive.importing.locks import ATTEMPTS, retrying

pytestmark = pytest.mark.django_db(transaction=True)


class Cause(Exception):
    def __init__(self, pgcode):
        super().__init__(pgcode)
        self.pgcode = pgcode


def failing(times: int, pgcode: str = "40P01"):
    """Return a write that fails `times` times as PostgreSQL's victim would, then succeeds."""
    calls = []

    @retrying
    def write():
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("deadlock detected") from Cause(pgcode)
        return len(calls)

    return write, calls


def test_a_deadlocks_victim_runs_again():
    write, calls = failing(2)
    assert write() == 3


def test_it_gives_up_after_the_last_attempt():
    write, calls = failing(ATTEMPTS)
    with pytest.raises(OperationalError):
        write()
    assert len(calls) == ATTEMPTS


def test_other_errors_are_not_run_again():
    write, calls = failing(1, pgcode="23505")
    with pytest.raises(OperationalError):
        write()
    assert len(calls) == 1


def test_inside_a_callers_transaction_the_caller_decides():
    write, calls = failing(1)
    with pytest.raises(OperationalError), transaction.atomic():
        write()
    assert len(calls) == 1
