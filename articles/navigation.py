"""What readers navigate by, kept in the cache framework: sections and months.

Every public page shows the section menu, and the archive lists every month
with stories; both are read from the cache rather than the database, and
forgotten whenever a section, or an article, is saved or deleted (apps.py).
The timeout bounds how long a lost forget can show an old list: without Redis
each process caches on its own, and with Redis away a forget is dropped.
"""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Section

CACHE_KEY = "articles:menu-sections"
MONTHS_KEY = "articles:archive-months"
TIMEOUT = 5 * 60


def menu_sections() -> list[dict]:
    """Each section's name and slug, in menu order."""
    # Plain values, not Section instances: they outlive a deploy that changes
    # the model.
    return cache.get_or_set(
        CACHE_KEY, lambda: list(Section.objects.values("name", "slug")), TIMEOUT
    )


def forget_menu_sections() -> None:
    """Drop the cached menu once the change being made is committed."""
    # Not before: a page served meanwhile would cache the old sections again.
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def archive_months() -> list:
    """The first day of each month with published stories, newest first."""
    months = cache.get(MONTHS_KEY)
    if months is None:
        months = list(
            Article.objects.published().dates("pub_date", "month", order="DESC")
        )
        cache.set(MONTHS_KEY, months, _until_next_story_goes_live())
    return months


def forget_archive_months() -> None:
    """Drop the cached months once the change being made is committed."""
    transaction.on_commit(lambda: cache.delete(MONTHS_KEY))


def _until_next_story_goes_live() -> int:
    # A scheduled story may open a new month without any write at that time.
    going_live = Article.objects.next_going_live()
    if going_live is None:
        return TIMEOUT
    seconds = int((going_live - timezone.now()).total_seconds())
    return max(1, min(TIMEOUT, seconds))
