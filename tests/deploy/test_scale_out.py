"""Two app servers sharing PostgreSQL, Redis and the media folder act as one.

Runs where the suite runs on PostgreSQL with REDIS_URL set (CI does); each
instance is a real gunicorn on its own port, talking to the test database.
"""

import http.cookiejar
import json
import os
import re
import secrets
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from io import BytesIO

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.utils.crypto import get_random_string
from PIL import Image as PillowImage

from bench.server import serving
from comments.models import Comment
from media.models import Image
from tests.articles.factories import ArticleFactory

PASSWORD = "a-long-test-only-passphrase"
TIMEOUT = 20

pytestmark = [
    # Restored afterwards: the roles that data migrations made must survive.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "Redis" not in settings.CACHES["default"]["BACKEND"],
        reason="needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL",
    ),
]


@pytest.fixture
def instances(tmp_path):
    """Two gunicorn instances on the test database, sharing Redis and media."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL and REDIS_URL")
    db = connection.settings_dict
    environment = os.environ | {
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}"
            f"/{db['NAME']}"
        ),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_HTTPS": "0",
        "DJANGO_MEDIA_ROOT": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_COMMENTS_MIN_SECONDS": "0",
        "NEWSROOM_COMMENTS_REPORT_RATE": "2/h",
    }
    environment.pop("DJANGO_DEBUG", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=environment,
        cwd=settings.BASE_DIR,
        check=True,
    )
    with serving(environment, workers=1) as a, serving(environment, workers=1) as b:
        yield [a, b]


@pytest.fixture
def editor(django_user_model):
    # Hashed as production hashes: the instances do not know the tests' MD5.
    user = django_user_model.objects.create(
        username="editor",
        password=PBKDF2PasswordHasher().encode(PASSWORD, get_random_string(16)),
        is_staff=True,
    )
    for group in ("Editors", "Moderators"):
        user.groups.add(Group.objects.get(name=group))
    return user


def test_two_instances_act_as_one(instances, editor):
    cache.clear()
    a, b = instances
    article = ArticleFactory(headline="Shared desk")
    path = article.get_absolute_url()

    reader = _Browser()
    page = reader.get(a + path)
    # As the comment form's script does: the page is shared, the tokens not.
    tokens = json.loads(reader.get(a + _attribute(page, "data-token-url")))
    status, _ = reader.post(
        f"{a}/comments/post/{article.pk}/",
        {
            "csrfmiddlewaretoken": tokens["csrf"],
            "token": tokens["token"],
            "author_name": "Ola",
            "author_email": "ola@example.org",
            "body": "Posted through instance A.",
        },
        referer=a + path,
    )
    assert status == 302
    comment = Comment.objects.get(body="Posted through instance A.")
    assert comment.status == Comment.Status.PENDING

    desk = _Browser()
    login = desk.get(f"{a}/admin/login/")
    desk.post(
        f"{a}/admin/login/",
        {
            "csrfmiddlewaretoken": _field(login, "csrfmiddlewaretoken"),
            "username": "editor",
            "password": PASSWORD,
            "next": "/admin/",
        },
        referer=f"{a}/admin/login/",
    )
    # Cookies belong to the host, not the port: B gets the session A made.
    queue = desk.get(f"{b}/admin/comments/comment/")
    assert "Posted through instance A." in queue, "A's session works on B"
    status, _ = desk.post(
        f"{b}/admin/comments/comment/",
        {
            "csrfmiddlewaretoken": _field(queue, "csrfmiddlewaretoken"),
            "action": "mark_approved",
            "_selected_action": str(comment.pk),
        },
        referer=f"{b}/admin/comments/comment/",
    )
    assert status == 302

    for base in (a, b):
        assert "Posted through instance A." in _Browser().get(base + path)

    # Reports are limited to 2 an hour per address, counted across both.
    statuses = [
        _Browser().post_form_from(
            f"{base}/comments/{comment.pk}/report/",
            f"{base}/comments/{comment.pk}/report/",
        )
        for base in (a, b, a)
    ]
    assert statuses == [302, 302, 429]

    upload = desk.get(f"{a}/admin/media/image/add/")
    status, _ = desk.post_multipart(
        f"{a}/admin/media/image/add/",
        {
            "csrfmiddlewaretoken": _field(upload, "csrfmiddlewaretoken"),
            "alt_text": "A shared test card",
            "credit": "Desk",
            "licence": "all-rights-reserved",
            "focal_x": "50",
            "focal_y": "50",
        },
        {"file": ("card.png", _png())},
        referer=f"{a}/admin/media/image/add/",
    )
    assert status == 302
    image = Image.objects.get(alt_text="A shared test card")
    assert _Browser().status(f"{b}{image.file.url}") == 200


class _Browser:
    """Cookies, CSRF-friendly posts and no redirect following, over loopback."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def get(self, url):
        with self.opener.open(url, timeout=TIMEOUT) as response:
            return response.read().decode()

    def status(self, url):
        try:
            with self.opener.open(url, timeout=TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def post(self, url, data, *, referer):
        body = urllib.parse.urlencode(data).encode()
        return self._send(url, body, {"Referer": referer})

    def post_form_from(self, page_url, action):
        page = self.get(page_url)
        status, _ = self.post(
            action,
            {"csrfmiddlewaretoken": _field(page, "csrfmiddlewaretoken")},
            referer=page_url,
        )
        return status

    def post_multipart(self, url, data, files, *, referer):
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
            for name, value in data.items()
        ]
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                "\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {
            "Referer": referer,
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        }
        return self._send(url, body, headers)

    def _send(self, url, body, headers):
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _field(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html)[1]


def _attribute(html, name):
    return re.search(rf'{name}="([^"]+)"', html)[1]


def _png():
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 40), "teal").save(buffer, "PNG")
    return buffer.getvalue()
