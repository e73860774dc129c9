"""Only staff allowed to add events reach the upload; everyone else is sent away unwritten."""

import pytest
from django.urls import reverse

from archive.models import Event, PendingUpload

from .helpers import confirm, preview_data, preview_url, upload, upload_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client, django_user_model):
    """Return a client logged in as an ordinary (non-staff) user."""
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    return client


@pytest.fixture
def viewer_client(client, django_user_model):
    """Return a client logged in as staff without the permission to add events."""
    client.force_login(
        django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    )
    return client


def sent_to_login(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("who", ["client", "member_client"])
def test_anonymous_and_non_staff_are_sent_to_log_in(request, who):
    visitor = request.getfixturevalue(who)
    assert sent_to_login(visitor.get(upload_url()))
    assert sent_to_login(upload(visitor))
    assert not PendingUpload.objects.exists() and not Event.objects.exists()


@pytest.mark.parametrize("who", ["client", "member_client"])
def test_anonymous_and_non_staff_cannot_confirm(request, admin_client, pending_seed, who):
    shown = admin_client.get(preview_url(pending_seed))
    data = {**preview_data(shown), "_confirm": "1"}
    visitor = request.getfixturevalue(who)
    assert sent_to_login(visitor.post(preview_url(pending_seed), data))
    assert not Event.objects.exists()


def test_staff_without_add_permission_is_forbidden(viewer_client):
    assert viewer_client.get(upload_url()).status_code == 403
    assert upload(viewer_client).status_code == 403
    assert not PendingUpload.objects.exists()


def test_staff_with_add_permission_can_upload_and_confirm(staff_client):
    upload(staff_client)
    pending = PendingUpload.objects.get()
    response = confirm(staff_client, pending)
    assert response.url == Event.objects.get().get_absolute_url()


def test_another_users_upload_is_not_shown(admin_client, pending_seed, staff_client):
    response = staff_client.get(preview_url(pending_seed))
    assert response.status_code == 302 and response.url == upload_url()
    assert PendingUpload.objects.exists()
