"""resolve_speakers heals an archive imported before the registry: one speaker per person."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from archive.importing import import_source
from archive.models import Speaker, SpeakerKind, Utterance
from archive.reading import Metadata
from archive.registry.loading import load
from archive.registry.models import Person
from tests.conftest import registry_records
from tests.importing.conftest import SOURCES

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_before_the_registry():
    """Import the dev corpus as the archive did before it had a registry, then load it."""
    Person.objects.all().delete()
    for path in sorted(p for p in SOURCES.rglob("*") if p.is_file()):
        import_source(data=path.read_bytes(), metadata=Metadata(filename=path.name))
    # Before journalists were matched by short names, each "Aamer, with the AP" was a speaker.
    aamer = Speaker.objects.get(name="Aamer")
    later = aamer.utterances.order_by("-event__date").first().event
    twin = Speaker.objects.create(name="Aamer", slug="aamer-2", kind="journalist", affiliation="AP")
    aamer.utterances.filter(event=later).update(speaker=twin)
    aamer.appearances.filter(event=later).update(speaker=twin)
    Speaker.objects.filter(name="Eunjong Cho").update(name="Eunjung Cho")
    load(registry_records())


def names() -> list[str]:
    return sorted(Speaker.objects.identified().values_list("name", flat=True))


def heal(*args) -> str:
    out = io.StringIO()
    call_command("resolve_speakers", *args, stdout=out)
    return out.getvalue()


def test_the_old_archive_has_the_duplicates_the_issue_lists(archive_before_the_registry):
    # The failure resolve_speakers mends, shown so the test below can fail.
    found = names()
    assert found.count("Trump") == 2 and found.count("Aamer") == 2
    assert "Jean-Pierre" in found or found.count("Karine Jean-Pierre") == 1


def test_a_dry_run_prints_the_steps_and_changes_nothing(archive_before_the_registry):
    before = list(Speaker.objects.values_list("pk", "name", "person"))
    printed = heal("--dry-run")
    assert "merge Aamer (aamer-2) into Aamer (aamer)" in printed and "would take" in printed
    assert list(Speaker.objects.values_list("pk", "name", "person")) == before


def test_each_person_becomes_one_speaker_with_their_full_name(archive_before_the_registry, client):
    old = {s.slug: s.name for s in Speaker.objects.identified()}
    words = sorted(Utterance.objects.values_list("pk", "text"))
    heal()
    found = names()
    for person in ("Donald J. Trump", "Karine Jean-Pierre", "Joseph R. Biden Jr."):
        assert found.count(person) == 1, person
    assert "Trump" not in found and "Jean-Pierre" not in found and "Biden" not in found
    assert found.count("Aamer") == 1
    assert len([n for n in found if n.endswith(" Cho")]) == 1  # Eunjung and Eunjong
    # Every old page still leads somewhere: the speaker itself or, merged, the one kept.
    for slug in old:
        response = client.get(f"/speakers/{slug}/")
        assert response.status_code in (200, 301), slug
        if response.status_code == 301:
            assert client.get(response["Location"]).status_code == 200
    # Nobody's words were lost or changed on the way; roles stayed roles.
    assert sorted(Utterance.objects.values_list("pk", "text")) == words
    assert not Speaker.objects.filter(kind=SpeakerKind.ROLE, person__isnull=False).exists()


def test_healing_twice_finds_nothing_more_to_do(archive_before_the_registry):
    heal()
    assert heal("--dry-run").strip().endswith("would take 0 steps")
