"""The search engine's circuit breaker: shared through the cache, opened by failures in a row, one trial call after
the pause, and in front of an engine that hangs (a real socket that accepts connections and never answers)."""

import threading
import time

import pytest

from portal.benchmark.load import hanging_listener
from portal.search import failover
from portal.search.breaker import CircuitBreaker, CircuitOpen
from portal.search.query import SearchParams


class EngineDown(Exception):
    pass


class Refused(Exception):
    pass


def failing():
    raise EngineDown


def is_outage(error):
    return isinstance(error, EngineDown)


def fail(breaker, times):
    for _ in range(times):
        with pytest.raises(EngineDown):
            breaker.call(failing, is_failure=is_outage)


def test_failures_in_a_row_open_the_circuit_for_every_worker():
    worker_a = CircuitBreaker("engine", failures=3, reset=60)
    worker_b = CircuitBreaker("engine", failures=3, reset=60)  # another process: the same cache keys
    fail(worker_a, 2)
    fail(worker_b, 1)
    assert worker_a.state() == worker_b.state() == "open"
    calls = []
    with pytest.raises(CircuitOpen):
        worker_b.call(lambda: calls.append(1))
    assert calls == []  # skipped without calling


def test_a_success_forgets_earlier_failures():
    breaker = CircuitBreaker("engine", failures=3)
    fail(breaker, 2)
    assert breaker.call(lambda: "svar") == "svar"
    fail(breaker, 2)
    assert breaker.state() == "closed"


def test_errors_that_are_not_outages_do_not_count():
    breaker = CircuitBreaker("engine", failures=2)

    def refused():
        raise Refused

    for _ in range(5):
        with pytest.raises(Refused):
            breaker.call(refused, is_failure=is_outage)
    assert breaker.state() == "closed"


def test_failures_outside_the_window_are_forgotten():
    breaker = CircuitBreaker("engine", failures=2, window=0.3)
    fail(breaker, 1)
    time.sleep(0.5)
    fail(breaker, 1)
    assert breaker.state() == "closed"


def test_after_the_pause_one_trial_call_decides():
    breaker = CircuitBreaker("engine", failures=1, reset=0.2, trial=5)
    fail(breaker, 1)
    time.sleep(0.3)
    assert breaker.state() == "half-open"

    in_trial, release, skipped = threading.Event(), threading.Event(), []

    def slow_success():
        in_trial.set()
        release.wait(5)
        return "svar"

    trial = threading.Thread(target=lambda: skipped.append(breaker.call(slow_success)))
    trial.start()
    in_trial.wait(5)
    with pytest.raises(CircuitOpen):  # while the trial is under way, the others keep falling back
        CircuitBreaker("engine", failures=1, reset=0.2).call(lambda: "no")
    release.set()
    trial.join(5)
    assert skipped == ["svar"] and breaker.state() == "closed"


def test_a_failed_trial_opens_the_circuit_again():
    breaker = CircuitBreaker("engine", failures=1, reset=0.2)
    fail(breaker, 1)
    time.sleep(0.3)
    fail(breaker, 1)  # the trial
    assert breaker.state() == "open"
    with pytest.raises(CircuitOpen):
        breaker.call(lambda: "no")


@pytest.mark.parametrize("engine", ["database"], indirect=True)
@pytest.mark.parametrize("kind", ["opensearch", "elasticsearch"])
def test_a_hanging_engine_is_skipped_after_a_few_searches(client, corpus, engine, settings, kind):
    """Each of the first searches waits for the read timeout; after three, no search asks the engine again (no new
    connections), every answer comes from the database engine with the notice, and nothing is a 5xx."""
    with hanging_listener() as (address, connections):
        settings.PORTAL_SEARCH_ENGINE = kind
        settings.PORTAL_SEARCH_URL = address
        settings.PORTAL_SEARCH_TIMEOUT = 0.3
        settings.PORTAL_SEARCH_BREAKER_FAILURES = 3
        settings.PORTAL_SEARCH_BREAKER_SECONDS = 60
        for n in range(3):
            response = client.get("/soeg/", {"q": f"misbrug {n}", "format": "json"})
            assert response.status_code == 200 and response.json()["engine"] == "database"
        asked = len(connections)
        assert asked >= 1 and failover.breaker().state() == "open"
        for n in range(10):
            data = client.get("/soeg/", {"q": f"misbrug {n}", "format": "json"}).json()
            assert data["engine"] == "database" and "Søgemaskinen svarer ikke" in data["notice"]
            assert client.get("/soeg/forslag/", {"q": f"unge{n}"}).status_code == 200
        assert len(connections) == asked


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_the_search_engine_answers_again_after_the_pause(corpus, engine, settings):
    """The real engine, behind a circuit opened by an outage: after the pause, a trial search finds it answering,
    and the circuit closes."""
    settings.PORTAL_SEARCH_BREAKER_SECONDS = 0.2
    breaker = failover.breaker()
    breaker.failures = 1
    fail(breaker, 1)
    assert failover.search(SearchParams(q="misbrug"))[0].name == "database"
    time.sleep(0.3)
    used, results = failover.search(SearchParams(q="misbrug"))
    assert used.name == "opensearch" and results.notice == "" and breaker.state() == "closed"
