"""The desk's admin pages, timed in-process: what an editor waits for.

Used by `python -m bench.pages --growth`, at each size of the data set: the
article list (first page, a search, a filter), the article form and the
moderators' comment list (held comments, and all of them), each rendered for a
superuser made for the run and removed after it.
"""

import statistics
import time
from contextlib import contextmanager

RENDERS = 20
USERNAME = "bench-desk"


def pages() -> dict[str, str]:
    """The admin pages measured, by name."""
    from django.urls import reverse

    from articles.models import Article, Section
    from bench.dataset import SEARCH_WORD

    articles = reverse("admin:articles_article_changelist")
    comments = reverse("admin:comments_comment_changelist")
    newest = Article.objects.order_by("-pub_date").first()
    section = Section.objects.first()
    return {
        "article list": articles,
        "article search": f"{articles}?q={SEARCH_WORD}",
        "article filter": (
            f"{articles}?status__exact=published&section__id__exact={section.pk}"
        ),
        "article form": reverse("admin:articles_article_change", args=[newest.pk]),
        "comment list": comments,
        "all comments": f"{comments}?status=all",
    }


def measure() -> dict[str, dict]:
    """Each admin page's median render time (ms) and its SQL queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures = {}
    with _desk_client() as client:
        for name, path in pages().items():
            _get(client, path)  # warm-up
            timings = []
            for _ in range(RENDERS):
                began = time.perf_counter()
                _get(client, path)
                timings.append((time.perf_counter() - began) * 1000)
            with CaptureQueriesContext(connection) as queries:
                _get(client, path)
            figures[name] = {
                "ms": round(statistics.median(timings), 2),
                "queries": len(queries),
            }
    return figures


def median_of(rounds: list[dict]) -> dict[str, dict]:
    """Each page's median time over the rounds, and its queries in the last."""
    return {
        page: {
            "ms": round(statistics.median(run[page]["ms"] for run in rounds), 2),
            "queries": rounds[-1][page]["queries"],
        }
        for page in rounds[0]
    }


def report(sizes, small: dict, large: dict) -> list[dict]:
    """Print both sizes side by side; returns the rows for the JSON."""
    print("\nadmin pages: in-process median, ms, and SQL queries\n")
    print(
        f"{'page':<16}{sizes[0]:>10,}{sizes[1]:>10,}{'ratio':>8}"
        f"{'queries':>10}{'queries':>10}"
    )
    rows = []
    for page in small:
        ratio = round(large[page]["ms"] / small[page]["ms"], 2)
        print(
            f"{page:<16}{small[page]['ms']:>10}{large[page]['ms']:>10}{ratio:>8}"
            f"{small[page]['queries']:>10}{large[page]['queries']:>10}"
        )
        rows.append(
            {
                "page": page,
                "small_ms": small[page]["ms"],
                "large_ms": large[page]["ms"],
                "ratio": ratio,
                "small_queries": small[page]["queries"],
                "large_queries": large[page]["queries"],
            }
        )
    return rows


@contextmanager
def _desk_client():
    """A test client signed in as a superuser who exists only for the run."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_superuser(USERNAME, "")
    client = Client()
    client.force_login(user)
    try:
        yield client
    finally:
        client.logout()
        user.delete()


def _get(client, path):
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
