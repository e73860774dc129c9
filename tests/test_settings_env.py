"""The settings helper: environment parsing and production safety."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import DEV_SECRET_KEY, Env


def test_database_defaults_to_sqlite_file():
    config = Env({}).database(Path("/srv/archive/db.sqlite3"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/archive/db.sqlite3"


def test_database_url_is_parsed_for_postgresql():
    url = "postgres://archivist:s3cret@db.example:6543/statements"
    config = Env({"DATABASE_URL": url}).database(Path("unused"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == (
        "statements",
        "archivist",
        "s3cret",
    )
    assert (config["HOST"], config["PORT"]) == ("db.example", 6543)


def test_bad_database_url_is_a_clear_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        Env({"DATABASE_URL": "nonsense://x"}).database(Path("unused"))


def test_development_gets_a_default_secret_key():
    assert Env({}).secret_key() == DEV_SECRET_KEY


@pytest.mark.parametrize("key", [None, "", DEV_SECRET_KEY, "short"])
def test_production_refuses_to_start_without_a_real_secret_key(key):
    environ = {"DJANGO_ENV": "production"}
    if key is not None:
        environ["SECRET_KEY"] = key
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        Env(environ).secret_key()


def test_a_mistyped_environment_name_is_production_and_the_message_says_so():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ENV=dev: anything but development"):
        Env({"DJANGO_ENV": "dev"}).secret_key()


def test_production_accepts_a_long_random_secret_key():
    key = "k" * 50
    assert Env({"DJANGO_ENV": "production", "SECRET_KEY": key}).secret_key() == key


def test_bool_and_list_parsing():
    env = Env({"DEBUG": "off", "HOSTS": "a.example, b.example,,"})
    assert env.bool("DEBUG", default=True) is False
    assert env.bool("MISSING", default=True) is True
    assert env.list("HOSTS", []) == ["a.example", "b.example"]
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        Env({"DEBUG": "maybe"}).bool("DEBUG")


def test_production_settings_module_refuses_to_import_without_secret_key(tmp_path):
    import os
    import subprocess
    import sys

    environ = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environ.update(DJANGO_ENV="production", DJANGO_SETTINGS_MODULE="archive.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environ,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
