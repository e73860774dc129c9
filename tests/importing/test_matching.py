"""Speaker matching across events never merges two people who only share a surname."""

import pytest

from archive import speaker_names
from archive.importing.speakers import Directory, resolve
from archive.models import Speaker, SpeakerLabel
from archive.reading import SpeakerReading

pytestmark = pytest.mark.django_db


def kim(country, first="Sung", labels=("FOREIGN MINISTER KIM",)):
    return SpeakerReading(
        key="kim", name=f"{first} Kim", country=country, role="Foreign Minister", labels=labels
    )


def test_two_ministers_called_kim_from_different_countries_stay_apart():
    south, created_south = resolve(kim("South Korea", "Kang"))
    north, created_north = resolve(kim("North Korea", "Yong"))
    assert created_south and created_north and south != north


def test_same_label_but_different_country_is_a_new_speaker():
    first, _ = resolve(kim("South Korea"))
    SpeakerLabel.objects.create(speaker=first, label="FOREIGN MINISTER KIM")
    other, created = resolve(kim("North Korea"))
    assert created and other != first


def test_known_label_and_compatible_name_matches():
    first, _ = resolve(kim("South Korea"))
    SpeakerLabel.objects.create(speaker=first, label="FOREIGN MINISTER KIM")
    surname_only = SpeakerReading(key="k", name="Kim", labels=("FOREIGN MINISTER KIM",))
    again, created = resolve(surname_only)
    assert not created and again == first


def test_full_name_with_accents_and_initials_matches():
    existing = Speaker.objects.create(name="Andrés Manuel López Obrador", slug="amlo")
    reading = SpeakerReading(key="p", name="Andres Manuel Lopez Obrador", country="Mexico")
    assert resolve(reading) == (existing, False)
    blinken = Speaker.objects.create(name="Antony J. Blinken", slug="blinken")
    assert resolve(SpeakerReading(key="b", name="Antony Blinken")) == (blinken, False)


def test_surname_alone_never_matches_by_name():
    Speaker.objects.create(name="John Kelly", slug="john-kelly")
    _, created = resolve(SpeakerReading(key="k", name="Kelly"))
    assert created


def test_generic_question_label_never_matches_a_journalist():
    journalist = Speaker.objects.create(name="Rich Edson", slug="rich-edson", kind="journalist")
    SpeakerLabel.objects.create(speaker=journalist, label="QUESTION")
    unknown = SpeakerReading(key="q", name="Question", kind="role", labels=("QUESTION",))
    speaker, created = resolve(unknown)
    assert created and speaker != journalist
    assert resolve(unknown) == (speaker, False)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Rex W. Tillerson", "Rex Tillerson", True),
        ("SECRETARY John Kelly", "John F. Kelly", True),
        ("John Kelly", "Mark Kelly", False),
        ("Kelly", "John Kelly", False),
    ],
)
def test_same_person_name(a, b, same):
    assert speaker_names.same_person_name(a, b) is same


def test_generic_labels():
    assert speaker_names.is_generic_label("QUESTION")
    assert speaker_names.is_generic_label("SENIOR STATE DEPARTMENT OFFICIAL ONE")
    assert not speaker_names.is_generic_label("SECRETARY KELLY")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Unidentified questioner", "role"), ("Interpreter", "official")],
)
def test_anonymous_roles_are_one_speaker_across_events(name, kind):
    role = SpeakerReading(key="r", name=name, kind=kind, labels=("QUESTION",))
    first, created = resolve(role)
    assert created
    assert resolve(role) == (first, False)


def test_full_name_prefers_the_full_name_over_a_surname_alone():
    Speaker.objects.create(name="Lee", slug="lee", kind="official")
    matt = Speaker.objects.create(name="Matt Lee", slug="matt-lee", kind="journalist")
    assert resolve(SpeakerReading(key="m", name="Matt Lee", kind="journalist")) == (matt, False)


def test_a_renamed_speaker_is_matched_by_the_new_name():
    speaker = Speaker.objects.create(name="Antony Blinken", slug="blinken")
    speaker.name = "Antony J. Blinken-Smith"
    speaker.save(update_fields=["name"])
    speaker.refresh_from_db()
    assert speaker.surname_key == "smith"
    reading = SpeakerReading(key="b", name="Antony Blinken-Smith")
    assert resolve(reading) == (speaker, False)


def test_a_first_name_questioner_loads_none_of_the_earlier_ones():
    for n in range(3):
        Speaker.objects.create(name="Matt", slug=f"matt-{n}", kind="journalist")
    matt = SpeakerReading(key="m", name="Matt", kind="journalist", labels=("QUESTION",))
    assert Directory.load([matt]).speakers == []
    speaker, created = resolve(matt)
    assert created and Speaker.objects.filter(name="Matt").count() == 4


def test_a_first_name_with_a_label_of_its_own_still_matches_by_it():
    known = Speaker.objects.create(name="Matt", slug="matt", kind="journalist")
    SpeakerLabel.objects.create(speaker=known, label="MATT")
    matt = SpeakerReading(key="m", name="Matt", kind="journalist", labels=("MATT",))
    assert resolve(matt) == (known, False)
