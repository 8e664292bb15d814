"""A reader posts a comment: what is held, what is shown, what is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.articles.factories import ArticleFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def _post(client, article, data):
    return client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}), data, follow=True
    )


def test_first_comment_is_held_and_shown_only_to_its_author(client, comment_data):
    article = ArticleFactory()

    response = _post(client, article, comment_data(article))

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert response.redirect_chain[-1][0].endswith(f"#comment-{comment.pk}")
    assert "Thanks, your comment is awaiting moderation." in response.text
    assert "Awaiting moderation: only you can see this" in response.text
    assert "A careful piece." in response.text
    assert "A careful piece." not in Client().get(article.get_absolute_url()).text


def test_returning_commenter_is_published_at_once(client, comment_data):
    article = ArticleFactory()
    CommentFactory(author_email="amina@example.org")

    response = _post(client, article, comment_data(article))

    assert Comment.objects.filter(article=article).get().status == "approved"
    assert "Thanks, your comment is published." in response.text
    article.refresh_from_db()
    assert article.comment_count == 1
    assert "A careful piece." in Client().get(article.get_absolute_url()).text


@pytest.mark.parametrize(
    ("policy", "returning", "status"),
    [
        ("all", True, "pending"),
        ("first_time", False, "pending"),
        ("first_time", True, "approved"),
        ("none", False, "approved"),
    ],
)
def test_moderation_policy(client, comment_data, settings, policy, returning, status):
    settings.COMMENTS_MODERATION = policy
    article = ArticleFactory()
    if returning:
        CommentFactory(author_email="amina@example.org")

    _post(client, article, comment_data(article))

    assert Comment.objects.filter(article=article).get().status == status


def test_comment_with_many_links_is_held(client, comment_data, settings):
    settings.COMMENTS_MODERATION = "none"
    article = ArticleFactory()
    links = " ".join(f"https://example.org/{n}" for n in range(3))

    _post(client, article, comment_data(article, body=f"Look: {links}"))

    assert Comment.objects.get().status == "pending"


@pytest.mark.parametrize(
    "overrides",
    [
        {"body": "Buy cheap WATCHES today"},
        {"author_email": "bot@spam.example"},
        {"body": "See https://www.spam.example/offer"},
        {"author_url": "https://spam.example"},
    ],
    ids=["word", "email domain", "link domain", "website"],
)
def test_blocklisted_words_and_domains_go_to_spam(
    client, comment_data, settings, overrides
):
    settings.COMMENTS_BLOCKED_WORDS = ["watches"]
    settings.COMMENTS_BLOCKED_DOMAINS = ["spam.example"]
    article = ArticleFactory()

    _post(client, article, comment_data(article, **overrides))

    assert Comment.objects.get().status == "spam"


def test_staff_comment_is_approved_with_a_badge(client, comment_data):
    staff = get_user_model().objects.create_user("desk", is_staff=True)
    client.force_login(staff)
    article = ArticleFactory()

    response = _post(client, article, comment_data(article))

    comment = Comment.objects.get()
    assert comment.status == "approved" and comment.user == staff
    assert '<span class="badge">Staff</span>' in response.text


def test_form_with_errors_keeps_the_text_and_says_what_is_wrong(client, comment_data):
    article = ArticleFactory()
    data = comment_data(article, author_name="", author_email="not-an-address")

    response = _post(client, article, data)

    assert response.status_code == 400
    assert not Comment.objects.exists()
    assert "A careful piece.\n\nThe second point deserves more." in response.text
    assert 'id="error_1_id_author_name"' in response.text
    assert "Enter a valid email address." in response.text


def test_overlong_comment_is_refused_with_its_text(client, comment_data, settings):
    article = ArticleFactory()
    body = "word " * (settings.COMMENTS_MAX_LENGTH // 5 + 1)

    response = _post(client, article, comment_data(article, body=body))

    assert response.status_code == 400
    assert "Ensure this value has at most" in response.text
    assert body.strip()[:200] in response.text


def test_duplicate_comment_is_refused(client, comment_data):
    article = ArticleFactory()
    _post(client, article, comment_data(article))

    response = _post(client, article, comment_data(article))

    assert response.status_code == 400
    assert "You have already posted this comment." in response.text
    assert Comment.objects.count() == 1


def test_honeypot_comment_is_kept_as_spam(client, comment_data):
    article = ArticleFactory()

    response = _post(client, article, comment_data(article, homepage="http://x.test"))

    assert Comment.objects.get().status == "spam"
    assert "awaiting moderation" in response.text


def test_closed_article_says_so_and_refuses_comments_keeping_the_text(
    client, comment_data
):
    article = ArticleFactory(comments_open=False)

    page = client.get(article.get_absolute_url())
    response = _post(client, article, comment_data(article))

    assert "Comments are closed on this article." in page.text
    assert 'id="comment-form"' not in page.text
    assert response.status_code == 403
    assert "A careful piece." in response.text
    assert not Comment.objects.exists()


def test_comments_close_after_the_configured_days(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    from datetime import timedelta

    from django.utils import timezone

    old = ArticleFactory(pub_date=timezone.now() - timedelta(days=31))
    recent = ArticleFactory(pub_date=timezone.now() - timedelta(days=29))

    assert "Comments are closed" in client.get(old.get_absolute_url()).text
    assert 'id="comment-form"' in client.get(recent.get_absolute_url()).text


def test_comments_on_unpublished_articles_are_refused(client, comment_data):
    article = ArticleFactory(status="draft")

    response = client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}),
        comment_data(article),
    )

    assert response.status_code == 404


def test_csrf_is_enforced(comment_data):
    article = ArticleFactory()
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}),
        comment_data(article),
    )

    assert response.status_code == 403
    assert not Comment.objects.exists()
