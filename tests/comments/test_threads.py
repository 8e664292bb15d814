"""Replies nest under what they answer; readers see approved comments only."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.articles.factories import ArticleFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def _comment_ids_in_order(html):
    return [
        int(n) for n in re.findall(r'<li class="comment[^"]*" id="comment-(\d+)"', html)
    ]


def test_replies_are_nested_under_their_parent_in_order(client):
    first = CommentFactory(body="First thought")
    second = CommentFactory(article=first.article, body="Second thought")
    reply = CommentFactory(parent=first, body="A reply")
    reply_to_reply = CommentFactory(parent=reply, body="A reply to the reply")

    html = client.get(first.article.get_absolute_url()).text

    assert _comment_ids_in_order(html) == [
        first.pk,
        reply.pk,
        reply_to_reply.pk,
        second.pk,
    ]
    first_item = html[
        html.index(f'id="comment-{first.pk}"') : html.index(f'id="comment-{second.pk}"')
    ]
    assert "comment-thread--depth-1" in first_item
    assert "comment-thread--depth-2" in first_item


def test_reply_link_prefills_the_form_with_its_parent(client):
    comment = CommentFactory(author_name="Kofi")

    html = client.get(f"{comment.article.get_absolute_url()}?replyto={comment.pk}").text

    assert f'href="?replyto={comment.pk}#post-a-comment"' in html
    assert "Replying to Kofi" in html
    assert f'name="parent" value="{comment.pk}"' in html


def test_reply_is_stored_under_its_parent(client, comment_data, settings):
    settings.COMMENTS_MODERATION = "none"
    parent = CommentFactory()

    client.post(
        reverse("comments:post", kwargs={"article_id": parent.article_id}),
        comment_data(parent.article, parent=parent.pk),
    )

    reply = Comment.objects.get(parent=parent)
    assert reply.depth == 1


def test_replies_stop_at_the_deepest_level(client, comment_data, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    deepest = CommentFactory(parent=CommentFactory(parent=CommentFactory()))

    response = client.post(
        reverse("comments:post", kwargs={"article_id": deepest.article_id}),
        comment_data(deepest.article, parent=deepest.pk),
    )
    html = client.get(deepest.article.get_absolute_url()).text

    assert response.status_code == 400
    assert f'href="?replyto={deepest.pk}#post-a-comment"' not in html


def test_reply_to_a_comment_on_another_article_is_refused(client, comment_data):
    elsewhere = CommentFactory()
    article = ArticleFactory()

    response = client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}),
        comment_data(article, parent=elsewhere.pk),
    )

    assert response.status_code == 400


def test_reply_to_a_held_comment_is_refused(client, comment_data):
    held = CommentFactory(status=Comment.Status.PENDING)

    response = client.post(
        reverse("comments:post", kwargs={"article_id": held.article_id}),
        comment_data(held.article, parent=held.pk),
    )

    assert response.status_code == 400
    assert not Comment.objects.filter(parent=held).exists()


@pytest.mark.parametrize("status", ["pending", "spam", "removed"])
def test_readers_see_approved_comments_only(client, status):
    article = ArticleFactory()
    CommentFactory(article=article, body="Hidden words", status=status)

    assert "Hidden words" not in client.get(article.get_absolute_url()).text


def test_reply_to_a_removed_comment_still_shows(client):
    parent = CommentFactory(status="removed", body="Gone")
    CommentFactory(parent=parent, body="Still here")

    html = client.get(parent.article.get_absolute_url()).text

    assert "Still here" in html and "Gone" not in html


def test_permalink_leads_to_the_comment_on_its_article(client):
    comment = CommentFactory()

    response = client.get(comment.get_absolute_url())

    assert response.status_code == 302
    assert response.url == f"{comment.article.get_absolute_url()}#comment-{comment.pk}"


def test_permalink_of_a_held_comment_is_hidden_from_others():
    comment = CommentFactory(status="pending")

    assert Client().get(comment.get_absolute_url()).status_code == 404


def test_counts_show_on_cards_and_the_article(client):
    article = ArticleFactory(headline="Talked about")
    CommentFactory.create_batch(2, article=article)
    CommentFactory(article=article, status="pending")
    from comments.services import refresh_comment_counts

    refresh_comment_counts([article.pk])

    home = client.get(reverse("articles:home")).text
    page = client.get(article.get_absolute_url()).text
    assert f'href="{article.get_absolute_url()}#comments">2 comments</a>' in home
    assert ">2 comments</h2>" in page
