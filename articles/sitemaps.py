"""Sitemaps: every published article, section, tag and author, and Google News."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from articles.models import Article, Author, Section, Tag


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "modified_at").order_by("-pk")

    def lastmod(self, article):
        return article.modified_at


class _ListingSitemap(Sitemap):
    """Pages that list articles: their last change is their newest article's."""

    model = None
    article_lookup = ""  # how an article names the listed row

    def items(self):
        newest = (
            Article.objects.published()
            .filter(**{self.article_lookup: OuterRef("pk")})
            .order_by("-pub_date")
            .values("pub_date")[:1]
        )
        return (
            self.model.objects.annotate(newest=Subquery(newest))
            .filter(newest__isnull=False)
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.newest


class SectionSitemap(_ListingSitemap):
    model = Section
    article_lookup = "section"


class TagSitemap(_ListingSitemap):
    model = Tag
    article_lookup = "tags"


class AuthorSitemap(_ListingSitemap):
    model = Author
    article_lookup = "bylines__author"


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def news_articles():
    """What Google News may list: published in the last two days, at most 1,000."""
    since = timezone.now() - timedelta(days=2)
    return (
        Article.objects.published()
        .filter(pub_date__gte=since)
        .only("slug", "headline", "pub_date")[:1000]
    )
