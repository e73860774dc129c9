"""The speakers' derived keys: the folded name the name box reads, the A–Z's sort key."""

import pytest
from django.core.management import call_command

from archive.models import Speaker
from archive.speaker_names import sort_key

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("sort_name", "key"),
    [
        ("Videgaray Caso, Luis", "videgaray0caso00luis"),
        ("Biden, Joseph R.", "biden00joseph0r"),
        ("Park, Jin", "park00jin"),
        ("Jean-Pierre, Karine", "jean0pierre00karine"),
        ("Sánchez, Pedro", "sanchez00pedro"),
        ("Moderator", "moderator"),
        ("", ""),
    ],
)
def test_the_sort_key_puts_the_family_name_first_word_by_word(sort_name, key):
    assert sort_key(sort_name) == key


def test_the_sort_key_orders_family_names_before_longer_ones():
    names = ["Alvarado Quesada, Carlos", "Parker, Ann", "Alvarado, Yessenia", "Park, Jin"]
    assert sorted(names, key=sort_key) == [
        "Alvarado, Yessenia",
        "Alvarado Quesada, Carlos",
        "Park, Jin",
        "Parker, Ann",
    ]


def test_saving_a_speaker_derives_its_keys():
    speaker = Speaker.objects.create(name="Pedro Sánchez", slug="ps", sort_name="Sánchez, Pedro")
    stored = Speaker.objects.values("name_key", "sort_key", "surname_key").get(pk=speaker.pk)
    assert stored == {
        "name_key": "pedro sanchez",
        "sort_key": "sanchez00pedro",
        "surname_key": "sanchez",
    }


def test_a_speaker_without_a_sort_name_sorts_by_their_name():
    speaker = Speaker.objects.create(name="Heather Nauert", slug="hn")
    assert Speaker.objects.get(pk=speaker.pk).sort_key == "heather0nauert"
    assert speaker.initial == "H"


@pytest.mark.parametrize(
    ("fields", "name_key", "sort_key"),
    [
        ({"sort_name": "Biden, Joseph R."}, "biden", "biden00joseph0r"),
        ({"name": "Joseph R. Biden Jr."}, "joseph r biden jr", "joseph0r0biden0jr"),
    ],
)
def test_saving_some_fields_refreshes_the_keys_made_from_them(fields, name_key, sort_key):
    """As the importer's link() and resolve_speakers do: save(update_fields=[…])."""
    speaker = Speaker.objects.create(name="Biden", slug="biden")
    for field, value in fields.items():
        setattr(speaker, field, value)
    speaker.save(update_fields=list(fields))
    stored = Speaker.objects.get(pk=speaker.pk)
    assert (stored.name_key, stored.sort_key) == (name_key, sort_key)


def test_named_like_folds_accents_and_matches_the_start_of_name_words():
    for name in ("Pedro Sánchez", "Óscar Arias Sánchez", "Sanchita Roy", "Ana Bosanchez"):
        Speaker.objects.create(name=name, slug=name.lower().replace(" ", "-").replace("á", "a"))
    found = Speaker.objects.named_like("sánchez")
    assert {s.name for s in found} == {"Óscar Arias Sánchez", "Pedro Sánchez"}
    assert Speaker.objects.named_like("").count() == 4
    assert {s.name for s in Speaker.objects.named_like("sanch")} == {
        "Pedro Sánchez",
        "Sanchita Roy",
        "Óscar Arias Sánchez",
    }


def test_the_fixtures_carry_the_keys_loaddata_does_not_derive():
    from archive.models.speakers import name_keys

    call_command("loaddata", "fixtures/corpus.json", verbosity=0)
    rows = Speaker.objects.values_list("name", "sort_name", "surname_key", "name_key", "sort_key")
    assert rows and all(name_keys(name, sort) == tuple(keys) for name, sort, *keys in rows), [
        row for row in rows if name_keys(row[0], row[1]) != tuple(row[2:])
    ]
    assert Speaker.objects.get(name="Luis Videgaray Caso").sort_key == "videgaray0caso00luis"


def test_the_admin_gives_a_new_speaker_the_importers_sort_name(admin_client):
    response = admin_client.post(
        "/admin/archive/speaker/add/",
        {
            "name": "Karine Jean-Pierre",
            "slug": "karine-jean-pierre",
            "kind": "official",
            "resolved": "on",
            "labels-TOTAL_FORMS": "0",
            "labels-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    speaker = Speaker.objects.get(slug="karine-jean-pierre")
    assert (speaker.sort_name, speaker.initial) == ("Jean-Pierre, Karine", "J")


def test_the_admin_finds_speakers_without_their_accents(admin_client):
    Speaker.objects.create(name="Pedro Sánchez", slug="pedro-sanchez")
    html = admin_client.get("/admin/archive/speaker/", {"q": "sanchez"}).content.decode()
    assert "Pedro Sánchez" in html
