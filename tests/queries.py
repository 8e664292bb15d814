"""Counting the queries a page costs, as query-count tests measure it."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.navigation import menu_sections


def page_queries(client, url) -> int:
    """Queries for one page, served with the section menu warm in the cache.

    As on a running site after its first page: the menu costs a query only
    when the cache is cold.
    """
    # Everything else is counted as computed (the archive's months, an
    # article's conversation): a test's own changes are never committed, so
    # what is cached would not be forgotten.
    cache.clear()
    menu_sections()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
