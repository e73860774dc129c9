"""The registry in the admin: people with their posts, and speakers left unresolved to review."""

import pytest

from archive.models import Speaker
from archive.registry.models import Person

pytestmark = pytest.mark.django_db


def test_admins_find_unresolved_speakers_to_review(admin_client):
    Speaker.objects.create(name="Nabongo", slug="nabongo", resolved=False)
    Speaker.objects.create(name="Jen Psaki", slug="jen-psaki")
    page = admin_client.get("/admin/archive/speaker/?resolved__exact=0")
    assert page.status_code == 200
    assert [s.name for s in page.context["cl"].result_list] == ["Nabongo"]


def test_admins_edit_a_person_with_their_posts(admin_client):
    person = Person.objects.get(slug="john-f-kelly")
    page = admin_client.get(f"/admin/registry/person/{person.pk}/change/")
    assert page.status_code == 200
    assert "Secretary of Homeland Security" in page.content.decode()
    found = admin_client.get("/admin/registry/person/?q=Videgaray").context["cl"].result_list
    assert [p.name for p in found] == ["Luis Videgaray Caso"]


def test_a_person_page_leads_to_their_speaker(client):
    person = Person.objects.get(slug="john-f-kelly")
    assert client.get(person.get_absolute_url()).status_code == 404  # nobody speaks yet
    speaker = Speaker.objects.create(name="John F. Kelly", slug="john-f-kelly", person=person)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == speaker.get_absolute_url()
