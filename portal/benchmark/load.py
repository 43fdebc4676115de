"""The load runner's parts: the portal under gunicorn with production settings, wrk in a separate process, the
database queries a page runs, and the peak memory of the server's workers."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from methods.models import MethodPage
from portal.taxonomy.models import TargetGroup, TargetGroupIndexPage
from stories.models import StoryIndexPage, StoryPage

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
SEARCH = "/soeg/?q=misbrug&maalgruppe=borgere-med-misbrug&region=syddanmark"


@dataclass
class Target:
    label: str
    path: str
    kind: str  # "page": served from the page cache when it is on; "search"; "ceiling"


def targets() -> list[Target]:
    """One URL per kind of page, chosen from the corpus: a story (with an image, as most have) and a method from the
    middle of the tree, so that corpora of different sizes are compared on like pages."""
    stories = StoryPage.objects.live().filter(image__isnull=False).order_by("path")
    story = stories[stories.count() // 2]
    methods = MethodPage.objects.live().order_by("path")
    method = methods[methods.count() // 2]
    group = TargetGroup.objects.filter(slug="borgere-med-misbrug").first() or TargetGroup.objects.first()
    groups_index = TargetGroupIndexPage.objects.live().first()
    return [
        Target("static file (ceiling)", "/static/portal/css/portal.css", "ceiling"),
        Target("minimal view (ceiling)", "/sundhed/", "ceiling"),
        Target("home", "/", "page"),
        Target(
            "story listing, filtered", f"{StoryIndexPage.objects.live().first().url}?maalgruppe={group.slug}", "page"
        ),
        Target("story", story.url, "page"),
        Target("method", method.url, "page"),
        Target("target group", f"{groups_index.url}{group.slug}/", "page"),
        Target("search, q + 2 facets", SEARCH, "search"),
        Target("search JSON", SEARCH + "&format=json", "search"),
    ]


def queries_per_request(path: str, page_cache: bool) -> int:
    """The queries of a warm request, counted in this process against the same database."""
    client = Client(HTTP_HOST="localhost")
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=600 if page_cache else 0, RATELIMIT_ENABLE=False):
        client.get(path)  # warms per-process caches (site root, content types) and, when on, the page cache
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(captured)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def hanging_listener():
    """(address, connections) of a listener that accepts connections and never answers (an engine that hangs);
    `connections` grows with every connection it accepts."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(512)
    held = []

    def accept():
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:  # closed: the run is over
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", held
    finally:
        listener.close()
        for connection in held:
            connection.close()


@contextmanager
def redis_server(maxmemory: str = "256mb"):
    """A throwaway Redis on a private port (no persistence, capped with an LRU policy as the README advises); yields
    its URL. Needs `redis-server` (Debian: apt-get install redis-server)."""
    import redis  # inside: the redis client is needed only by the benchmark runs that start a Redis

    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--maxmemory", maxmemory, "--maxmemory-policy", "allkeys-lru"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        else:
            raise RuntimeError("redis-server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


class Server:
    """gunicorn serving the portal with production settings (DEBUG off), in its own process group."""

    def __init__(self, env: dict, workers: int):
        self.env, self.workers, self.port = env, workers, free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        self.process = subprocess.Popen(
            [
                gunicorn,
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            env=self.env,
            start_new_session=True,
        )
        for _ in range(150):
            try:
                urlopen(self.base + "/sundhed/", timeout=5).read()
                return self
            except OSError:  # not listening yet (URLError, ConnectionError), or too busy to answer yet (TimeoutError)
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()  # the master stops its workers gracefully
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # workers stuck in long requests: stop the whole group
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)

    def worker_pids(self) -> list[int]:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
            except (OSError, IndexError, ValueError):
                continue
        return pids

    def kill_one_worker(self) -> int:
        """SIGKILL one worker, as the kernel's OOM killer or a crash would; the master starts another."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def worker_peak_mb(self) -> float:
        """The highest peak resident memory (VmHWM) of any worker."""
        peaks = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    status = stat.with_name("status").read_text()
                    peaks.append(int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]))
            except (OSError, StopIteration, IndexError, ValueError):
                continue  # a process that ended while we looked
        return max(peaks, default=0) / 1024


def wrk(url: str, seconds: int, connections: int, paths: Path | None = None) -> dict:
    """wrk against one URL, or (with `paths`, a file of paths one a line) against the server of `url` sending those
    paths in turn."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(WRK_SCRIPT), url]
    run = subprocess.run([*command, "--", str(paths)] if paths else command, capture_output=True, text=True)
    if run.returncode:
        raise RuntimeError(f"wrk failed: {run.stderr or run.stdout}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = result["socket_errors"] + result["non_2xx"]
    return result
