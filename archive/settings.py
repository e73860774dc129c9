"""Django settings for the diplomatic statements archive; every knob comes from the environment."""

import datetime
from pathlib import Path

from csp.constants import NONE, SELF

from archive.env import Env

BASE_DIR = Path(__file__).resolve().parent.parent
env = Env()

SECRET_KEY = env.secret_key()
DEBUG = env.bool("DEBUG", default=not env.is_production())
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "archive.registry",
    "archive.search",  # before haystack: its rebuild_index/update_index take precedence
    "haystack",
    "csp",
    "axes",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if env.is_production():
    # WhiteNoise serves the collected static files; development uses runserver's own.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "archive.site_urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.database(BASE_DIR / "db.sqlite3")}
# django-axes counts failed logins first; after AXES_FAILURE_LIMIT failures of one username from
# one address, that pair is refused, the right password too, for AXES_COOLOFF_TIME. The pair, not
# the address alone: behind a proxy every login comes from the proxy's address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.is_production()
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Admin uploads of transcripts: files past FILE_UPLOAD_MAX_MEMORY_SIZE stream to a temporary
# file, so an oversize upload is refused by its size unread; pasted text gets twice the limit.
TRANSCRIPT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = TRANSCRIPT_UPLOAD_MAX_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * TRANSCRIPT_UPLOAD_MAX_BYTES

# SEARCH_URL picks the engine (tantivy unless set); see archive/env.py. A local engine keeps its
# index in a folder: SEARCH_INDEX_DIR, or for Whoosh WHOOSH_INDEX_DIR as before.
SEARCH_INDEX_DIR = env.path("SEARCH_INDEX_DIR", BASE_DIR / "search_index")
WHOOSH_INDEX_DIR = env.path(
    "WHOOSH_INDEX_DIR",
    SEARCH_INDEX_DIR if env.str("SEARCH_INDEX_DIR") else BASE_DIR / "whoosh_index",
)
HAYSTACK_CONNECTIONS = {
    "default": env.search({"tantivy": SEARCH_INDEX_DIR, "whoosh": WHOOSH_INDEX_DIR})
}
# One indexed model: skip haystack's per-query "django_ct" narrowing.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20

# Every script and style comes from the site's own static files: no inline code at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

if env.is_production():
    # The documented set-up: gunicorn behind a TLS proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # FORCE_HTTPS=false leaves redirecting to HTTPS and HSTS to the proxy (or off).
    FORCE_HTTPS = env.bool("FORCE_HTTPS", True)
    SECURE_SSL_REDIRECT = FORCE_HTTPS
    SECURE_HSTS_SECONDS = 365 * 24 * 3600 if FORCE_HTTPS else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = FORCE_HTTPS
    SECURE_HSTS_PRELOAD = FORCE_HTTPS

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "WARNING")},
}
