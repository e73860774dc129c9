"""A merged speaker's old URL redirects to the speaker it was merged into."""

import pytest

from archive.models import Speaker, SpeakerRedirect

pytestmark = pytest.mark.django_db


def test_merged_speaker_slug_redirects_permanently(client):
    kept = Speaker.objects.create(name="John Kelly", slug="john-kelly")
    SpeakerRedirect.objects.create(old_slug="john-kelly-2", speaker=kept)
    response = client.get("/speakers/john-kelly-2/")
    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()


def test_unknown_speaker_slug_is_404(client):
    assert client.get("/speakers/nobody-at-all/").status_code == 404
