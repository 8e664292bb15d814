"""Full-text search over published articles: headline, standfirst and body.

PostgreSQL ranks with a stored, GIN-indexed tsvector; SQLite with an FTS5
table. Either way the index yields the newest CANDIDATES matches, those are
ranked (a headline match above a standfirst match above a body match), the
best MAX_RESULTS kept, and only the page being shown is loaded. So a search
costs the same with ten thousand articles as with a million, and a word
found everywhere favours recent stories, as a news reader would want.
"""

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import F, Value
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, ImageBlock, PullQuote, RichText

MAX_RESULTS = 200
CANDIDATES = 1000
# Marks around matched words that no article text contains (Unicode private use).
MATCH_START, MATCH_END = "\ue000", "\ue001"
FTS_TABLE = "articles_search"


@dataclass(frozen=True)
class Result:
    article: Article
    snippet: SafeString


class SearchResults(Sequence):
    """Ranked matches, loaded a page at a time: what a Paginator pages through."""

    def __init__(self, query: str, ranked_ids: list[int]):
        self.query, self.ranked_ids = query, ranked_ids

    def __len__(self):
        return len(self.ranked_ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ranked_ids[index]
        articles = Article.objects.for_listing().in_bulk(ids)
        snippets = _backend().snippets(self.query, ids)
        return [
            Result(articles[pk], _highlighted(snippets.get(pk, "")))
            for pk in ids
            if pk in articles
        ]


def search(query: str) -> SearchResults:
    """Published articles matching `query`, best first: headline over body."""
    query = query.strip()
    if not _words(query):
        return SearchResults(query, [])
    return SearchResults(query, _backend().ranked_ids(query))


def index_article(article_id: int) -> None:
    """Bring one article's search entry up to date with its text."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        _backend().forget(article_id)
        return
    body = body_text(article)
    Article.objects.filter(pk=article_id).update(search_text=body)
    _backend().index(article, body)


def index_stored_text() -> None:
    """Rebuild the whole index from each article's stored text, in one statement.

    For bulk loads that set `search_text` themselves (the benchmarks' data
    sets); after an edit, index_article() is the way.
    """
    _backend().index_stored_text()


def body_text(article: Article) -> str:
    """The words of an article's body, as a reader would read them aloud."""
    parts = [
        *(block.text for block in RichText.objects.filter(parent=article)),
        *(block.quote for block in PullQuote.objects.filter(parent=article)),
        *(
            block.shown_caption
            for block in ImageBlock.objects.filter(parent=article).select_related(
                "image"
            )
        ),
    ]
    return " ".join(html.unescape(strip_tags(part)) for part in parts)


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query)


def _highlighted(snippet: str) -> SafeString:
    # Escaped first, so only our own <mark> elements are markup.
    return mark_safe(
        escape(snippet).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")
    )


def _backend():
    return _Postgres() if connection.vendor == "postgresql" else _Sqlite()


class _Postgres:
    config = settings.SEARCH_CONFIG

    def _query(self, query):
        return SearchQuery(query, search_type="websearch", config=self.config)

    def ranked_ids(self, query):
        search = self._query(query)
        candidates = (
            Article.objects.published()
            .filter(search_vector=search)
            .order_by("-pk")
            .values("pk")[:CANDIDATES]
        )
        return list(
            Article.objects.filter(pk__in=candidates)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-pub_date")
            .values_list("pk", flat=True)[:MAX_RESULTS]
        )

    def snippets(self, query, ids):
        headlines = Article.objects.filter(pk__in=ids).annotate(
            snippet=SearchHeadline(
                "search_text",
                self._query(query),
                config=self.config,
                start_sel=MATCH_START,
                stop_sel=MATCH_END,
                max_words=35,
                min_words=15,
            )
        )
        return dict(headlines.values_list("pk", "snippet"))

    def _vector(self, body):
        return (
            SearchVector("headline", weight="A", config=self.config)
            + SearchVector("standfirst", weight="B", config=self.config)
            + SearchVector(body, weight="C", config=self.config)
        )

    def index(self, article, body):
        Article.objects.filter(pk=article.pk).update(
            search_vector=self._vector(Value(body))
        )

    def index_stored_text(self):
        Article.objects.update(search_vector=self._vector("search_text"))

    def forget(self, article_id):
        """The vector goes with the row."""


class _Sqlite:
    # Where the words are, best first: all in the headline, all in the
    # headline and standfirst, anywhere (the last needs no query of its own).
    up_front = ["headline", "headline standfirst"]

    def _match(self, query):
        # Each word quoted: readers' punctuation is never FTS5 syntax.
        return " ".join(f'"{word}"' for word in _words(query))

    def ranked_ids(self, query):
        # Not bm25(): for its word weights it counts every match in the whole
        # archive, a cost that grows with it. FTS5 walks its index newest first
        # and stops at the limit; the column queries read only that range.
        match = self._match(query)
        newest = self._rowids(match, f"ORDER BY rowid DESC LIMIT {CANDIDATES}")
        if not newest:
            return []
        tiers = [
            set(
                self._rowids(
                    f"{{{columns}}} : ({match})", "AND rowid >= %s", newest[-1]
                )
            )
            for columns in self.up_front
        ]
        published = set(
            Article.objects.published()
            .filter(pk__in=newest)
            .values_list("pk", flat=True)
        )
        # The tiers nest, so a row's rank is the number it is missing from. The
        # sort is stable: within a rank, newest (highest id) first.
        best = sorted(
            (pk for pk in newest if pk in published),
            key=lambda pk: sum(pk not in ids for ids in tiers),
        )
        return best[:MAX_RESULTS]

    def _rowids(self, match, rest, *params) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s {rest}",
                [match, *params],
            )
            return [row[0] for row in cursor.fetchall()]

    def snippets(self, query, ids):
        if not ids:
            return {}
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, -1, %s, %s, '…', 30) "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                f"AND rowid IN ({placeholders})",
                [MATCH_START, MATCH_END, self._match(query), *ids],
            )
            return dict(cursor.fetchall())

    def index(self, article, body):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, headline, standfirst, body) "
                "VALUES (%s, %s, %s, %s)",
                [article.pk, article.headline, article.standfirst, body],
            )

    def index_stored_text(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, headline, standfirst, body) "
                "SELECT id, headline, standfirst, search_text FROM articles_article"
            )

    def forget(self, article_id):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article_id])
