"""A circuit breaker for the search engine, shared by every worker through Django's cache (Redis in production).

    closed     calls go through; failures that say the engine is down are counted, within `window` seconds
    open       after `failures` of them, no call is made for `reset` seconds: the caller falls back at once
    half-open  then one caller, in all the workers together, makes a trial call (claimed with `cache.add`, which is
               atomic in Redis and in the memory cache) while every other caller keeps falling back; a success
               closes the circuit, a failure opens it for another `reset` seconds

A success while closed forgets earlier failures, so only failures in a row open the circuit. Errors that do not say
the engine is down (a request the engine refused) pass through uncounted.

pybreaker was the candidate library, and its Redis storage the candidate for sharing. It holds a process-wide lock
for the whole guarded call (a threaded server would queue every search behind a hanging one), it lets every worker's
calls through in half-open state (with a hanging engine, each of them waits its full timeout), and its Redis storage
talks to Redis beside Django's cache (so development and tests, which have no Redis, would not share state the same
way). The states above take a few cache operations each; this module keeps them where they can be read and tested.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache

logger = logging.getLogger(__name__)
T = TypeVar("T")


class CircuitOpen(Exception):
    """The engine is being skipped: the circuit is open, or another caller is making the trial call."""


@dataclass
class CircuitBreaker:
    name: str
    failures: int = 3  # failures in a row that open the circuit
    reset: float = 30.0  # seconds the circuit stays open before a trial call
    window: float = 60.0  # seconds within which the failures must fall
    trial: float = 5.0  # seconds a trial call may take before another caller may try (a worker that died)

    @property
    def _keys(self) -> tuple[str, str, str]:
        prefix = f"circuit:{self.name}"
        return f"{prefix}:failures", f"{prefix}:open-until", f"{prefix}:trial"

    def state(self) -> str:
        failures, open_until, trial = self._keys
        until = cache.get(open_until)
        if until is None:
            return "closed"
        return "open" if time.time() < until or cache.get(trial) else "half-open"

    def call(self, action: Callable[[], T], is_failure: Callable[[Exception], bool] = lambda error: True) -> T:
        failures_key, open_key, trial_key = self._keys
        known = cache.get_many([failures_key, open_key])
        trial = False
        if open_key in known:
            if time.time() < known[open_key] or not cache.add(trial_key, 1, timeout=self.trial):
                raise CircuitOpen(self.name)
            trial = True
        try:
            result = action()
        except Exception as error:
            if is_failure(error):
                self._failed(trial)
            elif trial:
                cache.delete(trial_key)  # not an outage: the next caller may try
            raise
        if trial or known.get(failures_key):
            cache.delete_many([failures_key, open_key, trial_key])
            if trial:
                logger.warning("Search engine %s answers again: circuit closed", self.name)
        return result

    def _failed(self, trial: bool) -> None:
        failures_key, open_key, trial_key = self._keys
        if trial:
            count = self.failures
        else:
            cache.add(failures_key, 0, timeout=self.window)
            try:
                count = cache.incr(failures_key)
            except ValueError:  # expired between add and incr
                count = 1
        if count >= self.failures:
            # Kept well beyond `reset`: the key must outlive it, or there would be no half-open state to read.
            cache.set(open_key, time.time() + self.reset, timeout=max(3600, 10 * self.reset))
            cache.delete_many([failures_key, trial_key])
            logger.warning("Search engine %s failed %d times: skipped for %.0f s", self.name, count, self.reset)
