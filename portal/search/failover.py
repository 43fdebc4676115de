"""Asking the configured search engine, and the database engine when it cannot answer.

Every read goes through the engine's circuit breaker (portal/search/breaker.py): an engine that is down or hangs
costs at most its connect and read timeouts for a few requests, after which every worker skips it for a while and
the database engine answers, with a notice, until a trial call finds it answering again. The database engine is the
fallback and is never skipped.
"""

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from portal.search import service
from portal.search.breaker import CircuitBreaker, CircuitOpen
from portal.search.engines import database_engine, get_engine
from portal.search.limits import SearchLimitExceeded

logger = logging.getLogger(__name__)
T = TypeVar("T")
FALLBACK_NOTICE = (
    "Søgemaskinen svarer ikke lige nu. Du ser resultater fra portalens enklere søgning, som kan være mindre præcise."
)


def breaker() -> CircuitBreaker:
    """The breaker of the configured engine (one per engine kind and address, shared by all workers)."""
    address = hashlib.sha256(settings.PORTAL_SEARCH_URL.encode()).hexdigest()[:12]
    return CircuitBreaker(
        name=f"{settings.PORTAL_SEARCH_ENGINE}-{address}",
        failures=settings.PORTAL_SEARCH_BREAKER_FAILURES,
        reset=settings.PORTAL_SEARCH_BREAKER_SECONDS,
        window=settings.PORTAL_SEARCH_BREAKER_WINDOW,
        trial=settings.PORTAL_SEARCH_CONNECT_TIMEOUT + settings.PORTAL_SEARCH_TIMEOUT + 1,
    )


def ask(action: Callable[[object], T]) -> tuple[T, object, bool]:
    """`action(engine)` on the configured engine, or on the database engine when that engine is skipped or fails:
    (what it returned, the engine that answered, whether that was the fallback)."""
    engine = get_engine()
    if engine.name == "database":
        return action(engine), engine, False
    try:
        return breaker().call(lambda: action(engine), is_failure=engine.unavailable), engine, False
    except CircuitOpen:
        pass
    except SearchLimitExceeded:  # a refused search, not a failing engine
        raise
    except Exception:
        logger.exception("Search engine %s failed; the database engine answers", engine.name)
    fallback = database_engine()
    return action(fallback), fallback, True


def search(params):
    """(the engine that answered, its results); a fallback's results carry the Danish notice."""
    results, engine, fell_back = ask(lambda engine: service.search(engine, params))
    if fell_back:
        results.notice = FALLBACK_NOTICE
    return engine, results


def count(answered, params) -> int:
    """A count from the engine that answered the search (the database engine, when the search fell back)."""
    if answered.name == "database":
        return answered.count(params)
    return ask(lambda engine: engine.count(params))[0]


def suggest(prefix: str) -> list[str]:
    return ask(lambda engine: engine.suggest(prefix))[0]
