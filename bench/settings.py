"""Newsroom's production settings for benchmarks: one constant page more, no limits.

A load test posts far more comments from one address than a reader may, and
posts each form the moment it has it: the rate limits and the minimum time
before posting are lifted. Everything else is production's, including the
moderation policy and the page cache (DJANGO_PAGE_CACHE_SECONDS).
"""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
RATELIMIT_ENABLE = False
COMMENTS_MIN_SECONDS = 0
# A data set kept from an earlier run ages; its newest article stays open.
COMMENTS_CLOSE_AFTER_DAYS = 0
