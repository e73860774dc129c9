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
