"""Counting the queries a page costs, as query-count tests measure it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.menu import menu_sections


def page_queries(client, url) -> int:
    """Queries for one page, served with the section menu warm in the cache.

    As on a running site after its first page: the menu costs a query only
    when the cache is cold.
    """
    menu_sections()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
