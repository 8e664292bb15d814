"""Sitemaps by the protocol, a Google News sitemap, and robots.txt naming both."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def test_index_names_a_sitemap_per_kind_each_with_absolute_urls_and_lastmod(client):
    article = ArticleFactory(tags=[TagFactory()])

    index = _xml(client, reverse("articles:sitemap"))
    sitemaps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]

    assert sorted(sitemaps) == sorted(
        f"http://testserver/sitemap-{kind}.xml"
        for kind in ("articles", "sections", "tags", "authors")
    )
    pages = {}
    for sitemap in sitemaps:
        for url in _xml(client, sitemap.removeprefix("http://testserver")).iter(
            f"{SITEMAP}url"
        ):
            pages[url.find(f"{SITEMAP}loc").text] = url.find(f"{SITEMAP}lastmod").text
    base = "http://testserver"
    assert set(pages) == {
        base + article.get_absolute_url(),
        base + article.section.get_absolute_url(),
        base + article.tags.get().get_absolute_url(),
        base + article.byline[0].get_absolute_url(),
    }
    assert all(lastmod for lastmod in pages.values())


@pytest.mark.parametrize(
    ("status", "hours"), [("draft", -1), ("in_review", -1), ("published", 1)]
)
def test_unpublished_articles_and_their_pages_are_left_out(client, status, hours):
    article = ArticleFactory(
        status=status, pub_date=timezone.now() + timedelta(hours=hours)
    )

    locs = []
    for kind in ("articles", "sections", "authors"):
        locs += [
            loc.text
            for loc in _xml(client, f"/sitemap-{kind}.xml").iter(f"{SITEMAP}loc")
        ]
    locs += [
        loc.text for loc in _xml(client, "/news-sitemap.xml").iter(f"{SITEMAP}loc")
    ]

    assert not any(article.slug in loc or article.section.slug in loc for loc in locs)


def test_news_sitemap_lists_the_last_two_days_with_publication_details(client):
    fresh = ArticleFactory(
        headline="Fresh", pub_date=timezone.now() - timedelta(hours=5)
    )
    ArticleFactory(headline="Stale", pub_date=timezone.now() - timedelta(days=3))

    urls = _xml(client, reverse("articles:news-sitemap")).findall(f"{SITEMAP}url")

    [url] = urls
    assert (
        url.find(f"{SITEMAP}loc").text == f"http://testserver{fresh.get_absolute_url()}"
    )
    news = url.find(f"{NEWS}news")
    assert news.find(f"{NEWS}publication/{NEWS}name").text == "The Newsroom"
    assert news.find(f"{NEWS}publication/{NEWS}language").text == "en"
    assert news.find(f"{NEWS}title").text == "Fresh"
    assert (
        news.find(f"{NEWS}publication_date").text
        == timezone.localtime(fresh.pub_date).isoformat()
    )


def test_news_sitemap_holds_at_most_a_thousand(client):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            status=Article.Status.PUBLISHED,
            pub_date=now - timedelta(minutes=n + 1),
        )
        for n in range(1001)
    )

    urls = _xml(client, reverse("articles:news-sitemap")).findall(f"{SITEMAP}url")

    assert len(urls) == 1000


def test_robots_txt_names_both_sitemaps_and_keeps_previews_out(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Sitemap: http://testserver/news-sitemap.xml" in response.text
    assert "Disallow: /preview/" in response.text
