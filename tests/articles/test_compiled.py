"""The article page's precompiled query finds just what the queryset finds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.compiled import published_with_slug
from articles.models import Article
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _hours(n):
    return timezone.now() + timedelta(hours=n)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("published", {}),
        ("embargo past", {"embargo_until": _hours(-1)}),
        ("scheduled", {"pub_date": _hours(2)}),
        ("under embargo", {"embargo_until": _hours(2)}),
        ("draft", {"status": Article.Status.DRAFT}),
        ("in review", {"status": Article.Status.IN_REVIEW}),
    ],
)
def test_it_agrees_with_the_queryset(kind, fields):
    article = ArticleFactory(**fields)
    expected = Article.objects.published().filter(slug=article.slug).first()

    found = published_with_slug(article.slug)

    assert found == expected, kind
    if found:
        assert found.headline == article.headline
        assert found.section_id == article.section_id


def test_a_slug_nobody_has_finds_nothing():
    ArticleFactory(slug="ferry-times")

    assert published_with_slug("ferry") is None
    assert published_with_slug("ferry-times%") is None
