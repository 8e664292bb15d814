"""Counting the queries a page costs, as query-count tests measure it."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.navigation import MONTHS_KEY, menu_sections


def page_queries(client, url) -> int:
    """Queries for one page, served with the section menu warm in the cache.

    As on a running site after its first page: the menu costs a query only
    when the cache is cold.
    """
    menu_sections()
    # The archive's months are counted as computed: a test's own articles
    # are never committed, so a cached list would not be forgotten.
    cache.delete(MONTHS_KEY)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
