"""The pending-upload admin: each user's own uploads still to import, leading to their preview."""

import pytest
from django.urls import reverse

from archive.models import PendingUpload

from .helpers import confirm, preview_url, upload, upload_url

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:archive_pendingupload_changelist"


@pytest.fixture
def other_admin(client, django_user_model):
    """Return a second superuser's client."""
    client.force_login(django_user_model.objects.create_superuser("other", password="pw-other"))
    return client


def test_a_waiting_upload_is_listed_with_a_link_to_resume_it(admin_client, pending_seed):
    page = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert preview_url(pending_seed) in page and "Preview and import" in page
    assert preview_url(pending_seed) in admin_client.get(upload_url()).content.decode()
    assert admin_client.get(preview_url(pending_seed)).status_code == 200


def test_an_imported_upload_is_no_longer_listed(admin_client, pending_seed):
    confirm(admin_client, pending_seed)
    page = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert "0 pending uploads" in page and preview_url(pending_seed) not in page
    assert preview_url(pending_seed) not in admin_client.get(upload_url()).content.decode()


def test_another_users_uploads_and_tokens_are_hidden(admin_client, pending_seed, other_admin):
    change = reverse("admin:archive_pendingupload_change", args=[pending_seed.pk])
    page = other_admin.get(reverse(CHANGELIST)).content.decode()
    assert pending_seed.token not in page and "0 pending uploads" in page
    assert other_admin.get(change).status_code == 302
    delete = reverse("admin:archive_pendingupload_delete", args=[pending_seed.pk])
    other_admin.post(delete, {"post": "yes"})
    assert PendingUpload.objects.filter(pk=pending_seed.pk).exists()
    assert pending_seed.token not in other_admin.get(upload_url()).content.decode()


def test_the_owner_sees_no_token_on_the_uploads_own_page(admin_client, pending_seed):
    change = reverse("admin:archive_pendingupload_change", args=[pending_seed.pk])
    page = admin_client.get(change).content.decode()
    assert "Preview and import" in page
    assert page.count(pending_seed.token) == page.count(preview_url(pending_seed))


def test_a_second_upload_waits_beside_the_first(admin_client, pending_seed):
    upload(admin_client, data=b"MR SMITH: Hello there.\n\nMS JONES: Hello back.\n", name="b.txt")
    page = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert "2 pending uploads" in page
