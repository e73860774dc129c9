"""A search whose words name a speaker shows those speakers first, above the quotes."""

import pytest
from django.urls import reverse

from archive.importing import editing
from archive.models import Speaker, Utterance
from archive.registry.models import Person

pytestmark = pytest.mark.django_db


def named(client, **params):
    """Return the slugs of the speakers the search page shows above its quotes, and its body."""
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    return [s.slug for s in response.context["outcome"].speakers], response.content.decode()


def test_a_surname_shows_its_speaker_above_the_quotes(client, archive):
    slugs, body = named(client, q="Kelly")
    assert slugs == ["john-f-kelly"]
    assert body.index("Speakers named “Kelly”") < body.index('class="result-count"')
    assert body.index('href="/speakers/john-f-kelly/"') < body.index('class="search-results"')
    assert named(client, q="blinken")[0] == ["antony-j-blinken"]
    assert named(client, q="Secretary Blinken on security")[0] == ["antony-j-blinken"]


def test_words_that_name_nobody_show_no_speakers(client, archive):
    slugs, body = named(client, q="we are the market")
    assert slugs == [] and "Speakers named" not in body
    assert named(client, q="Kelly", speaker="john-f-kelly")[0] == []  # within them already


def test_registry_names_name_a_speaker_too(client, archive, django_capture_on_commit_callbacks):
    person = Person.objects.get(slug="andres-manuel-lopez-obrador")
    amlo = Speaker.objects.create(
        name="Andrés Manuel López Obrador", slug="amlo", country="Mexico", person=person
    )
    turn = Utterance(
        event=archive["events"]["drugs-2017"],
        sequence=60,
        speaker=amlo,
        label="PRESIDENT LÓPEZ OBRADOR",
        text="Abrazos, no balazos.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_utterance(utterance=turn)
    assert amlo.surname_key == "obrador"
    assert named(client, q="Lopez")[0] == ["amlo"]  # the first word of the family name
    blinken = archive["speakers"]["antony-j-blinken"]
    blinken.person = Person.objects.get(slug="antony-j-blinken")
    blinken.save()
    assert named(client, q="Tony Blinken")[0] == ["antony-j-blinken"]


def test_the_best_named_and_most_quoted_come_first(client, archive):
    laura = Speaker.objects.create(name="Laura Kelly", slug="laura-kelly", kind="journalist")
    Utterance.objects.create(
        event=archive["events"]["drugs-2017"],
        sequence=70,
        speaker=laura,
        label="QUESTION",
        text="Secretary, a question.",
    )
    assert named(client, q="Kelly")[0] == ["john-f-kelly", "laura-kelly"]
    assert named(client, q="Laura Kelly")[0] == ["laura-kelly", "john-f-kelly"]
    Speaker.objects.create(name="Quiet Kelly", slug="quiet-kelly")  # no quotes: not shown
    assert "quiet-kelly" not in named(client, q="Kelly")[0]


def test_the_api_gives_the_speakers_named(client, archive):
    data = client.get("/api/search", {"q": "Kelly"}).json()
    assert [s["slug"] for s in data["speakers"]] == ["john-f-kelly"]
    assert data["speakers"][0]["url"].endswith("/speakers/john-f-kelly/")
    assert client.get("/api/search", {"q": "market"}).json()["speakers"] == []
