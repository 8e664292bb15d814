"""Django's Redis cache, made to degrade rather than fail when Redis is away.

The cache holds nothing the site cannot do without: while Redis is down every
read is a miss, writes are dropped, and rate limits and replay checks let
requests through. Each failure is logged; pages keep being served.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


def _degrades_to(fallback):
    """Run a client call; while Redis is unreachable, answer `fallback(*args)`."""

    def decorate(method):
        def call(self, *args):
            try:
                return method(self, *args)
            except UNAVAILABLE as error:
                logger.warning("Redis unavailable for %s: %s", method.__name__, error)
                return fallback(*args)

        return call

    return decorate


class ResilientRedisCacheClient(RedisCacheClient):
    # A lost write is harmless; "added" lets a replay check or rate limit pass.
    add = _degrades_to(lambda key, value, timeout: True)(RedisCacheClient.add)
    get = _degrades_to(lambda key, default: default)(RedisCacheClient.get)
    set = _degrades_to(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = _degrades_to(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _degrades_to(lambda key: False)(RedisCacheClient.delete)
    get_many = _degrades_to(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _degrades_to(lambda key: False)(RedisCacheClient.has_key)
    incr = _degrades_to(lambda key, delta: delta)(RedisCacheClient.incr)
    set_many = _degrades_to(lambda data, timeout: [])(RedisCacheClient.set_many)
    delete_many = _degrades_to(lambda keys: None)(RedisCacheClient.delete_many)
    clear = _degrades_to(lambda: None)(RedisCacheClient.clear)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
