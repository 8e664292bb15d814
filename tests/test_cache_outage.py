"""With Redis gone, readers still get pages and can still comment."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from comments.models import Comment
from comments.tokens import issue
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every Redis call is refused at once.
REDIS_GONE = {
    "BACKEND": "newsroom.cache.ResilientRedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
}


@pytest.fixture
def redis_gone(settings):
    settings.CACHES = {"default": REDIS_GONE, "pages": REDIS_GONE}
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 3600
    settings.COMMENTS_MIN_SECONDS = 0
    yield
    caches.close_all()


def test_pages_are_served(client, redis_gone):
    article = ArticleFactory()

    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_edit_shows_at_once_though_pages_cannot_be_forgotten(client, redis_gone):
    article = ArticleFactory(headline="Ferry timetable changes")
    client.get(article.get_absolute_url())

    article.headline = "Ferry timetable changes again"
    article.save()

    assert "changes again" in client.get(article.get_absolute_url()).text


def test_readers_can_still_comment(client, redis_gone):
    article = ArticleFactory()

    response = client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}),
        {
            "author_name": "Kai",
            "author_email": "kai@example.org",
            "body": "Still here.",
            "token": issue(article.pk),
        },
    )

    assert response.status_code == 302
    assert Comment.objects.filter(body="Still here.").exists()


def test_readiness_says_the_cache_is_down(client, redis_gone):
    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
