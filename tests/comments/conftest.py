import pytest
from django.core.cache import cache

from comments import tokens


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and used tokens live in the cache: start each test clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_wait(settings):
    """Let a test post a form the moment it has it."""
    settings.COMMENTS_MIN_SECONDS = 0


@pytest.fixture
def comment_data(no_wait):
    """What a reader types into the form for `article`, with a fresh token."""

    def data(article, **overrides):
        return {
            "author_name": "Amina Yusuf",
            "author_email": "amina@example.org",
            "author_url": "",
            "body": "A careful piece.\n\nThe second point deserves more.",
            "token": tokens.issue(article.pk),
            "parent": "",
            "homepage": "",
        } | overrides

    return data
