"""Each article's approved comments as an Atom feed, linked from the page."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.articles.factories import ArticleFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_comment_feed_lists_approved_comments_newest_first(client):
    older = CommentFactory(body="Older <b>words</b>", author_name="Ana")
    CommentFactory(article=older.article, body="Held words", status="pending")
    newer = CommentFactory(article=older.article, body="Newer words")
    feed_url = reverse("comments:feed", kwargs={"slug": older.article.slug})

    response = client.get(feed_url)

    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}summary").text for e in entries] == [
        newer.body,
        "Older <b>words</b>",
    ]
    assert entries[1].find(f"{ATOM}author/{ATOM}name").text == "Ana"
    assert entries[1].find(f"{ATOM}link").get("href").endswith(older.get_absolute_url())


def test_article_page_links_its_comment_feed(client):
    comment = CommentFactory()

    html = client.get(comment.article.get_absolute_url()).text

    feed_url = reverse("comments:feed", kwargs={"slug": comment.article.slug})
    assert (
        f'<link rel="alternate" type="application/atom+xml" href="{feed_url}"' in html
    )


def test_no_feed_for_unpublished_articles(client):
    comment = CommentFactory(article=ArticleFactory(status="draft"))

    response = client.get(
        reverse("comments:feed", kwargs={"slug": comment.article.slug})
    )

    assert response.status_code == 404
