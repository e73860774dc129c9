"""Security headers, production settings and login throttling, as an attacker would meet them."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "the-right-password-1"


def check_deploy(**environ):
    """Run `manage.py check --deploy` in production with the given environment; return it."""
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is no part of a deployment.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "archive.example.org",
        **environ,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_with_just_the_three_variables():
    result = check_deploy()
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout and "WARNING" not in result.stderr


def test_force_https_off_turns_hsts_and_the_redirect_off():
    result = check_deploy(FORCE_HTTPS="false")
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/search/?q=market", "/speakers/", "/api/speakers/"])
def test_every_page_carries_a_policy_without_inline_code(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["admin:index", "admin:archive_event_upload", "admin:archive_event_changelist"]
)
def test_admin_pages_have_no_inline_style_or_script(admin_client, url):
    response = admin_client.get(reverse(url))
    assert "Content-Security-Policy" in response
    html = response.content.decode()
    assert "<style" not in html and " style=" not in html and " onclick=" not in html
    assert all(tag.startswith("<script src=") for tag in scripts(html))


def scripts(html: str) -> list[str]:
    import re

    return re.findall(r"<script\b[^>]*>", html)


@pytest.fixture
def archivist(django_user_model):
    return django_user_model.objects.create_superuser("archivist", "a@example.org", PASSWORD)


def log_in(client, username, password):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )


def logged_in(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_fifty_wrong_passwords_then_the_right_one_do_not_log_in(client, archivist):
    for n in range(50):
        log_in(client, "archivist", f"guess-{n}")
    response = log_in(client, "archivist", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert not logged_in(client)


@pytest.mark.django_db
def test_a_few_mistakes_do_not_lock_out_and_the_lock_is_per_username(client, archivist, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "archivist", f"guess-{n}")
    assert log_in(client, "archivist", PASSWORD).status_code == 302 and logged_in(client)
    client.logout()
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "someone-else", f"guess-{n}")
    assert log_in(client, "archivist", PASSWORD).status_code == 302 and logged_in(client)
