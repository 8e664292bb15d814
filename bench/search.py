"""How long a search takes, with 1,000 and then 10,000 published articles.

Usage: python -m bench.search [--articles 10000]

Runs in-process against a throwaway test database (a SQLite file under
var/bench/, or a test database beside DATABASE_URL's on PostgreSQL), through
the real search page with production settings. The figure that matters is
the median time of a search page at the largest size: under 50 ms.
"""

import argparse
import json
import os
import random
import secrets
import statistics
import time

from bench.server import VAR, in_process_environment

os.environ.update(in_process_environment())

# Words for made-up stories; the queries below pick rare, middling and
# common ones so that the figure covers small and large result sets.
COMMON = [
    "council",
    "city",
    "river",
    "harbour",
    "minister",
    "report",
    "water",
    "school",
    "market",
]
MIDDLING = [
    "ferry",
    "bridge",
    "festival",
    "museum",
    "drought",
    "election",
    "tram",
    "orchard",
]
RARE = ["lighthouse", "otters", "zeppelin", "glacier", "marmots", "heron", "saffron"]
FILLER = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "after",
    "before",
    "said",
    "new",
    "old",
    "year",
    "week",
    "people",
    "plan",
    "work",
    "town",
    "road",
    "team",
    "local",
    "public",
    "money",
    "north",
    "south",
]
QUERIES = [
    "lighthouse",
    "ferry",
    "council",
    "harbour bridge",
    "drought report",
    "otters river",
    "election",
    "museum festival",
    "saffron",
    "water",
]
REPEATS = 6
TARGET_MS = 50


def main():
    options = _arguments()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("collectstatic", "--no-input", verbosity=0)
    VAR.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(
            VAR / f"search-{secrets.token_hex(4)}.sqlite3"
        )
    test_name = connection.creation.create_test_db(verbosity=0)
    try:
        client = Client()
        sizes = sorted({min(1000, options.articles), options.articles})
        figures = {}
        built = 0
        for size in sizes:
            _build(built, size)
            built = size
            with connection.cursor() as cursor:
                # What autovacuum (or a nightly job on SQLite) does in production.
                cursor.execute("ANALYZE")
            figures[size] = _measure(client)
            _report(connection.vendor, size, figures[size])
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    result = {"database": connection.vendor, "sizes": figures}
    (VAR / f"search-{connection.vendor}.json").write_text(json.dumps(result, indent=2))
    largest = figures[options.articles]["median_ms"]
    verdict = "within" if largest < TARGET_MS else "OVER"
    print(f"{verdict} the {TARGET_MS} ms target at {options.articles} articles")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    return parser.parse_args()


def _build(start, end):
    """Published articles `start` to `end`, each indexed as the site does it."""
    from django.utils import timezone

    from articles.models import Article, RichText
    from articles.search import index_article

    randomness = random.Random(start)
    now = timezone.now()
    for n in range(start, end):
        words = [
            randomness.choice(COMMON)
            if randomness.random() < 0.3
            else randomness.choice(MIDDLING)
            if randomness.random() < 0.1
            else randomness.choice(RARE)
            if randomness.random() < 0.01
            else randomness.choice(FILLER)
            for _ in range(120)
        ]
        article = Article.objects.create(
            headline=" ".join(words[:7]).capitalize(),
            slug=f"story-{n}",
            standfirst=" ".join(words[7:30]).capitalize() + ".",
            status=Article.Status.PUBLISHED,
            pub_date=now - timezone.timedelta(minutes=n),
        )
        RichText.objects.create(
            parent=article, region="body", text=f"<p>{' '.join(words[30:])}.</p>"
        )
        index_article(article.pk)


def _measure(client):
    from articles.search import search

    timings, matches = [], {}
    for query in QUERIES:
        client.get("/search/", {"q": query})  # warm
        for _ in range(REPEATS):
            began = time.perf_counter()
            response = client.get("/search/", {"q": query})
            timings.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200
        matches[query] = len(search(query))
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "searches": len(timings),
        "matches": matches,
    }


def _report(vendor, size, figures):
    print(
        f"{vendor}, {size} articles: search page median {figures['median_ms']} ms, "
        f"p95 {figures['p95_ms']} ms over {figures['searches']} searches "
        f"(matches per query, capped at 200: {figures['matches']})"
    )


if __name__ == "__main__":
    main()
