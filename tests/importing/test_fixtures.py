"""The fixtures load into an empty database and combine without duplicates."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.models import Event, Speaker, Utterance

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def objects_of(name, model):
    data = json.loads((FIXTURES / name).read_text())
    return [row for row in data if row["model"] == model]


@pytest.mark.django_db
def test_seed_fixture_loads_into_an_empty_database():
    call_command("loaddata", str(FIXTURES / "seed.json"), verbosity=0)
    assert Event.objects.count() == 1
    assert Speaker.objects.count() == 10
    assert Utterance.objects.count() == 35


@pytest.mark.django_db
def test_corpus_fixture_loads_and_combines_with_the_seed():
    call_command("loaddata", str(FIXTURES / "seed.json"), verbosity=0)
    call_command("loaddata", str(FIXTURES / "corpus.json"), verbosity=0)
    assert Event.objects.count() == len(objects_of("corpus.json", "archive.event"))
    assert Utterance.objects.count() == len(objects_of("corpus.json", "archive.utterance"))
    assert Speaker.objects.count() == len(objects_of("corpus.json", "archive.speaker"))
    sources = [p for p in (FIXTURES / "sources").rglob("*") if p.is_file()]
    assert Event.objects.count() == len(sources)


@pytest.mark.django_db
def test_fixture_speakers_carry_the_key_that_matching_looks_them_up_by():
    from archive.speaker_names import surname

    call_command("loaddata", str(FIXTURES / "corpus.json"), verbosity=0)
    # loaddata bypasses Speaker.save(), so the key must be in the fixture itself.
    keys = dict(Speaker.objects.values_list("name", "surname_key"))
    assert keys and all(key == surname(name) for name, key in keys.items())
    assert keys["Rex W. Tillerson"] == "tillerson"
