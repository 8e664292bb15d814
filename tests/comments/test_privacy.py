"""A commenter's data can be erased; addresses are not kept for long."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment
from comments.services import refresh_comment_counts
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_erase_commenter_anonymises_all_their_comments():
    theirs = CommentFactory.create_batch(
        2, author_email="Leaving@Example.org", author_url="https://me.example"
    )
    other = CommentFactory()

    out = StringIO()
    call_command("erase_commenter", "leaving@example.org", stdout=out)

    for comment in theirs:
        comment.refresh_from_db()
        assert comment.author_name == "Former reader"
        assert (comment.author_email, comment.author_url) == ("", "")
        assert comment.ip_address is None
        assert comment.body.startswith("A thought")
        assert comment.status == Comment.Status.APPROVED
    other.refresh_from_db()
    assert other.author_email != ""
    assert "Anonymised 2 comment(s)" in out.getvalue()


def test_erase_commenter_can_take_their_words_down_too():
    comment = CommentFactory(author_email="gone@example.org")
    refresh_comment_counts([comment.article_id])

    call_command(
        "erase_commenter", "gone@example.org", "--erase-text", stdout=StringIO()
    )

    comment.refresh_from_db()
    comment.article.refresh_from_db()
    assert (comment.body, comment.status) == ("", Comment.Status.REMOVED)
    assert comment.article.comment_count == 0


def test_clear_comment_ips_forgets_old_addresses_only(settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    old = CommentFactory(
        created_at=timezone.now() - timedelta(days=31), user_agent="Browser/1"
    )
    recent = CommentFactory(created_at=timezone.now() - timedelta(days=29))

    call_command("clear_comment_ips", stdout=StringIO())

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert recent.ip_address == "192.0.2.10"
