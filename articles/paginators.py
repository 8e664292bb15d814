from django.core.paginator import Paginator
from django.utils.functional import cached_property


class BoundedPaginator(Paginator):
    """Pages through at most `most` objects, and counts no further.

    `counted` is what to count, when that is cheaper than counting the listing
    itself: a count needs no order, so another way to the same rows may do.
    Its order is kept: walking an index in order stops at the bound, where
    PostgreSQL's unordered bitmap scan reads every matching row first.
    """

    def __init__(self, object_list, per_page, *, most, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.most = most
        self.counted = object_list if counted is None else counted

    @cached_property
    def count(self) -> int:
        return self.counted[: self.most].count()
