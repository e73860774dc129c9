"""`make run`'s set-up: an empty archive gets the fixtures and an index once; nothing is redone."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack.query import SearchQuerySet

from archive.importing import delete_events, import_source, merge_speakers
from archive.management.commands import setup_archive
from archive.models import Event, SetupStep, Speaker, Utterance

ROOT = Path(__file__).resolve().parents[1]
SEED_FIXTURE = ROOT / "fixtures" / "seed.json"
SEED = ROOT / "fixtures" / "sources" / "seed"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seed_fixture(monkeypatch):
    """Set up from the small seed fixture rather than the whole corpus."""
    monkeypatch.setattr(setup_archive, "FIXTURES", [SEED_FIXTURE])


def setup(out=None):
    call_command("setup_archive", verbosity=1, stdout=out or StringIO())


def indexed() -> int:
    return SearchQuerySet().models(Utterance).count()


def test_a_new_archive_gets_the_fixtures_and_a_searchable_index(seed_fixture):
    setup()
    assert Event.objects.count() == 1 and Utterance.objects.count() == 35
    assert indexed() == 35
    assert list(SetupStep.objects.values_list("name", flat=True)) == ["people-registry", "fixtures"]


def test_a_second_run_keeps_an_admin_merge(seed_fixture):
    setup()
    kelly, tillerson = (Speaker.objects.get(slug__startswith=n) for n in ("john", "rex"))
    merge_speakers(keep=tillerson, speakers=[kelly, tillerson])
    Speaker.objects.filter(pk=tillerson.pk).update(name="Rex Tillerson (edited)")
    speakers = Speaker.objects.count()
    setup()
    assert not Speaker.objects.filter(slug=kelly.slug).exists()
    assert Speaker.objects.get(pk=tillerson.pk).name == "Rex Tillerson (edited)"
    assert Speaker.objects.count() == speakers and Utterance.objects.count() == 35


def test_an_archive_its_admin_emptied_stays_empty(seed_fixture):
    setup()
    delete_events(events=Event.objects.all())
    setup()
    assert not Event.objects.exists() and not Utterance.objects.exists()


def test_an_archive_with_events_gets_no_fixtures(seed_fixture, tmp_path):
    (tmp_path / "a.txt").write_bytes(next(SEED.iterdir()).read_bytes())
    event = import_source(data=(tmp_path / "a.txt").read_bytes()).event
    Event.objects.filter(pk=event.pk).update(title="Edited title")
    out = StringIO()
    setup(out)
    assert list(Event.objects.values_list("title", flat=True)) == ["Edited title"]
    assert "not loaded" in out.getvalue()
    assert SetupStep.objects.filter(name="fixtures").exists()


def test_a_lost_index_is_built_again_and_a_full_one_is_kept(seed_fixture, monkeypatch):
    setup()
    builds = []
    real = call_command

    def counting(name, *args, **kwargs):
        builds.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(setup_archive, "call_command", counting)
    setup()
    assert "rebuild_index" not in builds
    from haystack import connections

    connections["default"].get_backend().clear()
    setup()
    assert builds.count("rebuild_index") == 1 and indexed() == 35


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.django_db(transaction=False)
def test_make_runs_setup_twice_against_a_scratch_database_keeps_an_edit(tmp_path):
    env = {
        **os.environ,
        "DJANGO_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WHOOSH_INDEX_DIR": str(tmp_path / "index"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
    }
    first = manage(env, "setup_archive")
    assert "Installed" in first and "Indexed" in first
    edit = "from archive.models import Event; Event.objects.update(title='Kept by the admin')"
    manage(env, "shell", "-c", edit)
    second = manage(env, "setup_archive")
    assert "Installed" not in second and "Indexed" not in second
    titles = "from archive.models import Event; print(set(Event.objects.values_list('title')))"
    assert manage(env, "shell", "-c", titles).splitlines()[-1] == "{('Kept by the admin',)}"


def test_an_index_with_an_earlier_versions_fields_is_built_anew(
    seed_fixture, settings, engine_name
):
    if engine_name != "tantivy":
        pytest.skip("tantivy numbers its fields; Whoosh finds them by name")
    import tantivy

    from archive.search import service
    from archive.search.forms import ArchiveSearchForm

    setup()
    # An index as the version before the separate title field wrote it: one text field.
    root = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    folder = root / os.readlink(root / "current") / "utterances"
    for stale in folder.iterdir():
        stale.unlink()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text")
    builder.add_integer_field("django_id", stored=True, indexed=True, fast=True)
    tantivy.Index(builder.build(), path=str(folder), reuse=False)
    from archive.search.engines.tantivy import store

    store.forget(root)
    outcome = service.run(ArchiveSearchForm({"q": "market"}), 1)
    assert outcome.error == service.FAILED  # refused, not answered from the wrong fields
    out = StringIO()
    setup(out)
    assert "earlier version's fields" in out.getvalue() and indexed() == 35
