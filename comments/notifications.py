"""Emails about comments: to moderators when one is held, to readers on replies."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

UNSUBSCRIBE_SALT = "comments.unsubscribe"
MODERATORS_GROUP = "Moderators"
MODERATORS_KEY = "comments:moderator-emails"
# Bounds how long a lost forget can leave an old list: without Redis each
# process caches on its own, and with Redis away a forget is dropped.
MODERATORS_TIMEOUT = 60


def comment_held(comment) -> None:
    """Tell the moderators a comment waits for them."""
    moderators = moderator_emails()
    if not moderators:
        return
    context = {
        "comment": comment,
        "queue_url": _absolute(reverse("admin:comments_comment_changelist")),
    }
    send_mail(
        subject=render_to_string("comments/email/held_subject.txt", context).strip(),
        message=render_to_string("comments/email/held.txt", context),
        from_email=None,
        recipient_list=moderators,
    )


def moderator_emails() -> list[str]:
    """Where held comments are announced, from the cache: every one asks."""
    return cache.get_or_set(MODERATORS_KEY, _moderator_emails, MODERATORS_TIMEOUT)


def forget_moderators() -> None:
    """Drop the cached addresses once the change being made is committed."""
    # Not before: a comment held meanwhile would cache the old list again.
    transaction.on_commit(lambda: cache.delete(MODERATORS_KEY))


def _moderator_emails() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=MODERATORS_GROUP)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def reply_posted(reply) -> None:
    """Tell a parent comment's author of an approved reply, if they asked."""
    parent = reply.parent
    if (
        parent is None
        or not parent.notify_on_reply
        or not parent.author_email
        or parent.author_email.lower() == reply.author_email.lower()
        or reply.status != reply.Status.APPROVED
    ):
        return
    unsubscribe_url = _absolute(
        reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(parent)})
    )
    context = {
        "reply": reply,
        "reply_url": _absolute(reply.get_absolute_url()),
        "unsubscribe_url": unsubscribe_url,
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
    EmailMessage(
        subject=render_to_string("comments/email/reply_subject.txt", context).strip(),
        body=render_to_string("comments/email/reply.txt", context),
        to=[parent.author_email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


def unsubscribe_token(comment) -> str:
    return signing.dumps(comment.author_email.lower(), salt=UNSUBSCRIBE_SALT)


def unsubscribe_email(token: str) -> str:
    """The address a token unsubscribes; raises signing.BadSignature if forged."""
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def _absolute(path: str) -> str:
    return settings.NEWSROOM_BASE_URL.rstrip("/") + path
