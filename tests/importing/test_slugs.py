"""New slugs are numbered past the taken ones, however many there are."""

import pytest

from archive.importing.slugs import unique_slug
from archive.models import Speaker

pytestmark = pytest.mark.django_db


def test_first_free_number_is_used_even_past_a_full_round():
    Speaker.objects.create(name="Aamer", slug="aamer")
    Speaker.objects.bulk_create(
        [Speaker(name="Aamer", slug=f"aamer-{n}") for n in range(2, 103) if n != 57]
    )
    assert unique_slug(Speaker, "Aamer", "speaker") == "aamer-57"
    Speaker.objects.create(name="Aamer", slug="aamer-57")
    assert unique_slug(Speaker, "Aamer", "speaker") == "aamer-103"
    assert unique_slug(Speaker, "Aamer Madhani", "speaker") == "aamer-madhani"


def test_longer_slugs_sharing_the_prefix_take_no_number():
    Speaker.objects.bulk_create(
        [Speaker(name=n, slug=s) for n, s in [("Aamer", "aamer"), ("A M", "aamer-madhani")]]
    )
    assert unique_slug(Speaker, "Aamer", "speaker") == "aamer-2"


def test_like_wildcards_in_a_slug_match_only_themselves():
    Speaker.objects.bulk_create(
        [Speaker(name="x", slug=s) for s in ("snake_case", "snakexcase-2", "snake_case-3")]
    )
    assert unique_slug(Speaker, "snake_case", "speaker") == "snake_case-2"


def test_letters_unicode_does_not_decompose_are_spelled_out():
    assert unique_slug(Speaker, "Tove Bjørgaas, Łódź", "speaker") == "tove-bjorgaas-lodz"


def test_a_merged_speakers_old_slug_is_not_given_again():
    from archive.models import SpeakerRedirect

    kept = Speaker.objects.create(name="Eunjung Cho", slug="eunjung-cho")
    SpeakerRedirect.objects.create(old_slug="eunjong-cho", speaker=kept)
    redirects = [(SpeakerRedirect, "old_slug")]
    assert unique_slug(Speaker, "Eunjong Cho", "speaker", also=redirects) == "eunjong-cho-2"
