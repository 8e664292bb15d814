"""The newsroom a benchmark reads: N articles and M comments, bulk-inserted.

A built data set is kept, as a SQLite file under var/bench/ or as a PostgreSQL
database beside DATABASE_URL's, and used again while its size, this module and
the migrations are unchanged: 100,000 articles take minutes to build and a
moment to open. It is built under a temporary name and renamed when complete,
so an interrupted build is never taken for a finished one.
"""

import hashlib
import os
import random
import urllib.parse
from collections import Counter
from datetime import timedelta
from itertools import accumulate
from pathlib import Path

import psycopg
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from psycopg import sql

from bench.server import VAR

SECTIONS = ["World", "Politics", "Business", "Science", "Climate", "Culture", "Sport"]
AUTHORS = 60
TAGS = 40
# A story every half hour: a larger data set reaches further back in time.
MINUTES_APART = 30
BATCH = 2000
# Made-up stories draw on these words, the first ones most often (Zipf).
WORDS = [
    *["the", "of", "and", "in", "said", "new", "year", "people", "town", "local"],
    *["council", "city", "river", "harbour", "minister", "report", "school"],
    *["ferry", "bridge", "festival", "museum", "drought", "election", "tram"],
    *["lighthouse", "otters", "zeppelin", "glacier", "marmots", "heron", "saffron"],
]
WEIGHTS = list(accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))
SEARCH_WORD = "council"
# Comments the load test posts come from here, so they can be told apart.
POSTED_DOMAIN = "@posted.bench.example"


def use(articles: int, comments: int) -> str:
    """Point Django at this data set's database, building it if need be.

    Returns the database's DATABASE_URL, for servers to read the same rows.
    """
    if connection.vendor == "sqlite":
        databases = _Sqlite()
    else:
        databases = _Postgres(os.environ["DATABASE_URL"])
    kind = f"pages_{databases.owner}{articles}_{comments}_"
    name = f"{kind}{_fingerprint()}"
    for stale in databases.names(kind):
        if stale != name:
            databases.drop(stale)
    if name not in databases.names(name):
        building = f"{name}_building"
        databases.drop(building)
        databases.create(building)
        databases.switch(building)
        _build(articles, comments)
        connection.close()
        databases.rename(building, name)
    databases.switch(name)
    return databases.url(name)


def pages() -> dict[str, str]:
    """The reader pages measured, by name: the newest story and what lists it."""
    from articles.models import Article, Section, Tag

    newest = Article.objects.published().first()
    month = {"year": newest.pub_date.year, "month": newest.pub_date.month}
    return {
        "home": reverse("articles:home"),
        "article": newest.get_absolute_url(),
        "section": Section.objects.first().get_absolute_url(),
        "tag": Tag.objects.first().get_absolute_url(),
        "archive": reverse("articles:archive"),
        "archive-month": reverse("articles:archive-month", kwargs=month),
        "search": f"{reverse('articles:search')}?q={SEARCH_WORD}",
    }


def forget_posted() -> None:
    """Remove what earlier load tests posted, so the data set stays as built."""
    from django.contrib.sessions.models import Session

    from comments.models import Comment

    Comment.objects.filter(author_email__endswith=POSTED_DOMAIN).delete()
    Session.objects.all().delete()


def _fingerprint() -> str:
    """Changes with this module and with any migration."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for migration in sorted(root.glob("*/migrations/*.py")):
        digest.update(migration.name.encode())
    return digest.hexdigest()[:8]


def _build(articles: int, comments: int) -> None:
    from articles.search import index_stored_text

    call_command("migrate", "--no-input", verbosity=0)
    randomness = random.Random(articles)
    with transaction.atomic():
        published = _articles(randomness, articles, comments)
        _comments(randomness, published)
    index_stored_text()
    with connection.cursor() as cursor:
        # What autovacuum (or a nightly job on SQLite) does in production.
        cursor.execute("ANALYZE")


def _words(randomness, count: int) -> list[str]:
    return randomness.choices(WORDS, cum_weights=WEIGHTS, k=count)


def _articles(randomness, count: int, comments: int) -> list[tuple[int, object, int]]:
    """`count` published stories, newest first; (pk, pub_date, comments) each."""
    from articles.models import (
        Article,
        Author,
        Byline,
        PullQuote,
        RichText,
        Section,
        Tag,
    )

    sections = Section.objects.bulk_create(
        Section(name=name, slug=name.lower(), position=position)
        for position, name in enumerate(SECTIONS)
    )
    authors = Author.objects.bulk_create(
        Author(name=f"Reporter {n}", slug=f"reporter-{n}") for n in range(AUTHORS)
    )
    tags = Tag.objects.bulk_create(
        Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(TAGS)
    )
    comment_counts = Counter(randomness.choices(range(count), k=comments))
    now = timezone.now()
    published = []
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        stories = {n: _story(randomness) for n in numbers}
        batch = Article.objects.bulk_create(
            Article(
                headline=stories[n]["headline"],
                slug=f"story-{n}",
                standfirst=stories[n]["standfirst"],
                section=sections[n % len(sections)],
                status=Article.Status.PUBLISHED,
                pub_date=now - timedelta(minutes=MINUTES_APART * n),
                comment_count=comment_counts[n],
                search_text=" ".join([*stories[n]["paragraphs"], stories[n]["quote"]]),
            )
            for n in numbers
        )
        pairs = list(zip(numbers, batch, strict=True))
        Byline.objects.bulk_create(
            Byline(article=article, author=author, position=position)
            for _, article in pairs
            for position, author in enumerate(
                randomness.sample(authors, randomness.choice([1, 1, 2]))
            )
        )
        Article.tags.through.objects.bulk_create(
            Article.tags.through(article=article, tag=tag)
            for _, article in pairs
            for tag in randomness.sample(tags, 2)
        )
        RichText.objects.bulk_create(
            RichText(
                parent=article, region="body", ordering=position, text=f"<p>{p}</p>"
            )
            for n, article in pairs
            for position, p in enumerate(stories[n]["paragraphs"])
        )
        PullQuote.objects.bulk_create(
            PullQuote(
                parent=article,
                region="body",
                ordering=1,
                quote=stories[n]["quote"],
                attribution="A resident",
            )
            for n, article in pairs
        )
        published += [(a.pk, a.pub_date, comment_counts[n]) for n, a in pairs]
    return published


def _story(randomness) -> dict:
    words = _words(randomness, 150)
    return {
        "headline": " ".join(words[:7]).capitalize(),
        "standfirst": " ".join(words[7:30]).capitalize() + ".",
        "paragraphs": [" ".join(words[i : i + 35]) + "." for i in (30, 65, 100)],
        "quote": " ".join(words[135:]).capitalize() + ".",
    }


def _comments(randomness, published) -> None:
    """Approved comments, spread at random over the articles."""
    from comments.models import Comment

    batch = []
    for article_id, pub_date, count in published:
        for n in range(count):
            batch.append(
                Comment(
                    article_id=article_id,
                    author_name=f"Reader {n}",
                    author_email=f"reader{n}@example.org",
                    body=" ".join(_words(randomness, 25)).capitalize() + ".",
                    status=Comment.Status.APPROVED,
                    created_at=pub_date + timedelta(minutes=n + 1),
                )
            )
        if len(batch) >= BATCH * 5:
            Comment.objects.bulk_create(batch)
            batch = []
    Comment.objects.bulk_create(batch)


class _Sqlite:
    """Data sets as files under var/bench/."""

    owner = ""  # the files under var/bench/ are this checkout's

    def names(self, prefix):
        return [path.stem for path in VAR.glob(f"{prefix}*.sqlite3")]

    def _path(self, name) -> Path:
        return VAR / f"{name}.sqlite3"

    def create(self, name):
        VAR.mkdir(parents=True, exist_ok=True)

    def drop(self, name):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self._path(name)}{suffix}").unlink(missing_ok=True)

    def rename(self, old, new):
        self._path(old).rename(self._path(new))

    def switch(self, name):
        connection.close()
        connection.settings_dict["NAME"] = str(self._path(name))

    def url(self, name):
        return f"sqlite:///{self._path(name)}"


class _Postgres:
    """Data sets as databases beside DATABASE_URL's, on the same server."""

    def __init__(self, base_url):
        self.base_url = base_url
        # Named for, and found among, the databases of DATABASE_URL's role:
        # another role's (a CI run's, a colleague's) are not ours to read or drop.
        self.owner = f"{urllib.parse.urlsplit(base_url).username}_"

    def _admin(self, statement, *names):
        identifiers = (sql.Identifier(name) for name in names)
        with psycopg.connect(self.base_url, autocommit=True) as admin:
            admin.execute(sql.SQL(statement).format(*identifiers))

    def names(self, prefix):
        with psycopg.connect(self.base_url, autocommit=True) as admin:
            rows = admin.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s"
                " AND datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
                [prefix.replace("_", r"\_") + "%"],
            ).fetchall()
        return [row[0] for row in rows]

    def create(self, name):
        self._admin("CREATE DATABASE {}", name)

    def drop(self, name):
        self._admin("DROP DATABASE IF EXISTS {}", name)

    def rename(self, old, new):
        self._admin("ALTER DATABASE {} RENAME TO {}", old, new)

    def switch(self, name):
        connection.close()
        connection.settings_dict["NAME"] = name

    def url(self, name):
        return urllib.parse.urlsplit(self.base_url)._replace(path=f"/{name}").geturl()
