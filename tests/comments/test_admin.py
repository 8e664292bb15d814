"""The moderation desk: a queue that opens on held comments, bulk actions, roles."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from comments.admin import ArticleFilter
from comments.models import Comment
from tests.articles.factories import ArticleFactory
from tests.comments.factories import CommentFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


@pytest.fixture
def moderator_client(client, django_user_model):
    moderator = django_user_model.objects.create_user("mod", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    return client


def test_queue_opens_on_held_comments(moderator_client):
    CommentFactory(body="Held for review", status="pending")
    CommentFactory(body="Already approved")

    html = moderator_client.get(reverse(CHANGELIST)).text

    assert "Held for review" in html
    assert "Already approved" not in html


def test_all_comments_are_one_filter_away(moderator_client):
    CommentFactory(body="Held for review", status="pending")
    CommentFactory(body="Already approved")

    html = moderator_client.get(reverse(CHANGELIST) + "?status=all").text

    assert "Held for review" in html and "Already approved" in html


def test_moderators_see_the_address_and_browser(moderator_client):
    comment = CommentFactory(status="pending", user_agent="Lynx/2.9")

    html = moderator_client.get(
        reverse("admin:comments_comment_change", args=[comment.pk])
    ).text

    assert "192.0.2.10" in html and "Lynx/2.9" in html


def test_bulk_approve_publishes_and_recounts(moderator_client):
    article = ArticleFactory()
    held = CommentFactory.create_batch(3, article=article, status="pending")

    moderator_client.post(
        reverse(CHANGELIST),
        {"action": "mark_approved", "_selected_action": [c.pk for c in held]},
    )

    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    article.refresh_from_db()
    assert article.comment_count == 3


@pytest.mark.parametrize("action", ["mark_spam", "mark_removed"])
def test_bulk_spam_and_remove_hide_comments(moderator_client, client, action):
    comment = CommentFactory(body="Unwelcome words")

    moderator_client.post(
        reverse(CHANGELIST) + "?status=all",
        {"action": action, "_selected_action": [comment.pk]},
    )

    comment.refresh_from_db()
    assert comment.status == action.removeprefix("mark_")


def test_changing_status_on_the_edit_page_recounts(moderator_client):
    comment = CommentFactory(status="pending")
    url = reverse("admin:comments_comment_change", args=[comment.pk])

    moderator_client.post(
        url,
        {
            "author_name": comment.author_name,
            "author_email": comment.author_email,
            "author_url": "",
            "body": comment.body,
            "status": "approved",
        },
    )

    comment.article.refresh_from_db()
    assert comment.article.comment_count == 1


def test_moderators_can_do_nothing_to_articles(moderator_client):
    article = ArticleFactory()

    assert (
        moderator_client.get(reverse("admin:articles_article_changelist")).status_code
        == 403
    )
    response = moderator_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {"headline": "Defaced"},
    )
    article.refresh_from_db()
    assert response.status_code == 403
    assert article.headline != "Defaced"


def test_nobody_adds_comments_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_moderation_list_queries_do_not_grow_with_comments(moderator_client):
    def comments_on_new_articles(count):
        for _ in range(count):
            CommentFactory(status="pending")

    comments_on_new_articles(5)
    url = reverse(CHANGELIST) + "?status=all"
    moderator_client.get(url)  # warms Django's own content type cache
    few = page_queries(moderator_client, url)
    comments_on_new_articles(45)

    # session + user + the moderators' group permissions (2), the article
    # filter's recent comments + their articles, the count, the page + its
    # articles; the date hierarchy: the first year's first row and the next
    # year's (none), then Django's range + days
    assert (few, page_queries(moderator_client, url)) == (13, 13)


def test_article_filter_offers_recently_commented_articles_only(moderator_client):
    quiet = ArticleFactory(headline="Quiet story")
    CommentFactory(article=quiet)
    for _ in range(ArticleFilter.ARTICLES):
        CommentFactory(status="pending")

    page = moderator_client.get(reverse(CHANGELIST)).text
    chosen = moderator_client.get(reverse(CHANGELIST) + f"?article={quiet.pk}").text

    assert "Quiet story" not in page
    assert "Quiet story" in chosen, "the chosen article stays offered"
