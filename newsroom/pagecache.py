"""Whole reader pages for anonymous readers, kept until the content changes.

A reader page (a view wrapped in `reader_page`) answered to a request without a
session, pending-comments or messages cookie is stored, unless the response
sets a cookie: then it carried something of that reader's own (a CSRF token, a
session). The next anonymous reader gets the stored bytes before sessions,
CSRF or the database are touched. Each worker process also keeps the pages it
served last in memory, so a hit costs one cache read: the generation's.

Every stored page belongs to a generation. Any change readers could see bumps
the generation (`pages_changed`, after the transaction commits), so no stored
page outlives a publish, an edit, a correction or an approved comment. A page
also expires when the next scheduled article goes live, since nothing is
written at that moment. Responses carry an ETag and Last-Modified, and
`Cache-Control: public, max-age=0, must-revalidate`, so browsers, nginx or a
CDN may keep a copy and must ask again, answered by a 304 while it holds.
"""

import hashlib
import time
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import get_language_from_request

GENERATION_KEY = "pages:generation"
CACHE_CONTROL = "public, max-age=0, must-revalidate"
# Cookies that make a page one reader's own: their session (signed in), their
# comments awaiting moderation, and messages waiting for them.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "comments_pending", "messages")


def _cache():
    return caches["pages"]


def pages_changed() -> None:
    """Forget every stored page once the current transaction commits."""
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    cache = _cache()
    _current_generation(cache)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted since
        _current_generation(cache)


def current_generation() -> int | None:
    """The generation of stored pages and fragments; None while the cache is away."""
    return _current_generation(_cache())


def seconds_to_keep(generation: int, *, most: int) -> int:
    """How long a page or fragment of `generation` may be kept, `most` at most.

    Nothing is written when a scheduled story goes live, so whatever lists
    stories is kept only until then.
    """
    from articles.models import Article

    cache = _cache()
    next_key = f"pages:{generation}:next-scheduled"
    going_live = cache.get(next_key)
    if going_live is None:
        going_live = Article.objects.next_going_live() or False
        cache.set(next_key, going_live, timeout=_seconds_until(going_live, most))
    return _seconds_until(going_live, most)


def _current_generation(cache) -> int:
    # A lost generation (a flushed or restarted cache) starts again from the
    # clock, never from a number that pages kept in memory may still carry.
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def forget_pages_on_change(*models) -> None:
    """Forget stored pages whenever a row of these models is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(_model_changed, sender=model, weak=False)


def forget_pages_on_relink(*through_models) -> None:
    """Forget stored pages whenever these many-to-many links change."""
    for through in through_models:
        m2m_changed.connect(_model_changed, sender=through, weak=False)


def _model_changed(sender, **kwargs) -> None:
    pages_changed()


def reader_page(view):
    """Mark a view's pages as the same for every anonymous reader."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.for_every_reader = True
        return response

    return wrapped


class Recent:
    """What this process used last, each kept until its time (a timestamp) is up.

    Only for what never goes stale before then: pages and fragments are
    stored under their generation.
    """

    def __init__(self, size: int):
        self.size, self.entries = size, OrderedDict()

    def get(self, key: str):
        expires, value = self.entries.get(key, (0, None))
        if expires < time.time():
            return None
        self.entries.move_to_end(key)
        return value

    def add(self, key: str, value, *, expires: float) -> None:
        self.entries[key] = (expires, value)
        if len(self.entries) > self.size:
            self.entries.popitem(last=False)


class PageCacheMiddleware:
    """Answers anonymous readers from stored pages; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.recent = Recent(size=200)

    def __call__(self, request):
        if not self._may_share(request):
            return self.get_response(request)
        cache = _cache()
        generation = _current_generation(cache)
        if generation is None:  # the cache is away: nothing can be forgotten
            return self.get_response(request)
        key = self._key(request, generation)
        if stored := self._stored(cache, key):
            return self._answer(request, stored)
        response = self.get_response(request)
        if self._may_store(response):
            stored = self._store(cache, key, generation, response)
            self.recent.add(key, stored, expires=stored["expires"])
            return self._answer(request, stored)
        return response

    def _stored(self, cache, key: str) -> dict | None:
        stored = self.recent.get(key) or cache.get(key)
        if stored is None or stored["expires"] < time.time():
            return None  # gone, or past its time by this clock
        self.recent.add(key, stored, expires=stored["expires"])
        return stored

    @staticmethod
    def _may_share(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        )

    @staticmethod
    def _may_store(response) -> bool:
        return (
            getattr(response, "for_every_reader", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def _key(request, generation: int) -> str:
        language = get_language_from_request(request)
        address = request.get_host() + request.get_full_path()
        return f"pages:{generation}:{language}:{address}"

    def _store(self, cache, key: str, generation: int, response) -> dict:
        lifetime = seconds_to_keep(generation, most=settings.PAGE_CACHE_SECONDS)
        stored = {
            "content": response.content,
            "headers": dict(response.items()),
            "etag": f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
            "last_modified": http_date(time.time()),
            "expires": time.time() + lifetime,
        }
        cache.set(key, stored, timeout=lifetime)
        return stored

    @staticmethod
    def _answer(request, stored: dict) -> HttpResponse:
        if request.headers.get("If-None-Match") == stored["etag"]:
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(stored["content"])
            for name, value in stored["headers"].items():
                response[name] = value
        response["ETag"] = stored["etag"]
        response["Last-Modified"] = stored["last_modified"]
        response["Cache-Control"] = CACHE_CONTROL
        return response


def _seconds_until(going_live, most: int) -> int:
    if not going_live:
        return most
    until = int((going_live - timezone.now()).total_seconds())
    return max(1, min(most, until))
