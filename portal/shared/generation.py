"""A generation counter in Django's default cache: part of a family of keys, so one increment makes every key of
the family unreachable at once (the page cache, the derived values)."""

import time

from django.core.cache import cache


class Generation:
    def __init__(self, key: str):
        self.key = key

    def current(self) -> int:
        return cache.get_or_set(self.key, _fresh, timeout=None)

    def bump(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:  # evicted (Redis allkeys-lru) or never set
            cache.set(self.key, _fresh(), timeout=None)


def _fresh() -> int:
    """A generation no earlier one can have had: should the cache evict the key, the values kept under the old
    number are never read again."""
    return time.time_ns()
