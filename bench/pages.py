"""Reader pages under load, side by side with the fastest answers the server has.

Usage: python -m bench.pages [--articles N] [--comments M] [--seconds S] [--growth]

Builds (or reuses) a data set of N published articles and M approved comments
(BENCH_ARTICLES, BENCH_COMMENTS; 10,000 and ten comments an article by
default) in a SQLite file under var/bench/, or beside DATABASE_URL's database.
Times the pages in-process, then serves them with gunicorn (2 sync workers,
production settings through bench.settings) on 127.0.0.1, twice: without and
with the page cache (DJANGO_PAGE_CACHE_SECONDS). Each page is loaded with wrk
for a bounded time after a warm-up, next to two references: a constant Django
view and a static file of the article page's size served by WhiteNoise. Then
comments are posted for the same time and counted in the database.

--growth times the pages in-process only, at 1,000 articles and at N (in
turn, GROWTH_ROUNDS times), and prints the ratio of the medians; then the same
for the desk's admin pages, with their SQL queries (bench/admin.py). See
bench/README.md for reading the output.
"""

import argparse
import gc
import io
import json
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

from bench import admin, server
from bench.load import CONNECTIONS, Posts, Reader, load

WORKERS = 2
WARM_UP_SECONDS = 2
PAGE_CACHE_SECONDS = {"uncached": "0", "cached": "600"}
CONSTANT_PATH = "/bench/constant/"
STATIC_NAME = "bench-article.html"
RENDERS = {"article": 200}
OTHER_RENDERS = 50
COMMENTS_PER_ARTICLE = 10
GROWTH_FROM = 1_000
GROWTH_ROUNDS = 3
# Posting faster than this per second would run out of prepared forms.
MOST_POSTS_PER_SECOND = 2_000
FIGURES = ("requests_per_second", "p50_ms", "p99_ms")
TARGETS = {
    "article_vs_constant": 1 / 8,
    "cached_vs_static": 0.8,
    "article_queries": 6,
    "render_ms": 3,
    "comments_per_second": 200,
    "growth": 1.2,
}


def main():
    options = _arguments()
    server.VAR.mkdir(parents=True, exist_ok=True)
    base_url = os.environ.get("DATABASE_URL") or f"sqlite:///{server.VAR}/none"
    environment = server.environment(base_url, DJANGO_PAGE_CACHE_SECONDS="0")
    # The servers log each request as production does (to var/bench/); here
    # that would print every in-process render.
    os.environ.update(environment, DJANGO_LOG_LEVEL="WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import dataset

    call_command("collectstatic", "--no-input", verbosity=0)
    if options.growth:
        _growth(options, dataset, connection.vendor)
        return
    database_url = dataset.use(options.articles, options.comments)
    paths = dataset.pages()
    renders, queries, article_html = _in_process(paths)
    _write_static(article_html)
    dataset.forget_posted()
    connection.close()
    rows, comments = [], {}
    with open(server.VAR / "gunicorn.log", "w") as log:
        for cache, seconds in PAGE_CACHE_SECONDS.items():
            served = environment | {
                "DATABASE_URL": database_url,
                "DJANGO_PAGE_CACHE_SECONDS": seconds,
            }
            # No worker recycling: it would measure Python's start-up.
            with server.serving(
                served, workers=WORKERS, log=log, max_requests=0
            ) as base:
                rows += _load_pages(base, paths, cache, options.seconds)
                if cache == "uncached":
                    comments = _post_comments(base, paths["article"], options.seconds)
    comments |= _count_posted(comments.pop("accepted_ids"))
    result = {
        "database": connection.vendor,
        "articles": options.articles,
        "comments": options.comments,
        "workers": WORKERS,
        "connections": CONNECTIONS,
        "seconds": options.seconds,
        "client": rows[0]["client"],
        "pages": rows,
        "render_median_ms": renders,
        "article_queries": queries,
        "posting": comments,
    }
    result["targets"] = _targets(result)
    _report(result)
    _save(result, f"pages-{connection.vendor}.json")
    sys.exit(0 if comments["lost"] == comments["doubled"] == 0 else 1)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    articles = int(os.environ.get("BENCH_ARTICLES", 10_000))
    parser.add_argument("--articles", type=int, default=articles)
    parser.add_argument("--comments", type=int, default=None)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--growth", action="store_true")
    options = parser.parse_args()
    if options.comments is None:
        options.comments = int(
            os.environ.get("BENCH_COMMENTS", options.articles * COMMENTS_PER_ARTICLE)
        )
    return options


def _in_process(paths) -> tuple[dict, int, bytes]:
    """Median render time of each page, the article's queries and its HTML.

    Each request goes through Django's WSGI handler, as gunicorn calls it.
    Pages are built for each request (the page cache is off) from kept
    fragments, as the desk and readers with cookies get them; the article is
    also timed with nothing kept, as the first reader after a change gets it.
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    handler = WSGIHandler()
    # As gunicorn.conf.py does in each worker once the project is loaded.
    gc.collect()
    gc.freeze()
    medians = {
        name: _median_ms(handler, path, RENDERS.get(name, OTHER_RENDERS))
        for name, path in paths.items()
    }
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        medians["article, no fragments"] = _median_ms(
            handler, paths["article"], RENDERS["article"]
        )
    with CaptureQueriesContext(connection) as captured:
        _, article = _get(handler, paths["article"])
    return medians, len(captured), article


def _median_ms(handler, path, renders) -> float:
    for _ in range(5):
        _get(handler, path)
    timings = []
    for _ in range(renders):
        began = time.perf_counter()
        status, _ = _get(handler, path)
        timings.append((time.perf_counter() - began) * 1000)
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}")
    return round(statistics.median(timings), 2)


def _get(handler, path) -> tuple[str, bytes]:
    """The status and body of a GET of `path`, served as a WSGI server would."""
    address, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": address,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
    }
    answered = []
    chunks = handler(environ, lambda status, headers: answered.append(status))
    try:
        return answered[0], b"".join(chunks)
    finally:
        chunks.close()  # the request's end, as the server signals it


def _write_static(html: bytes) -> None:
    """The article page as a static file, for WhiteNoise to serve as it is."""
    from django.conf import settings

    (Path(settings.STATIC_ROOT) / STATIC_NAME).write_bytes(html)


def _load_pages(base, paths, cache, seconds) -> list[dict]:
    """A row per page; the references are loaded before and after the pages.

    The machine's speed drifts over the minutes a mode takes: each reference
    row holds the mean of its two loads, and every ratio is taken to those.
    """
    from django.conf import settings

    references = {
        "constant": CONSTANT_PATH,
        "static": f"{settings.STATIC_URL}{STATIC_NAME}",
    }
    before = [
        _load_row(base, path, name, cache, seconds) for name, path in references.items()
    ]
    pages = [
        _load_row(base, path, name, cache, seconds) for name, path in paths.items()
    ]
    after = [
        _load_row(base, path, name, cache, seconds) for name, path in references.items()
    ]
    rows = [_mean_row(*loads) for loads in zip(before, after, strict=True)] + pages
    for row in rows:
        row["x_constant"] = round(
            row["requests_per_second"] / rows[0]["requests_per_second"], 2
        )
        row["x_static"] = round(
            row["requests_per_second"] / rows[1]["requests_per_second"], 2
        )
    return rows


def _load_row(base, path, page, cache, seconds) -> dict:
    load(base + path, seconds=WARM_UP_SECONDS)
    figures = load(base + path, seconds=seconds)
    return (
        {"page": page, "cache": cache}
        | {key: figures[key] for key in (*FIGURES, "client")}
        | {"errors": figures["bad_status"] + figures["socket_errors"]}
    )


def _mean_row(first: dict, second: dict) -> dict:
    return (
        first
        | {key: round((first[key] + second[key]) / 2, 1) for key in FIGURES}
        | {"errors": first["errors"] + second["errors"]}
    )


def _post_comments(base, article_path, seconds) -> dict:
    """Post a fresh, valid form per request for `seconds`, from one browser."""
    from django.urls import resolve, reverse

    from articles.models import Article
    from bench.dataset import POSTED_DOMAIN
    from comments import tokens

    article = Article.objects.get(slug=resolve(article_path).kwargs["slug"])
    reader = Reader(base, article_path)
    reader.open_article()
    bodies = server.VAR / "comment-bodies.txt"
    bodies.write_text(
        "\n".join(
            urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": reader.csrf,
                    "token": tokens.issue(article.pk),
                    "author_name": f"Poster {n}",
                    "author_email": f"poster{n}{POSTED_DOMAIN}",
                    "body": f"Comment number {n} from the load test.",
                }
            )
            for n in range(MOST_POSTS_PER_SECOND * seconds)
        )
    )
    url = base + reverse("comments:post", kwargs={"article_id": article.pk})
    figures = load(
        url,
        seconds=seconds,
        posts=Posts(bodies, reader.cookie_header(), base + article_path),
    )
    return {
        "answered": figures["requests"],
        "accepted": figures["accepted"],
        "refused": figures["bad_status"],
        "seconds": round(figures["seconds"], 2),
        "per_second": round(figures["accepted"] / figures["seconds"], 1),
        "accepted_ids": figures["accepted_ids"],
    }


def _count_posted(accepted_ids) -> dict:
    """What the database holds: every accepted comment, each once."""
    from django.db.models import Count

    from bench.dataset import POSTED_DOMAIN
    from comments.models import Comment

    posted = Comment.objects.filter(author_email__endswith=POSTED_DOMAIN)
    stored = set(posted.values_list("pk", flat=True))
    doubled = posted.values("body").annotate(n=Count("pk")).filter(n__gt=1)
    return {
        "stored": len(stored),
        "lost": len(set(accepted_ids) - stored),
        "doubled": doubled.count(),
        # Posted as time ran out: stored, but wrk stopped listening.
        "unanswered": len(stored - set(accepted_ids)),
    }


def _targets(result) -> list[dict]:
    rows = {(row["page"], row["cache"]): row for row in result["pages"]}
    rate = {key: row["requests_per_second"] for key, row in rows.items()}
    posting = result["posting"]
    targets = [
        (
            "article uncached >= 1/8 of the constant view",
            rate["article", "uncached"],
            rate["constant", "uncached"] * TARGETS["article_vs_constant"],
        )
    ]
    targets += [
        (
            f"{page} cached >= 0.8x the static file",
            rate[page, "cached"],
            rate["static", "cached"] * TARGETS["cached_vs_static"],
        )
        for page in ("article", "home", "section")
    ]
    targets += [
        (
            "article queries <= 6",
            -result["article_queries"],
            -TARGETS["article_queries"],
        ),
        (
            "article render median < 3 ms",
            -result["render_median_ms"]["article"],
            -TARGETS["render_ms"],
        ),
        (
            "comments >= 200/s, none lost or doubled",
            posting["per_second"] if posting["lost"] == posting["doubled"] == 0 else 0,
            TARGETS["comments_per_second"],
        ),
    ]
    return [
        {
            "target": name,
            "value": abs(value),
            "bound": round(abs(bound), 1),
            "pass": value >= bound,
        }
        for name, value, bound in targets
    ]


def _report(result):
    print(
        f"\n{result['database']}, {result['articles']:,} articles, "
        f"{result['comments']:,} comments; gunicorn {result['workers']} sync workers; "
        f"{result['client']} {result['connections']} connections, "
        f"{result['seconds']} s a row after {WARM_UP_SECONDS} s warm-up\n"
    )
    print(
        f"{'page':<14}{'cache':<10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'x const':>9}{'x static':>10}{'errors':>8}"
    )
    for row in result["pages"]:
        print(
            f"{row['page']:<14}{row['cache']:<10}{row['requests_per_second']:>9.1f}"
            f"{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['x_constant']:>9.2f}"
            f"{row['x_static']:>10.2f}{row['errors']:>8}"
        )
    renders = ", ".join(f"{k} {v}" for k, v in result["render_median_ms"].items())
    print(f"\nin-process render median, ms (uncached): {renders}")
    print(f"article page: {result['article_queries']} SQL queries")
    posting = result["posting"]
    print(
        f"comments: {posting['accepted']} accepted in {posting['seconds']} s "
        f"({posting['per_second']}/s), refused {posting['refused']}; "
        f"{posting['stored']} stored ({posting['unanswered']} of them posted as time "
        f"ran out), {posting['lost']} lost, {posting['doubled']} doubled\n"
    )
    for target in result["targets"]:
        verdict = "PASS" if target["pass"] else "FAIL"
        value, bound = target["value"], target["bound"]
        print(f"{verdict}  {target['target']}: {value} (bound {bound})")


def _growth(options, dataset, vendor):
    """In-process medians at 1,000 articles and at N, and their ratio."""
    sizes = [
        (GROWTH_FROM, GROWTH_FROM * COMMENTS_PER_ARTICLE),
        (options.articles, options.comments),
    ]
    # The sizes in turn, several times over: a load on the machine that comes
    # or goes during the run then weighs on both alike.
    rounds = [[], []]
    for _ in range(GROWTH_ROUNDS):
        for size, (articles, comments) in zip(rounds, sizes, strict=True):
            dataset.use(articles, comments)
            size.append((_in_process(dataset.pages())[0], admin.measure()))
    medians = [_median_of([reader for reader, _ in size]) for size in rounds]
    desk = [admin.median_of([editor for _, editor in size]) for size in rounds]
    print(f"\n{vendor}: in-process render median, ms (uncached)\n")
    print(f"{'page':<22}{sizes[0][0]:>10,}{sizes[1][0]:>10,}{'ratio':>8}")
    pages = []
    for page in medians[0]:
        ratio = round(medians[1][page] / medians[0][page], 2)
        verdict = "PASS" if ratio <= TARGETS["growth"] else "FAIL"
        small, large = medians[0][page], medians[1][page]
        print(f"{page:<22}{small:>10}{large:>10}{ratio:>8}  {verdict}")
        pages.append(
            {
                "page": page,
                "small_ms": medians[0][page],
                "large_ms": medians[1][page],
                "ratio": ratio,
            }
        )
    admin_pages = admin.report([size[0] for size in sizes], *desk)
    _save(
        {"database": vendor, "sizes": sizes, "pages": pages, "admin": admin_pages},
        f"growth-{vendor}.json",
    )


def _median_of(rounds: list[dict]) -> dict:
    """Each page's median over the rounds."""
    return {
        page: round(statistics.median(medians[page] for medians in rounds), 2)
        for page in rounds[0]
    }


def _save(result, name):
    text = json.dumps(result, indent=2)
    (server.VAR / name).write_text(text)
    (server.VAR / "latest.json").write_text(text)


if __name__ == "__main__":
    main()
