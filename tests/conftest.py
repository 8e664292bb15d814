import pytest

from articles.menu import CACHE_KEY


@pytest.fixture(autouse=True)
def _no_menu_from_another_test():
    # A test's sections are rolled back without a commit to forget them by.
    from django.core.cache import cache

    cache.delete(CACHE_KEY)
