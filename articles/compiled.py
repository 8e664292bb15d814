"""The article page's one query, its SQL compiled once per process.

When what an article page shows is kept rendered (newsroom/fragments.py), the
page reads only the article's row, and Django took three times as long to
compile that query as the database took to answer it. The SQL is compiled
from the queryset the page would otherwise use, so what counts as published is
still decided by `ArticleQuerySet.published()` alone; each request only fills
in its slug and the present moment.
"""

import datetime

from django.db import connection
from django.utils import timezone

from articles.models import Article

# Stand-ins, compiled into the SQL and then found among its parameters.
_MOMENT = datetime.datetime(2000, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
_SLUG = "compiled-slug-stand-in"
_NOW, _SLUG_HERE = object(), object()
_compiled: dict[str, tuple[str, list]] = {}


def published_with_slug(slug: str) -> Article | None:
    """The published article with `slug`, as `published().for_kept_page()`."""
    if connection.vendor not in _compiled:
        _compiled[connection.vendor] = _compile()
    sql, slots = _compiled[connection.vendor]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [
        now if slot is _NOW else slug if slot is _SLUG_HERE else slot for slot in slots
    ]
    return next(iter(Article.objects.raw(sql, params)), None)


def _compile() -> tuple[str, list]:
    queryset = Article.objects.published(at=_MOMENT).for_kept_page().filter(slug=_SLUG)
    sql, params = queryset.query.sql_with_params()
    moment = connection.ops.adapt_datetimefield_value(_MOMENT)
    slots = [
        _NOW if param == moment else _SLUG_HERE if param == _SLUG else param
        for param in params
    ]
    return sql, slots
