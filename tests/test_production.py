"""Safe by default: deploy checks, security headers, health checks."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import OperationalError
from django.urls import reverse

from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def _manage(*args, **env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")
    } | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_debug_refuses_a_public_host_name():
    result = _manage("check", **PRODUCTION, DJANGO_DEBUG="1")

    assert result.returncode != 0
    assert "DJANGO_DEBUG is on with a public host name" in result.stderr


@pytest.mark.parametrize(
    "url",
    [
        lambda: ArticleFactory().get_absolute_url(),
        lambda: reverse("admin:login"),
        lambda: "/no-such-page/",
    ],
    ids=["article", "admin", "not found"],
)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url())

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_https_brings_hsts_and_secure_cookies(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )


def test_health_check_answers_and_is_never_cached(client):
    response = client.get(reverse("healthz"))

    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_names_a_stopped_database(client, monkeypatch):
    def stopped(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("newsroom.views.connection.cursor", stopped)

    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failing": ["database"]}


def test_readiness_names_a_stopped_cache(client, monkeypatch):
    def stopped(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("newsroom.views.cache.set", stopped)

    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


def test_ready_when_both_answer(client):
    response = client.get(reverse("readyz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failing": []}
