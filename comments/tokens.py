"""The signed token in each comment form: proof it came from our page, in time.

A token says which article the form was served for, when, and carries a random
nonce. A form posted sooner than COMMENTS_MIN_SECONDS is a robot's; one older
than COMMENTS_FORM_MAX_AGE is stale; a nonce already used is a replay.
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "comments.form-token"


class TokenError(Exception):
    """Why a form's token was refused, in words for the reader."""


def issue(article_id: int, *, at: float | None = None) -> str:
    payload = {"a": article_id, "t": at or time.time(), "n": secrets.token_hex(12)}
    return signing.dumps(payload, salt=SALT, compress=True)


def reissue(token: str, article_id: int) -> str:
    """A token with a nonce of its own, as old as `token` if that is genuine.

    A page kept for every reader carries one token for them all; a reader
    who posts from it gets their own, without waiting again.
    """
    try:
        payload = signing.loads(
            token, salt=SALT, max_age=settings.COMMENTS_FORM_MAX_AGE
        )
    except signing.BadSignature:
        return issue(article_id)
    if payload.get("a") != article_id:
        return issue(article_id)
    return issue(article_id, at=payload["t"])


def check(token: str, article_id: int) -> str:
    """The token's nonce, if it is genuine, for this article and in time."""
    try:
        payload = signing.loads(
            token, salt=SALT, max_age=settings.COMMENTS_FORM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise TokenError(
            _("This form was open too long. Please post your comment again.")
        ) from error
    except signing.BadSignature as error:
        raise TokenError(
            _("This form could not be checked. Please post your comment again.")
        ) from error
    if payload.get("a") != article_id:
        raise TokenError(_("This form belongs to another article."))
    if time.time() - payload["t"] < settings.COMMENTS_MIN_SECONDS:
        raise TokenError(
            _("That was quick! Please read your comment over and post it again.")
        )
    if cache.get(_used_key(payload["n"])):
        raise TokenError(_("This form has already been posted."))
    return payload["n"]


def consume(nonce: str) -> bool:
    """Use a nonce up; False if another request already did (atomic)."""
    return cache.add(_used_key(nonce), True, timeout=settings.COMMENTS_FORM_MAX_AGE)


def _used_key(nonce: str) -> str:
    return f"comments:used-token:{nonce}"
