"""Moderators hear of held comments; readers of replies, until they unsubscribe."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from comments.models import Comment
from comments.services import comments_moderate
from tests.articles.factories import ArticleFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "mod", email="mod@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def _post(client, article, data):
    return client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}), data
    )


def test_moderators_are_emailed_when_a_comment_is_held(
    client, comment_data, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline="Harbour plans")

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, article, comment_data(article))

    [email] = mailoutbox
    assert email.to == ["mod@example.org"]
    assert "Harbour plans" in email.subject
    assert "A careful piece." in email.body
    assert reverse("admin:comments_comment_changelist") in email.body


def test_moderators_joining_or_leaving_hear_of_the_next_held_comment(
    client, comment_data, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    newcomer = moderator.__class__.objects.create_user("new", email="new@example.org")
    moderators = Group.objects.get(name="Moderators")

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, article, comment_data(article))
    with django_capture_on_commit_callbacks(execute=True):
        newcomer.groups.add(moderators)
        moderator.groups.remove(moderators)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, article, comment_data(article, body="Another thought."))

    assert [email.to for email in mailoutbox] == [
        ["mod@example.org"],
        ["new@example.org"],
    ]


def test_reader_is_emailed_of_an_approved_reply_and_can_unsubscribe(
    client, comment_data, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.COMMENTS_MODERATION = "all"
    parent = CommentFactory(author_email="first@example.org", notify_on_reply=True)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, parent.article, comment_data(parent.article, parent=parent.pk))
    assert mailoutbox == [], "a held reply is not news yet"

    with django_capture_on_commit_callbacks(execute=True):
        comments_moderate(Comment.objects.filter(parent=parent), status="approved")

    [email] = mailoutbox
    assert email.to == ["first@example.org"]
    assert "Amina Yusuf replied to your comment" in email.subject
    unsubscribe_url = re.search(r"http\S+/comments/unsubscribe/\S+/", email.body)[0]
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    path = unsubscribe_url.removeprefix(settings.NEWSROOM_BASE_URL)
    assert "Stop reply emails" in client.get(path).text
    assert "no more emails" in client.post(path).text
    parent.refresh_from_db()
    assert not parent.notify_on_reply


def test_no_email_for_replying_to_yourself(
    comment_data, mailoutbox, django_capture_on_commit_callbacks
):
    parent = CommentFactory(author_email="same@example.org", notify_on_reply=True)
    reply = CommentFactory(
        parent=parent, author_email="same@example.org", status="pending"
    )

    with django_capture_on_commit_callbacks(execute=True):
        comments_moderate(Comment.objects.filter(pk=reply.pk), status="approved")

    assert mailoutbox == []


def test_forged_unsubscribe_link_does_nothing(client):
    parent = CommentFactory(notify_on_reply=True)

    response = client.post(
        reverse("comments:unsubscribe", kwargs={"token": "forged:token"})
    )

    assert response.status_code == 404
    parent.refresh_from_db()
    assert parent.notify_on_reply
