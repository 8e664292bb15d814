"""The sections in the site's menu, kept in the cache framework.

Every public page shows the menu, so it is read from the cache rather than
the database, and forgotten whenever a section is saved or deleted (apps.py).
The timeout bounds how long a lost forget can show an old menu: without Redis
each process caches on its own, and with Redis away a forget is dropped.
"""

from django.core.cache import cache
from django.db import transaction

from articles.models import Section

CACHE_KEY = "articles:menu-sections"
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
