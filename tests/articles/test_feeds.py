"""Feeds for the paper, each section, tag and author: valid, exact, credited."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_site_feed_items_carry_everything_a_reader_needs(client, kind):
    ada, tom = AuthorFactory(name="Ada Reyes"), AuthorFactory(name="Tom Okafor")
    article = ArticleFactory(
        headline="Harbour reopens",
        standfirst="Ships return after the storm.",
        authors=[ada, tom],
        section=SectionFactory(name="City"),
        tags=[TagFactory(name="Weather")],
        updated_at=timezone.now(),
        lead_image__credit="Reuters/Jane Doe",
        lead_image__caption="The harbour at dawn",
    )

    response, feed = _parse(client, reverse(f"articles:feed-{kind}"))

    [entry] = feed.entries
    assert entry.title == "Harbour reopens"
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert entry.summary == "Ships return after the storm."
    assert "Ada Reyes" in entry.author and "Tom Okafor" in entry.author
    assert {t.term for t in entry.tags} == {"City", "Weather"}
    assert entry.published_parsed
    if kind == "atom":
        assert entry.updated_parsed
    [media] = entry.media_content
    assert media["url"].startswith("http://testserver/uploads/renditions/")
    assert media["medium"] == "image"
    assert entry.media_credit == [{"role": "author", "content": "Reuters/Jane Doe"}]
    assert b"The harbour at dawn" in response.content


@pytest.mark.parametrize(
    ("route", "make"),
    [
        ("section", lambda a: a.section),
        ("tag", lambda a: a.tags.get()),
        ("author", lambda a: a.byline[0]),
    ],
)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_tag_and_author_feeds_list_only_theirs(client, route, make, kind):
    mine = ArticleFactory(headline="Mine", tags=[TagFactory()])
    ArticleFactory(headline="Someone else's", tags=[TagFactory()])

    _, feed = _parse(
        client, reverse(f"articles:{route}-{kind}", kwargs={"slug": make(mine).slug})
    )

    assert [entry.title for entry in feed.entries] == ["Mine"]


@pytest.mark.parametrize(
    ("status", "hours"), [("draft", -1), ("in_review", -1), ("published", 1)]
)
def test_unpublished_articles_never_reach_a_feed(client, status, hours):
    ArticleFactory(
        headline="Not yet",
        status=status,
        pub_date=timezone.now() + timedelta(hours=hours),
    )

    _, feed = _parse(client, reverse("articles:feed-rss"))

    assert feed.entries == []


@pytest.mark.parametrize(
    ("page", "feed_name"),
    [
        (lambda a: reverse("articles:home"), "articles:feed-rss"),
        (lambda a: a.section.get_absolute_url(), "articles:section-rss"),
    ],
)
def test_pages_announce_their_feeds(client, page, feed_name):
    article = ArticleFactory()

    html = client.get(page(article)).text

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
