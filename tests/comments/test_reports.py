"""Readers flag a comment; enough flags send it back to the moderators."""

import pytest
from django.urls import reverse

from comments.models import Comment
from comments.services import refresh_comment_counts
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def _report(client, comment, ip):
    return client.post(
        reverse("comments:report", kwargs={"pk": comment.pk}), REMOTE_ADDR=ip
    )


def test_enough_reports_send_a_comment_back_to_moderation(client, settings, mailoutbox):
    settings.COMMENTS_REPORTS_TO_HOLD = 3
    comment = CommentFactory()
    refresh_comment_counts([comment.article_id])

    for n in range(2):
        response = _report(client, comment, f"198.51.100.{n}")
        assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED

    _report(client, comment, "198.51.100.9")

    comment.refresh_from_db()
    comment.article.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert comment.article.comment_count == 0


def test_one_reader_reporting_twice_counts_once(client, settings):
    settings.COMMENTS_REPORTS_TO_HOLD = 2
    comment = CommentFactory()

    _report(client, comment, "198.51.100.1")
    _report(client, comment, "198.51.100.1")

    comment.refresh_from_db()
    assert comment.reports.count() == 1
    assert comment.status == Comment.Status.APPROVED


def test_report_thanks_the_reader(client):
    comment = CommentFactory()

    response = client.post(
        reverse("comments:report", kwargs={"pk": comment.pk}), follow=True
    )

    assert "A moderator will take a look." in response.text


def test_reporting_is_rate_limited(client, settings):
    settings.COMMENTS_REPORT_RATE = "2/m"
    comments = CommentFactory.create_batch(3)

    statuses = [_report(client, c, "198.51.100.1").status_code for c in comments]

    assert statuses == [302, 302, 429]


def test_report_asks_the_reader_to_confirm_first(client):
    comment = CommentFactory(body="Ferries are a scam run by lizards.")

    page = client.get(reverse("comments:report", kwargs={"pk": comment.pk}))

    assert page.status_code == 200
    assert "Report this comment?" in page.text
    assert "Ferries are a scam run by lizards." in page.text
    assert "csrfmiddlewaretoken" in page.text
    assert not comment.reports.exists()


def test_the_article_page_links_to_the_report_page_without_a_form(client):
    comment = CommentFactory()

    html = client.get(comment.article.get_absolute_url()).text

    assert f'href="{reverse("comments:report", kwargs={"pk": comment.pk})}"' in html
    assert "csrfmiddlewaretoken" not in html
