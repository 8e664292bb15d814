"""Comments are plain text: kept paragraphs, linked URLs, everything else inert."""

import pytest

from comments.templatetags.comments_tags import comment_html
from tests.comments.factories import CommentFactory
from tests.html import active_content, elements

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "<a href='javascript:alert(1)'>click</a>",
]


def test_paragraphs_and_line_breaks_are_kept(client):
    comment = CommentFactory(body="First line\nsecond line\n\nNew paragraph")

    html = client.get(comment.article.get_absolute_url()).text

    assert "<p>First line<br>second line</p>\n\n<p>New paragraph</p>" in html


def test_urls_become_links_that_earn_nothing(client):
    comment = CommentFactory(body="See https://example.org/report for more")

    html = client.get(comment.article.get_absolute_url()).text

    assert (
        '<a href="https://example.org/report" rel="nofollow ugc noopener">'
        "https://example.org/report</a>"
    ) in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_a_comment_is_escaped(payload):
    html = comment_html(payload)

    assert [tag for tag, _ in elements(html)] == ["p"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_names_and_bodies_render_inert_on_the_page(client, payload):
    comment = CommentFactory(author_name=payload, body=payload)

    html = client.get(comment.article.get_absolute_url()).text

    assert active_content(html) == []


def test_website_must_be_a_web_address(client, comment_data):
    from django.urls import reverse

    from tests.articles.factories import ArticleFactory

    article = ArticleFactory()
    response = client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}),
        comment_data(article, author_url="javascript:alert(1)"),
    )

    assert response.status_code == 400
    assert "Enter a valid URL." in response.text
