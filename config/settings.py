"""Settings for the archive, read from the environment.

Nothing fails open: with DEBUG off (the default) the site refuses to start
without SECRET_KEY, on any database, and a proxy's X-Forwarded-Proto header is
trusted only with ARCHIVE_BEHIND_PROXY=true. Development (`make run`) sets
DEBUG=true and runs on an embedded SQLite file under var/. Production sets
DATABASE_URL (PostgreSQL), SECRET_KEY, ALLOWED_HOSTS and leaves DEBUG off.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}")


def env_fraction(name: str) -> float | None:
    """A number between 0 and 1, or None when the variable is unset, empty or "off"."""
    value = os.environ.get(name, "").strip()
    if value.lower() in {"", "off", "none"}:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if 0 <= number <= 1:
        return number
    raise ImproperlyConfigured(f"{name} must be a number from 0 to 1, or off; not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str, *, debug: bool) -> str:
    """A secret required whenever DEBUG is off, on any database: a key written in the code is public."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if debug:
        return "insecure-local-only-" + "x" * 40  # development servers only (`make run` sets DEBUG=true)
    raise ImproperlyConfigured(
        f"{name} is not set and DEBUG is off: set {name} to a long random string, or DEBUG=true for local development.")


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_secret("SECRET_KEY", debug=DEBUG)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "archive.adminsite.ArchiveAdminConfig",  # the stock admin with the review queue and merge page
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

WSGI_APPLICATION = "config.wsgi.application"

# Embedded SQLite by default; PostgreSQL (production) when DATABASE_URL is set.
DEFAULT_SQLITE = f"sqlite:///{BASE_DIR / 'var' / 'archive.sqlite3'}"
DATABASES = {
    "default": dj_database_url.config(
        default=DEFAULT_SQLITE,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers browse while an ingest writes; NORMAL sync is safe with WAL.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Fixtures keep times to the microsecond, so a dump of a loaded fixture is the same file.
SERIALIZATION_MODULES = {"json": "archive.serialization"}

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
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and development serve static files without a collectstatic step.
WHITENOISE_USE_FINDERS = DEBUG or env_bool("WHITENOISE_USE_FINDERS", False)

LOGIN_URL = "admin:login"

# Public pages are readable by anyone unless this is turned off.
ARCHIVE_PUBLIC_READ = env_bool("ARCHIVE_PUBLIC_READ", True)

# The review queue marks unreviewed records at or above this confidence "likely right", for a curator to verify
# them in one click (never without a person). Off by default: set it once the confidence is calibrated.
ARCHIVE_LIKELY_RIGHT = env_fraction("ARCHIVE_LIKELY_RIGHT")

# Security settings that matter once DEBUG is off (check --deploy clean).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# X-Forwarded-Proto says a request came over HTTPS only if a proxy we trust set it: anyone can send
# the header. Turn this on only behind a TLS-terminating proxy that overwrites it on every request.
ARCHIVE_BEHIND_PROXY = env_bool("ARCHIVE_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if ARCHIVE_BEHIND_PROXY else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
