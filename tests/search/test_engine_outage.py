"""A real OpenSearch node paused (SIGSTOP) and resumed, then killed and started again, while visitors search and
browse: no 5xx, the listing and the story pages answer throughout, and the search is back on the engine afterwards.

The node is this test's own (the suite's shared node must not be killed), started from the jar that
tests/services/with-opensearch.sh builds. Latencies are printed, not asserted (run with -s to see them).
"""

import io
import json
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from django.core.management import call_command

from portal.benchmark.load import free_port
from portal.demo.builder import DemoBuilder
from tests import factories as f
from tests.conftest import require_service

NODE = Path(__file__).parents[1] / "services" / "opensearch-node" / "target"
JAR = NODE / "opensearch-test-node-1.0.jar"
WORDS = ["misbrug", "kaffe", "mentor", "unge", "praktik", "borgere"]


class PrivateNode:
    """A single-node OpenSearch in its own JVM, on a fixed port, so it can be killed and started again in place."""

    def __init__(self):
        self.home = Path(tempfile.mkdtemp(prefix="gode-historier-outage-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self, wait=180):
        (self.home / "logs" / "http.ports").unlink(missing_ok=True)
        command = ["java", "-Xms256m", "-Xmx512m", "-cp", f"{JAR}:{NODE / 'lib'}/*", "dk.godehistorier.TestNode"]
        with open(self.home / "node.log", "ab") as log:
            self.process = subprocess.Popen([*command, str(self.home), str(self.port)], stdout=log, stderr=log)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                with urlopen(f"{self.url}/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=3):
                    return
            except OSError:
                assert self.process.poll() is None, (self.home / "node.log").read_text()[-3000:]
                time.sleep(0.5)
        raise AssertionError("the private OpenSearch node did not start")

    def signal(self, sig):
        os.kill(self.process.pid, sig)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(30)
        shutil.rmtree(self.home, ignore_errors=True)


@pytest.fixture
def private_node():
    require_service(
        JAR.exists() and shutil.which("java") is not None,
        "no OpenSearch test node jar: run the tests through tests/services/with-opensearch.sh (make test does)",
    )
    node = PrivateNode()
    node.start()
    yield node
    node.stop()


class Visitors:
    """Threads that search (JSON, to see which engine answered) and browse, recording what each phase got."""

    def __init__(self, base, paths):
        self.base, self.paths, self.phase = base, paths, "healthy"
        self.answers = defaultdict(list)  # phase -> [(kind, status, engine, seconds)]
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.search, args=(n,)) for n in range(2)]
        self.threads.append(threading.Thread(target=self.browse))

    def get(self, kind, path):
        started = time.monotonic()
        try:
            with urlopen(self.base + path, timeout=30) as response:
                status, body = response.status, response.read()
        except HTTPError as error:
            status, body = error.code, b"{}"
        engine = json.loads(body).get("engine") if kind == "search" and status == 200 else None
        self.answers[self.phase].append((kind, status, engine, time.monotonic() - started))
        return engine

    def search(self, n):
        count = 0
        while not self.stopping.is_set():
            count += 1
            word = WORDS[(n + count) % len(WORDS)]
            self.get("search", "/soeg/?" + urlencode({"q": f"{word}", "side": count % 2 + 1, "format": "json"}))

    def browse(self):
        while not self.stopping.is_set():
            for path in self.paths:
                self.get("page", path)

    def engines(self, phase):
        return {engine for kind, _status, engine, _seconds in self.answers[phase] if kind == "search"}

    def wait_for_engine(self, name, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if name in {e for k, _s, e, _t in self.answers[self.phase][-6:] if k == "search"}:
                return True
            time.sleep(0.2)
        return False

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)

    def report(self):
        for phase, answers in self.answers.items():
            for kind in ("search", "page"):
                times = sorted(s for k, _status, _e, s in answers if k == kind)
                if times:
                    p95 = times[int(len(times) * 0.95) - 1] if len(times) > 1 else times[0]
                    print(
                        f"{phase:<22}{kind:<8}{len(times):>5} answers  median {statistics.median(times) * 1000:6.0f} ms"
                        f"  p95 {p95 * 1000:6.0f} ms  engines {sorted(self.engines(phase)) if kind == 'search' else ''}"
                    )


@pytest.fixture
def wagtail_roots(transactional_db):
    """The live server's threads see only committed data, and an earlier live-server test has emptied every table,
    the rows Wagtail's migrations made (locale, root page) included."""
    DemoBuilder.wagtail_roots()


def test_an_engine_that_hangs_or_dies_degrades_the_search_and_nothing_else(
    live_server, wagtail_roots, private_node, tree, settings
):
    stories = [f.StoryPageFactory(parent=tree.varde, title=f"Historie om {word}", summary=word) for word in WORDS]
    settings.PORTAL_SEARCH_ENGINE = "opensearch"
    settings.PORTAL_SEARCH_URL = private_node.url
    settings.PORTAL_SEARCH_INDEX = "outage-test"
    settings.PORTAL_SEARCH_TIMEOUT = 0.5
    settings.PORTAL_SEARCH_BREAKER_FAILURES = 3
    settings.PORTAL_SEARCH_BREAKER_SECONDS = 1
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())

    with Visitors(live_server.url, [tree.stories_index.url, stories[0].url]) as visitors:
        assert visitors.wait_for_engine("opensearch", 30)

        visitors.phase = "paused (SIGSTOP)"
        private_node.signal(signal.SIGSTOP)
        time.sleep(4)
        visitors.phase = "resumed (SIGCONT)"
        private_node.signal(signal.SIGCONT)
        assert visitors.wait_for_engine("opensearch", 30)
        time.sleep(1)

        visitors.phase = "killed (SIGKILL)"
        private_node.signal(signal.SIGKILL)
        private_node.process.wait(30)
        time.sleep(3)
        visitors.phase = "started again"
        private_node.start()
        assert visitors.wait_for_engine("opensearch", 60)
        time.sleep(1)

    visitors.report()
    every = [answer for answers in visitors.answers.values() for answer in answers]
    assert {status for _kind, status, _engine, _seconds in every} == {200}  # no 5xx, nor anything else
    for phase, answers in visitors.answers.items():
        assert any(kind == "page" for kind, *_ in answers), f"the pages got no answer while {phase}"
    assert "database" in visitors.engines("paused (SIGSTOP)")  # the fallback answered, with its notice
    assert "database" in visitors.engines("killed (SIGKILL)")
    assert "opensearch" in visitors.engines("resumed (SIGCONT)")
    assert "opensearch" in visitors.engines("started again")
