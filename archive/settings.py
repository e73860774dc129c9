"""Django settings for the diplomatic statements archive; every knob comes from the environment."""

from pathlib import Path

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
    "archive.search",  # before haystack: its rebuild_index/update_index take precedence
    "haystack",
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

if env.is_production():
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "WARNING")},
}
