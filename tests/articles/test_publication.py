"""The one publication rule: published status and a publication time now past."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.mark.parametrize(
    ("status", "hours_from_now", "readers_see_it"),
    [
        (Status.DRAFT, -1, False),
        (Status.IN_REVIEW, -1, False),
        (Status.PUBLISHED, +1, False),  # scheduled
        (Status.PUBLISHED, -1, True),
    ],
)
def test_published_rule(status, hours_from_now, readers_see_it):
    article = ArticleFactory(
        status=status, pub_date=timezone.now() + timedelta(hours=hours_from_now)
    )

    assert (article in Article.objects.published()) is readers_see_it
    assert article.is_published is readers_see_it


def test_published_without_a_time_is_not_public():
    article = ArticleFactory(pub_date=None)

    assert not Article.objects.published().exists()
    assert not article.is_published


def test_scheduled_article_goes_live_by_itself(time_machine):
    """No job flips a flag: the rule reads the clock, so the time passing is enough."""
    time_machine.move_to(timezone.now(), tick=False)
    article = ArticleFactory(pub_date=timezone.now() + timedelta(minutes=30))
    assert not Article.objects.published().exists()

    time_machine.shift(timedelta(minutes=31))

    assert list(Article.objects.published()) == [article]
