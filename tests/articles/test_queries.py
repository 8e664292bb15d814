"""Each reader page, and the desk's article pages, cost the same queries however
much they show.

Listings are measured with 5 and with 50 articles, each with three authors and
three tags; an article page with one and with ten of each thing it shows; so
that a query per article, author, tag, block or image would show.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction, ImageBlock, PullQuote, RichText
from articles.views import HomeView
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    TagFactory,
    add_every_block,
)
from tests.media.factories import ImageFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    """A growing newsroom: call it with a number of articles to add."""
    sections = SectionFactory.create_batch(3)
    authors = AuthorFactory.create_batch(3)
    tags = TagFactory.create_batch(3)
    created = []

    def grow(count):
        for n in range(count):
            article = ArticleFactory(
                section=sections[n % 3],
                authors=authors,
                tags=tags,
                is_featured=not created,
            )
            add_every_block(article)
            created.append(article)
        return created

    grow.sections, grow.authors, grow.tags = sections, authors, tags
    return grow


def _month_url(article):
    pub_date = timezone.localtime(article.pub_date)
    return reverse(
        "articles:archive-month",
        kwargs={"year": pub_date.year, "month": pub_date.month},
    )


def _queries_at_5_and_50(client, newsroom, url_for):
    articles = newsroom(5)
    small = page_queries(client, url_for(articles))
    articles = newsroom(45)
    large = page_queries(client, url_for(articles))
    return small, large


PAGES = {
    # lead story + its bylines, page count + page + bylines,
    # latest per section + bylines
    "home": (lambda n, articles: reverse("articles:home"), 7),
    # article + tags + corrections, related + everyone's bylines, comments
    "article": (lambda n, articles: articles[0].get_absolute_url(), 6),
    # section, page count + page + bylines
    "section": (lambda n, articles: n.sections[0].get_absolute_url(), 4),
    # tag, page count + page + bylines
    "tag": (lambda n, articles: n.tags[0].get_absolute_url(), 4),
    # author, page count + page + bylines
    "author": (lambda n, articles: n.authors[0].get_absolute_url(), 4),
    # months with articles, when the next scheduled story goes live
    "archive": (lambda n, articles: reverse("articles:archive"), 2),
    # month exists + its days, page count + page + bylines,
    # the months before and after
    "archive-month": (lambda n, articles: _month_url(articles[0]), 7),
    # ranked ids (on SQLite: the newest FTS5 matches, those with the words in
    # the headline, in headline and standfirst, then which are published),
    # the page's articles + their bylines, snippets
    "search": (
        lambda n, articles: reverse("articles:search") + "?q=happened",
        4 if connection.vendor == "postgresql" else 7,
    ),
}


@pytest.mark.parametrize("page", PAGES)
def test_page_queries_do_not_grow_with_content(client, newsroom, page, monkeypatch):
    # One story per section front, so that even 5 articles fill every part
    # of the front page, "More stories" included.
    monkeypatch.setattr(HomeView, "stories_per_section", 1)
    url_for, expected = PAGES[page]

    small, large = _queries_at_5_and_50(
        client, newsroom, lambda articles: url_for(newsroom, articles)
    )

    assert (small, large) == (expected, expected)


def _add_of_each(article, count):
    """Give `article` `count` more authors, tags, blocks of each kind, corrections."""
    start = article.bylines.count()
    for position in range(start, start + count):
        article.bylines.create(author=AuthorFactory(), position=position)
    article.tags.add(*TagFactory.create_batch(count))
    for n in range(count):
        place = {"parent": article, "region": "body", "ordering": 100 + n}
        RichText.objects.create(**place, text=f"<p>Paragraph {n}.</p>")
        ImageBlock.objects.create(**place, image=ImageFactory())
        PullQuote.objects.create(**place, quote=f"Quote {n}.")
        Correction.objects.create(article=article, text=f"Correction {n}.")


def test_article_page_queries_do_not_grow_with_what_it_shows(client):
    article = ArticleFactory()
    ArticleFactory.create_batch(3, section=article.section)  # related stories
    _add_of_each(article, 1)
    one = page_queries(client, article.get_absolute_url())

    _add_of_each(article, 9)
    ten = page_queries(client, article.get_absolute_url())

    # article + tags + corrections, related + everyone's bylines, comments
    assert (one, ten) == (6, 6)


def test_section_menu_is_read_from_the_cache_and_follows_changes(
    client, django_capture_on_commit_callbacks
):
    section = SectionFactory(name="Science")
    archive = reverse("articles:archive")
    with CaptureQueriesContext(connection) as queries:
        client.get(archive)
    cold, warm = len(queries), page_queries(client, archive)

    with django_capture_on_commit_callbacks(execute=True):
        section.name = "Science and Health"
        section.save()
    page = client.get(archive).text

    # the archive's two, and the menu only while the cache is cold
    assert (cold, warm) == (3, 2)
    assert "Science and Health" in page


@pytest.fixture
def admin_client_on_desk(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("chief", "chief@example.org")
    )
    return client


def _admin_queries_at_5_and_50(client, url_for):
    """Queries for an admin page with 5 articles on the desk, then with 50."""
    authors, tags = AuthorFactory.create_batch(3), TagFactory.create_batch(3)

    def add(count):
        for _ in range(count):
            add_every_block(ArticleFactory(authors=authors, tags=tags))

    add(5)
    article = ArticleFactory(authors=authors, tags=tags)
    add_every_block(article)
    client.get(url_for(article))  # warms Django's own content type cache
    small = page_queries(client, url_for(article))
    add(45)
    return small, page_queries(client, url_for(article))


def test_admin_article_list_queries_do_not_grow_with_articles(admin_client_on_desk):
    small, large = _admin_queries_at_5_and_50(
        admin_client_on_desk,
        lambda article: reverse("admin:articles_article_changelist"),
    )

    # session + user, a savepoint pair, the section and author filters, the
    # count (no total), the page + its bylines; the date hierarchy: the first
    # year's first row and the next year's (none), then Django's range + days
    assert (small, large) == (13, 13)


def test_admin_article_form_queries_do_not_grow_with_articles(admin_client_on_desk):
    small, large = _admin_queries_at_5_and_50(
        admin_client_on_desk,
        lambda article: reverse("admin:articles_article_change", args=[article.pk]),
    )

    # session + user, a savepoint pair, article + its bylines, the inlines:
    # bylines, 3 block tables, corrections; the form: tags, section choices;
    # the autocompletes' chosen items: tags, lead image, and one per byline
    # (3 here) and per body image (1): the article's own size, not the desk's
    assert (small, large) == (19, 19)
