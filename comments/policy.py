"""The desk's comment policy: when comments are open and how each is judged.

Everything here reads settings (see COMMENTS_* in newsroom/settings.py), so a
newsroom changes its policy by environment, not by code.
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from comments.models import Comment

LINK = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def comments_are_open(article) -> bool:
    """Whether readers may comment: the editor allows it and it is not too old."""
    if not article.comments_open:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return not days or article.pub_date > timezone.now() - timedelta(days=days)


def judge(*, author_email: str, author_url: str, body: str, user=None) -> str:
    """The status a new comment starts in, by the moderation policy."""
    if user is not None and user.is_staff:
        return Comment.Status.APPROVED
    if _is_blocked(author_email=author_email, author_url=author_url, body=body):
        return Comment.Status.SPAM
    if settings.COMMENTS_MODERATION == "all":
        return Comment.Status.PENDING
    if len(LINK.findall(body)) > settings.COMMENTS_MAX_LINKS:
        return Comment.Status.PENDING
    if settings.COMMENTS_MODERATION == "first_time" and not _has_approved_comment(
        author_email
    ):
        return Comment.Status.PENDING
    return Comment.Status.APPROVED


def _has_approved_comment(email: str) -> bool:
    return Comment.objects.approved().by_email(email).exists()


def _is_blocked(*, author_email: str, author_url: str, body: str) -> bool:
    words = {word.lower() for word in settings.COMMENTS_BLOCKED_WORDS}
    text = f"{body} {author_url}".lower()
    if any(re.search(rf"\b{re.escape(word)}\b", text) for word in words):
        return True
    domains = {domain.lower() for domain in settings.COMMENTS_BLOCKED_DOMAINS}
    used = {author_email.rpartition("@")[2].lower(), _domain(author_url)}
    used |= {_domain(match.group(0)) for match in LINK.finditer(body)}
    return any(
        host == blocked or host.endswith(f".{blocked}")
        for host in used
        for blocked in domains
    )


def _domain(url: str) -> str:
    if not url:
        return ""
    if not url.lower().startswith(("http://", "https://")):
        url = f"http://{url}"
    return (urlsplit(url).hostname or "").lower()
