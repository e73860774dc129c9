"""A failure anywhere inside an import leaves no row behind (SQLite and PostgreSQL)."""

import pytest

from archive.importing import import_source, service
from archive.models import Appearance, Event, Speaker, SpeakerLabel, Utterance

TABLES = (Event, Speaker, SpeakerLabel, Appearance, Utterance)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("target", ["turn_values", "enqueue"])
def test_exception_mid_import_leaves_zero_rows(monkeypatch, seed_bytes, target):
    def explode(*args, **kwargs):
        assert Speaker.objects.exists(), "the failure must come after speakers were written"
        raise RuntimeError("injected failure")

    where = service if target == "turn_values" else service.queue
    monkeypatch.setattr(where, target, explode)
    with pytest.raises(RuntimeError, match="injected"):
        import_source(data=seed_bytes)
    assert [model.objects.count() for model in TABLES] == [0] * len(TABLES)


@pytest.mark.django_db(transaction=True)
def test_import_after_a_failed_one_succeeds(monkeypatch, seed_bytes):
    monkeypatch.setattr(service, "turn_values", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        import_source(data=seed_bytes)
    monkeypatch.undo()
    assert import_source(data=seed_bytes).utterance_count == 35
