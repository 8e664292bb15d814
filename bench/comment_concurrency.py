"""Post many comments at once through gunicorn and count what was stored.

Usage: python bench/comment_concurrency.py [--comments 200] [--workers 4]

Runs against DATABASE_URL when set (PostgreSQL, say), else a fresh SQLite file
under var/bench/. Each simulated reader loads the article page (for its CSRF
cookie and signed form token), then all of them post at the same moment. The
figure that matters is "stored": every accepted comment exactly once.
Traffic goes to 127.0.0.1 only, and every request has a timeout.
"""

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
TIMEOUT = 60


def main():
    options = _arguments()
    VAR.mkdir(parents=True, exist_ok=True)
    environment = _environment()
    _manage(environment, "collectstatic", "--no-input", "-v0")
    _manage(environment, "migrate", "--no-input", "-v0")
    article_id, article_path = _create_article(environment)
    port = _free_port()
    server = _gunicorn(environment, port, options.workers)
    try:
        _wait_until_up(port)
        result = _load(port, article_id, article_path, options.comments)
    finally:
        server.terminate()
        server.wait(timeout=30)
    result |= _count_stored(environment, article_id)
    result["database"] = environment["DATABASE_URL"].split(":", 1)[0]
    result["workers"] = options.workers
    _report(result)
    (VAR / "comment_concurrency.json").write_text(json.dumps(result, indent=2))
    lost = result["accepted"] - result["stored"]
    sys.exit(0 if lost == 0 and result["duplicates"] == 0 else 1)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    return parser.parse_args()


def _environment() -> dict:
    """Production settings, with the limits a load test must not trip."""
    database = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{VAR / f'comments-{secrets.token_hex(4)}.sqlite3'}"
    )
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_HTTPS": "0",  # plain HTTP on loopback
        "DATABASE_URL": database,
        "DJANGO_MEDIA_ROOT": str(VAR / "uploads"),
        "NEWSROOM_COMMENTS_MIN_SECONDS": "0",
        "NEWSROOM_COMMENTS_RATE_PER_IP": "100000/m",
        "NEWSROOM_COMMENTS_RATE_PER_EMAIL": "100000/m",
    }


def _manage(environment, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environment, check=True)


def _django_script(environment, code: str) -> str:
    script = f"import django; django.setup()\n{code}"
    return subprocess.run(
        [PYTHON, "-c", script],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _create_article(environment) -> tuple[int, str]:
    output = _django_script(
        environment,
        """
from django.utils import timezone
from articles.models import Article
article = Article.objects.create(
    headline="Load test", slug="load-test-" + timezone.now().strftime("%s%f"),
    status="published", pub_date=timezone.now(),
)
print(article.pk, article.get_absolute_url())
""",
    )
    article_id, path = output.split()
    return int(article_id), path


def _count_stored(environment, article_id) -> dict:
    output = _django_script(
        environment,
        f"""
import json
from django.db.models import Count
from comments.models import Comment
comments = Comment.objects.filter(article_id={article_id})
repeated = comments.values("body").annotate(n=Count("pk")).filter(n__gt=1)
print(json.dumps({{"stored": comments.count(), "duplicates": repeated.count()}}))
""",
    )
    return json.loads(output)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn(environment, port, workers):
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=environment,
    )


def _wait_until_up(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


def _load(port, article_id, article_path, count) -> dict:
    base = f"http://127.0.0.1:{port}"
    readers = [_Reader(base, article_path) for _ in range(count)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(lambda reader: reader.open_article(), readers))

    start = threading.Barrier(count)
    post_url = f"{base}/comments/post/{article_id}/"

    def post(pair):
        number, reader = pair
        start.wait(timeout=TIMEOUT)
        return reader.post_comment(post_url, number)

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=count) as pool:
        statuses = list(pool.map(post, enumerate(readers)))
    elapsed = time.monotonic() - began
    return {
        "posted": count,
        "accepted": statuses.count(302),
        "refused": {str(s): statuses.count(s) for s in set(statuses) if s != 302},
        "seconds": round(elapsed, 2),
        "per_second": round(count / elapsed, 1),
    }


class _Reader:
    """One browser: its own cookies, its own form token."""

    def __init__(self, base, article_path):
        self.base, self.article_path = base, article_path
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def open_article(self):
        with self.opener.open(self.base + self.article_path, timeout=TIMEOUT) as page:
            html = page.read().decode()
        self.csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        self.token = re.search(r'name="token" value="([^"]+)"', html)[1]

    def post_comment(self, url, number) -> int:
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.csrf,
                "token": self.token,
                "author_name": f"Reader {number}",
                "author_email": f"reader{number}@example.org",
                "body": f"Comment number {number} from the load test.",
            }
        ).encode()
        request = urllib.request.Request(
            url, data=data, headers={"Referer": self.base + self.article_path}
        )
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _report(result):
    print(
        f"{result['database']}, {result['workers']} gunicorn workers: "
        f"{result['posted']} comments posted at once, {result['accepted']} accepted, "
        f"{result['stored']} stored, {result['duplicates']} stored twice, "
        f"refused {result['refused'] or 'none'}; "
        f"{result['seconds']} s ({result['per_second']} per second)"
    )


if __name__ == "__main__":
    main()
