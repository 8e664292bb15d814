"""An article page costs the same queries with one comment or fifty in threads."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.notifications import moderator_emails
from comments.services import refresh_comment_counts
from tests.articles.factories import ArticleFactory, add_every_block
from tests.comments.factories import CommentFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


def test_article_page_queries_do_not_grow_with_comments(client):
    article = ArticleFactory()
    add_every_block(article)
    ArticleFactory(section=article.section)  # so related stories show
    CommentFactory(article=article)
    one = page_queries(client, article.get_absolute_url())

    for _ in range(7):
        top = CommentFactory(article=article)
        reply = CommentFactory(parent=top)
        for _ in range(5):
            CommentFactory(parent=reply)
    refresh_comment_counts([article.pk])
    assert article.comments.approved().count() == 50

    fifty = page_queries(client, article.get_absolute_url())

    # as counted in tests/articles/test_queries.py, comments included
    assert (one, fifty) == (6, 6)


def test_the_conversation_is_reused_until_it_changes(client, admin_client):
    article = ArticleFactory()
    comment = CommentFactory(article=article, body="Night ferries matter.")
    first = page_queries(client, article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())
    again = len(queries)

    edited = admin_client.post(
        reverse("admin:comments_comment_change", args=[comment.pk]),
        {
            "author_name": comment.author_name,
            "author_email": comment.author_email,
            "author_url": "",
            "body": "Night ferries matter to shift workers.",
            "status": comment.status,
        },
    )
    page = client.get(article.get_absolute_url()).text

    assert edited.status_code == 302
    assert (first, again) == (6, 5), "the comments are not read again"
    assert "Night ferries matter to shift workers." in page


def test_posting_a_comment_costs_the_same_few_queries_held_or_published(
    client, comment_data, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    CommentFactory.create_batch(10, article=article)
    CommentFactory.create_batch(10, author_email="amina@example.org")
    moderator_emails()  # as after the first comment held since a restart
    url = reverse("comments:post", kwargs={"article_id": article.pk})

    def queries(data) -> int:
        with (
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert client.post(url, data).status_code == 302
        return len(captured)

    held = queries(comment_data(article, author_email="nils@example.org"))
    published = queries(comment_data(article))

    # 1 article + 1 duplicate check + 1 first-time check + 1 insert, in no
    # transaction of its own; moderators' addresses come from the cache
    assert held == 4
    # the same, with the insert and 1 recount of the article's comments
    # together (a savepoint, as the test's transaction is already open)
    assert published == 7
