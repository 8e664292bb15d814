"""Signed, expiring links that show an unpublished article as readers will see it."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview"


def preview_url(article) -> str:
    token = signing.dumps(article.pk, salt=SALT)
    return reverse("articles:preview", kwargs={"token": token})


def article_id_from(token: str) -> int:
    """The article a token opens; raises signing.BadSignature when forged or old."""
    return signing.loads(token, salt=SALT, max_age=settings.ARTICLE_PREVIEW_MAX_AGE)
