"""The production server: gunicorn pinned, `make serve` documented, and it serves the archive."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_gunicorn_is_pinned_and_make_serve_runs_it():
    assert re.search(r"^gunicorn==\d", (ROOT / "requirements.txt").read_text(), re.M)
    plan = subprocess.run(
        ["make", "-n", "serve", "BIND=127.0.0.1:9999", "WORKERS=3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert plan.returncode == 0, plan.stderr
    assert "migrate --noinput" in plan.stdout and "collectstatic --noinput" in plan.stdout
    assert "gunicorn archive.wsgi --bind 127.0.0.1:9999 --workers 3" in plan.stdout
    assert "loaddata" not in plan.stdout and "setup_archive" not in plan.stdout
    assert "make serve" in (ROOT / "README.md").read_text()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, **headers):
    """Return (status, headers) of a GET, redirects not followed."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


@pytest.fixture
def gunicorn(tmp_path):
    """Start gunicorn as `make serve` does, in production, on a scratch database; stop it after."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WHOOSH_INDEX_DIR": str(tmp_path / "index"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    for step in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=30)


def test_gunicorn_serves_the_archive_behind_a_tls_proxy(gunicorn):
    status, headers = fetch(f"{gunicorn}/search/?q=market", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    status, headers = fetch(f"{gunicorn}/static/archive/site.css", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    status, headers = fetch(f"{gunicorn}/search/?q=market")
    assert status == 301 and headers["Location"].startswith("https://127.0.0.1")
