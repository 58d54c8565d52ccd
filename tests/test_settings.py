"""Settings never fail open: no secret with DEBUG off stops the site; a proxy's header is trusted only when told."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "config" / "settings.py"
POSTGRES = "postgres://archive@127.0.0.1:5432/archive"
CONFIGURATION = ["SECRET_KEY", "DEBUG", "DATABASE_URL", "ARCHIVE_BEHIND_PROXY"]


def load_settings(monkeypatch, **environment) -> dict:
    """The production settings module read afresh under exactly this configuration."""
    for name in CONFIGURATION:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_it_reads_the_test_secret_from_the_environment():
    assert settings.SECRET_KEY.startswith("test-only")


def test_it_never_redirects_to_https_in_tests():
    assert settings.SECURE_SSL_REDIRECT is False


@pytest.mark.parametrize("database", [None, POSTGRES], ids=["sqlite", "postgresql"])
@pytest.mark.parametrize("secret", [None, "", "   "], ids=["unset", "empty", "blank"])
def test_without_a_secret_and_with_debug_off_the_settings_refuse_to_load(monkeypatch, database, secret):
    environment = {k: v for k, v in {"DATABASE_URL": database, "SECRET_KEY": secret}.items() if v is not None}
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set and DEBUG is off"):
        load_settings(monkeypatch, **environment)


def test_the_site_refuses_to_start_without_a_secret_and_says_why_in_one_line():
    environment = {k: v for k, v in os.environ.items() if k not in CONFIGURATION}
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings"
    run = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode != 0
    [reason] = run.stderr.strip().splitlines()  # the reason alone, no traceback
    assert reason.startswith("manage.py: SECRET_KEY is not set and DEBUG is off")


def test_a_secret_from_the_environment_is_used_as_given(monkeypatch):
    assert load_settings(monkeypatch, SECRET_KEY="s3cret-from-the-environment")["SECRET_KEY"] == (
        "s3cret-from-the-environment")


def test_debug_on_runs_without_a_secret_for_local_development(monkeypatch):
    loaded = load_settings(monkeypatch, DEBUG="true")
    assert loaded["DEBUG"] is True and loaded["SECRET_KEY"].startswith("insecure-local-only-")


def test_the_forwarded_proto_header_is_not_trusted_by_default(monkeypatch):
    assert load_settings(monkeypatch, SECRET_KEY="x" * 50)["SECURE_PROXY_SSL_HEADER"] is None


def test_the_forwarded_proto_header_is_trusted_behind_a_declared_proxy(monkeypatch):
    loaded = load_settings(monkeypatch, SECRET_KEY="x" * 50, ARCHIVE_BEHIND_PROXY="true")
    assert loaded["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_a_proxy_setting_that_is_not_a_boolean_stops_the_site(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ARCHIVE_BEHIND_PROXY must be a boolean"):
        load_settings(monkeypatch, SECRET_KEY="x" * 50, ARCHIVE_BEHIND_PROXY="nginx")


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_client_claiming_https_in_a_header_is_still_sent_to_https(client):
    response = client.get("/meetings/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301 and response["Location"].startswith("https://")
