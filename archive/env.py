"""Read settings from the environment: one small helper used by settings.py."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

DEV_SECRET_KEY = "dev-insecure-only-for-local-development"
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
SEARCH_ENGINES = {
    "tantivy": "archive.search.engines.tantivy.TantivyEngine",
    "whoosh": "archive.search.engines.whoosh.WhooshEngine",
    "elasticsearch": "haystack.backends.elasticsearch_backend.ElasticsearchSearchEngine",
    "elasticsearch5": "haystack.backends.elasticsearch5_backend.Elasticsearch5SearchEngine",
    "elasticsearch7": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
    "solr": "haystack.backends.solr_backend.SolrEngine",
}
# The engines whose index is a local folder: SEARCH_URL=tantivy: or tantivy:///some/folder.
LOCAL_ENGINES = ("tantivy", "whoosh")


class Env:
    """Typed access to environment variables with defaults."""

    def __init__(self, environ: Mapping[str, str] | None = None):
        self.environ = os.environ if environ is None else environ

    def str(self, name: str, default: str = "") -> str:
        """Return the variable as a stripped string, or the default when unset."""
        return self.environ.get(name, default).strip()

    def bool(self, name: str, default: bool = False) -> bool:
        """Return the variable as a boolean; an unknown word is a configuration error."""
        if name not in self.environ:
            return default
        word = self.environ[name].strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(f"{name} must be true or false, not {word!r}")

    def int(self, name: str, default: int) -> int:
        """Return the variable as a whole number; anything else is a configuration error."""
        word = self.str(name)
        if not word:
            return default
        if not (word.isascii() and word.isdigit()):
            raise ImproperlyConfigured(f"{name} must be a whole number, not {word!r}")
        return int(word)

    def list(self, name: str, default: list[str]) -> list[str]:
        """Return a comma-separated variable as a list of non-empty items."""
        if name not in self.environ:
            return default
        return [item.strip() for item in self.environ[name].split(",") if item.strip()]

    def is_production(self) -> bool:
        """Return whether DJANGO_ENV names production (anything but development or test)."""
        return self.str("DJANGO_ENV", "development") not in {"development", "test"}

    def secret_key(self) -> str:
        """Return SECRET_KEY; production refuses to start without a real one."""
        key = self.str("SECRET_KEY")
        if not self.is_production():
            return key or DEV_SECRET_KEY
        if not key or key == DEV_SECRET_KEY or len(key) < 32:
            given = self.str("DJANGO_ENV", "development")
            raise ImproperlyConfigured(
                "SECRET_KEY must be set to a random string of at least 32 characters in "
                f"production (DJANGO_ENV={given}: anything but development or test is production)"
            )
        return key

    def database(self, default_sqlite: Path) -> dict:
        """Return Django's DATABASES['default'] from DATABASE_URL, else an SQLite file."""
        url = self.str("DATABASE_URL") or f"sqlite:///{default_sqlite}"
        try:
            config = dj_database_url.parse(url, conn_max_age=60)
        except ValueError as error:
            raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {error}") from error
        if config["ENGINE"].endswith("sqlite3"):
            # WAL lets pages read while an import writes; NORMAL sync is still crash-safe in WAL.
            config["OPTIONS"] = {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        return config

    def path(self, name: str, default: Path) -> Path:
        """Return the variable as a path, relative paths taken from the current folder."""
        value = self.str(name)
        return Path(value).resolve() if value else default

    def search(self, folders: Mapping[str, Path]) -> dict:
        """Return haystack's connection from SEARCH_URL (tantivy:, whoosh:, elasticsearch7://, …).

        `folders` gives each local engine's default index folder.
        """
        url = self.str("SEARCH_URL") or "tantivy:"
        scheme, _, rest = url.partition(":")
        engine, _, transport = scheme.partition("+")
        if engine in LOCAL_ENGINES:
            path = rest.removeprefix("//") or str(folders[engine])
            return {"ENGINE": SEARCH_ENGINES[engine], "PATH": str(Path(path).resolve())}
        if engine not in SEARCH_ENGINES or not rest.startswith("//"):
            raise ImproperlyConfigured(f"SEARCH_URL is not a search URL haystack knows: {url!r}")
        host, _, name = rest[2:].partition("/")
        base = f"{transport or 'http'}://{host}/"
        if engine == "solr":
            return {"ENGINE": SEARCH_ENGINES[engine], "URL": base + name}
        return {"ENGINE": SEARCH_ENGINES[engine], "URL": base, "INDEX_NAME": name or "archive"}
