"""The project's settings as production reads them, with test-only speed-ups."""

import os
import secrets
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="newsroom-test-"))
# The test client and the live server speak plain HTTP.
os.environ.setdefault("DJANGO_HTTPS", "0")
# Tests see pages as rendered; the caches' own tests switch them on.
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")
os.environ.setdefault("DJANGO_FRAGMENT_CACHE_SECONDS", "0")

from newsroom.settings import *  # noqa: F403

# No collectstatic before tests: hashed names are WhiteNoise's business in deploys.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A shared Redis outlives a test run: start each run with keys of its own.
CACHES["default"]["KEY_PREFIX"] = f"test-{secrets.token_hex(4)}"  # noqa: F405
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
STATIC_ROOT = tempfile.mkdtemp(prefix="newsroom-static-")
