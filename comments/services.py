"""The writes that change what readers see: posting, moderating, reporting."""

import hashlib
from contextlib import nullcontext

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Now

from articles.models import Article
from comments import notifications, policy
from comments.models import Comment, Report
from newsroom.pagecache import pages_changed


def comment_post(
    *,
    article: Article,
    author_name: str,
    author_email: str,
    body: str,
    author_url: str = "",
    parent: Comment | None = None,
    notify_on_reply: bool = False,
    ip: str | None = None,
    user_agent: str = "",
    user=None,
    is_trapped: bool = False,
) -> Comment:
    """Store a reader's comment in the status the policy gives it.

    A comment caught by the honeypot is kept as spam for a moderator to see,
    never dropped. Moderators hear of held comments; a parent's author hears
    of an approved reply, if they asked to.
    """
    # Judged before the transaction: the policy only reads, and on SQLite a
    # transaction holds the database's one write lock from its first moment.
    status = (
        Comment.Status.SPAM
        if is_trapped
        else policy.judge(
            author_email=author_email, author_url=author_url, body=body, user=user
        )
    )
    # Only an approved comment writes more than its own row: the recount, by
    # the post_save signal (comments.apps), in the same transaction. A held
    # one is a single INSERT, atomic by itself, with no BEGIN and COMMIT to
    # wait for on top.
    together = status == Comment.Status.APPROVED
    with transaction.atomic() if together else nullcontext():
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            depth=parent.depth + 1 if parent else 0,
            author_name=author_name,
            author_email=author_email,
            author_url=author_url,
            body=body,
            notify_on_reply=notify_on_reply,
            ip_address=ip,
            user_agent=user_agent[:300],
            user=user if user is not None and user.is_staff else None,
            status=status,
        )
        # An approved comment's count and conversation are refreshed by the
        # post_save signal (comments.apps), as for any other way comments arrive.
        if status == Comment.Status.APPROVED:
            transaction.on_commit(lambda: notifications.reply_posted(comment))
        elif status == Comment.Status.PENDING:
            transaction.on_commit(lambda: notifications.comment_held(comment))
    return comment


@transaction.atomic
def comments_moderate(comments, *, status: str) -> int:
    """Set the status of `comments`; readers see the change at once."""
    changing = list(comments.exclude(status=status).select_related("article", "parent"))
    Comment.objects.filter(pk__in=[c.pk for c in changing]).update(status=status)
    refresh_comment_counts({comment.article_id for comment in changing})
    if status == Comment.Status.APPROVED:
        for comment in changing:
            comment.status = status
            transaction.on_commit(lambda c=comment: notifications.reply_posted(c))
    return len(changing)


@transaction.atomic
def comment_report(*, comment: Comment, ip: str) -> bool:
    """Record a reader's report; enough reports send the comment back to moderation.

    Returns whether this reader's report was new.
    """
    reporter = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()
    _, created = Report.objects.get_or_create(comment=comment, reporter=reporter)
    reports = comment.reports.count()
    if (
        created
        and comment.status == Comment.Status.APPROVED
        and reports >= settings.COMMENTS_REPORTS_TO_HOLD
    ):
        comments_moderate(
            Comment.objects.filter(pk=comment.pk), status=Comment.Status.PENDING
        )
        transaction.on_commit(lambda: notifications.comment_held(comment))
    return created


def refresh_comment_counts(article_ids) -> None:
    """Recount the approved comments of these articles, in one UPDATE.

    Every change to what readers see of comments comes through here, so this
    is also where the article's conversation is marked changed and stored
    pages are forgotten.
    """
    approved = (
        Comment.objects.approved()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    Article.objects.filter(pk__in=list(article_ids)).update(
        comment_count=Coalesce(Subquery(approved), 0), comments_changed_at=Now()
    )
    pages_changed()


def comments_unsubscribe(*, email: str) -> int:
    """Stop reply emails to `email`, for every comment they posted."""
    return (
        Comment.objects.by_email(email)
        .filter(notify_on_reply=True)
        .update(notify_on_reply=False)
    )


@transaction.atomic
def commenter_erase(*, email: str, erase_text: bool = False) -> int:
    """Remove what identifies a commenter; with `erase_text`, their words too."""
    comments = Comment.objects.by_email(email)
    article_ids = set(comments.values_list("article_id", flat=True))
    changes = {
        "author_name": Comment.ERASED_NAME,
        "author_email": "",
        "author_url": "",
        "ip_address": None,
        "user_agent": "",
        "notify_on_reply": False,
    }
    if erase_text:
        changes |= {"body": "", "status": Comment.Status.REMOVED}
    count = comments.update(**changes)
    refresh_comment_counts(article_ids)
    return count


def comment_ips_clear(*, older_than) -> int:
    """Forget the addresses and browsers of comments posted before `older_than`."""
    return (
        Comment.objects.filter(created_at__lt=older_than)
        .filter(~Q(ip_address=None) | ~Q(user_agent=""))
        .update(ip_address=None, user_agent="")
    )
