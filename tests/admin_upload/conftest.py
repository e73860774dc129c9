"""Clients with and without admin rights, and the seed uploaded as a pending upload."""

import pytest
from django.contrib.auth.models import Permission

from archive.models import PendingUpload

from .helpers import SEED, upload


@pytest.fixture
def seed_bytes():
    """Return the seed transcript's bytes."""
    return SEED.read_bytes()


@pytest.fixture
def staff_client(client, django_user_model):
    """Return a client logged in as staff allowed to add events, not a superuser."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="archive",
            codename__in=["add_event", "change_event", "view_speaker", "view_utterance"],
        )
    )
    client.force_login(user)
    return client


@pytest.fixture
def pending_seed(admin_client):
    """Upload the seed as the admin and return its pending upload."""
    response = upload(admin_client)
    assert response.status_code == 302, response.content.decode()[:3000]
    return PendingUpload.objects.get()
