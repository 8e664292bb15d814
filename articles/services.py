"""The writes that decide what readers see: publishing and correcting."""

from django.db import transaction
from django.utils import timezone

from articles.models import Article, Correction


@transaction.atomic
def article_publish(*, article: Article) -> list[str]:
    """Publish an article that passes the checks; returns what it lacks otherwise.

    Without a publication time it goes live now; with a future one it is
    scheduled and appears by itself.
    """
    problems = article.publishing_problems()
    if not article.bylines.exists():
        problems.append(str(Article.NO_BYLINE))
    if problems:
        return problems
    article.status = Article.Status.PUBLISHED
    article.pub_date = article.pub_date or timezone.now()
    article.save(update_fields=["status", "pub_date", "modified_at"])
    return []


def article_unpublish(*, article: Article) -> None:
    """Take an article down: it goes back to draft, and off the site at once."""
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "modified_at"])


@transaction.atomic
def correction_add(*, article: Article, kind: str, text: str, user) -> Correction:
    """Append a dated correction or update; the article counts as updated then."""
    correction = Correction.objects.create(
        article=article, kind=kind, text=text, created_by=user
    )
    Article.objects.filter(pk=article.pk).update(
        updated_at=correction.created_at, modified_at=correction.created_at
    )
    return correction
