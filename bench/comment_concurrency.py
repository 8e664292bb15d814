"""Post many comments at once through gunicorn and count what was stored.

Usage: python -m bench.comment_concurrency [--comments 200] [--workers 4]

Runs against DATABASE_URL when set (PostgreSQL, say), else a fresh SQLite file
under var/bench/. Each simulated reader loads the article page (for its CSRF
cookie and signed form token), then all of them post at the same moment. The
figure that matters is "stored": every accepted comment exactly once.
Traffic goes to 127.0.0.1 only, and every request has a timeout.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bench.load import Reader
from bench.server import ROOT, VAR, environment, serving

PYTHON = sys.executable
TIMEOUT = 60


def main():
    options = _arguments()
    VAR.mkdir(parents=True, exist_ok=True)
    database = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{VAR / f'comments-{secrets.token_hex(4)}.sqlite3'}"
    )
    served = environment(database)
    _manage(served, "collectstatic", "--no-input", "-v0")
    _manage(served, "migrate", "--no-input", "-v0")
    article_id, article_path = _create_article(served)
    with serving(served, workers=options.workers) as base:
        result = _load(base, article_id, article_path, options.comments)
    result |= _count_stored(served, article_id)
    result["database"] = database.split(":", 1)[0]
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


def _load(base, article_id, article_path, count) -> dict:
    readers = [Reader(base, article_path) for _ in range(count)]
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
