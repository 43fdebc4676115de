"""A benchmark, not a test: loads every kind of page under gunicorn with production settings and prints figures.

    DATABASE_URL=... [PORTAL_SEARCH_URL=...] manage.py benchmark [--seconds 10] [--cache on,off]
    manage.py benchmark --adversarial [--seconds 10]

Nothing is asserted. Each page gets a fresh server (so its worker peak memory is its own), a short warm-up, then
wrk for --seconds. Every figure can be read against the two ceilings measured in the same run.

--adversarial loads the search with each class of hostile URLs in turn (portal/benchmark/adversarial.py), page cache
off, and then the story listing alone and while every class is sent at once: what one attacker costs everyone else.
"""

import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.benchmark import mixed
from portal.benchmark.adversarial import url_classes
from portal.benchmark.load import Server, hanging_listener, queries_per_request, redis_server, targets, wrk
from portal.search.documents import searchable_count
from stories.models import StoryIndexPage, StoryPage

SECRET = "benchmark-only-secret-key-0123456789-abcdefghijklmnop"


class Command(BaseCommand):
    help = "Measures req/s, p50/p95/p99, errors, queries per request and worker memory for each kind of page."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="Load time per page.")
        parser.add_argument("--connections", type=int, default=2, help="wrk connections (concurrent clients).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--cache", default="on,off", help="Page cache: on, off or both (on,off).")
        parser.add_argument("--only", default="", help="Only pages whose label contains this (e.g. 'search').")
        parser.add_argument("--adversarial", action="store_true", help="The adversarial search mix instead.")
        parser.add_argument(
            "--mixed", action="store_true", help="A realistic mix for 60 s with Redis, then again killing a worker."
        )
        parser.add_argument(
            "--hanging-engine", action="store_true", help="Searches and the story listing while the engine hangs."
        )

    def handle(self, *args, seconds, connections, workers, cache, only, adversarial, mixed, hanging_engine, **options):
        if subprocess.run(["which", "wrk"], capture_output=True).returncode:
            raise CommandError("wrk is not installed: apt-get install wrk (or make bench, which installs it).")
        engine = settings.PORTAL_SEARCH_ENGINE
        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(
            f"Corpus: {StoryPage.objects.live().count()} stories, {searchable_count()} searchable pages. "
            f"Database {database}, search engine {engine}. {os.cpu_count()} CPUs, {workers} gunicorn workers, "
            f"{connections} connections, {seconds:g} s per page."
        )
        env = self.server_env()
        if mixed:
            return self.run_mixed(env)
        if adversarial:
            self.run_adversarial(env, seconds, connections, workers)
        if hanging_engine:
            self.run_hanging_engine(env, seconds, connections, workers)
        if adversarial or hanging_engine:
            return
        chosen = [t for t in targets() if only in t.label or t.kind == "ceiling"]
        for mode in cache.split(","):
            self.run_mode(mode.strip() == "on", chosen, env, seconds, connections, workers)

    @staticmethod
    def server_env():
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": SECRET,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_STATIC_ROOT": tempfile.mkdtemp(prefix="gode-historier-static-"),
            "DJANGO_LOG_LEVEL": "WARNING",
            "PORTAL_RATELIMIT": "0",  # one client sending thousands of requests a minute is the point here
        }
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, check=True)
        return env

    def run_mode(self, page_cache, chosen, env, seconds, connections, workers):
        env = {**env, "PORTAL_PAGE_CACHE_SECONDS": "600" if page_cache else "0"}
        self.stdout.write(f"\nPage cache {'on' if page_cache else 'off'}:")
        self.stdout.write(
            f"{'page':<26}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'queries':>9}"
            f"{'worker MB':>11}{'of static':>11}"
        )
        static_rps = None
        for target in chosen:
            queries = 0 if target.kind == "ceiling" else queries_per_request(target.path, page_cache)
            with Server(env, workers) as server:
                url = server.base + target.path
                wrk(url, min(2, seconds), connections)  # warm-up: templates, connections, the page cache
                result = wrk(url, seconds, connections)
                memory = server.worker_peak_mb()
            static_rps = static_rps or result["rps"]
            self.stdout.write(
                f"{target.label:<26}{result['rps']:>8.0f}{result['p50'] / 1000:>9.1f}{result['p95'] / 1000:>9.1f}"
                f"{result['p99'] / 1000:>9.1f}{result['errors']:>8}{queries:>9}{memory:>11.0f}"
                f"{result['rps'] / static_rps:>10.0%}"
            )

    def run_adversarial(self, env, seconds, connections, workers):
        folder = Path(tempfile.mkdtemp(prefix="gode-historier-adversarial-"))
        classes = url_classes()
        files = {}
        for number, (name, paths) in enumerate(classes.items()):
            files[name] = folder / f"{number}.txt"
            files[name].write_text("\n".join(paths) + "\n")
        everything = folder / "all.txt"
        hostile = [path for name, paths in classes.items() if name != "normal search" for path in paths]
        random.Random(14).shuffle(hostile)  # the classes arrive mixed
        everything.write_text("\n".join(hostile) + "\n")
        listing = StoryIndexPage.objects.live().first().url
        # Every answer computed (the cache would hide the cost); errors counted, not logged (a traceback per request
        # would be measured too).
        env = {**env, "PORTAL_PAGE_CACHE_SECONDS": "0", "DJANGO_LOG_LEVEL": "CRITICAL"}
        total = sum(map(len, classes.values()))
        self.stdout.write(f"\nAdversarial search mix ({total} distinct URLs), page cache off:")
        self.write_header()
        for name, path in files.items():  # a fresh server for each class: no class pays for the one before
            with Server(env, workers) as server:
                wrk(server.base + "/", min(2, seconds), connections, files["normal search"])  # warm-up
                self.write_row(name, wrk(server.base + "/", seconds, connections, path))
        self.stdout.write(f"\nThe story listing ({listing}), 1 connection:")
        with Server(env, workers) as server:
            wrk(server.base + listing, min(2, seconds), 1)  # warm-up
            self.write_row("alone", wrk(server.base + listing, seconds, 1))
            with ThreadPoolExecutor(1) as pool:  # wrk blocks: the attackers' wrk runs beside the listing's
                attack = pool.submit(wrk, server.base + "/", seconds + 2, connections + 1, everything)
                under_attack = wrk(server.base + listing, seconds, 1)
            self.write_row(f"while {connections + 1} send all classes", under_attack)
            self.write_row(f"(the {connections + 1} attackers)", attack.result())

    def run_mixed(self, env, seconds=60, connections=8, workers=3):
        """The realistic mix (portal/benchmark/mixed.py) against production settings: a real Redis for the page
        cache and the rate limits, 500 visitors behind one proxy (X-Forwarded-For), 3 workers. Then the same load
        again, killing one worker (SIGKILL) halfway through."""
        if subprocess.run(["which", "redis-server"], capture_output=True).returncode:
            raise CommandError("redis-server is not installed: apt-get install redis-server.")
        urls = mixed.mixed_urls()
        sizes = ", ".join(f"{len(paths)} {name}" for name, paths in urls.items())
        self.stdout.write(f"\nMixed load: {sizes} URLs; {connections} connections, {seconds} s, {workers} workers.")
        with redis_server() as redis_url:
            env = {
                **env,
                "REDIS_URL": redis_url,
                "PORTAL_PROXY_COUNT": "1",
                "PORTAL_RATELIMIT": "1",
                "DJANGO_LOG_LEVEL": "ERROR",
            }
            env.pop("PORTAL_PAGE_CACHE_SECONDS", None)  # the production default (600 s)
            for kill in (False, True):
                subprocess.run(["redis-cli", "-u", redis_url, "flushall"], capture_output=True)
                with Server(env, workers) as server:
                    mixed.run(server.port, urls, 5, connections)  # warm-up: templates, connections
                    killed = []
                    at = (
                        (seconds / 2, lambda server=server, killed=killed: killed.append(server.kill_one_worker()))
                        if kill
                        else None
                    )
                    tallies = mixed.run(server.port, urls, seconds, connections, seed=2, at=at)
                    memory = subprocess.run(
                        ["redis-cli", "-u", redis_url, "info", "memory"], capture_output=True, text=True
                    ).stdout
                used = next(
                    (line.split(":")[1] for line in memory.splitlines() if line.startswith("used_memory_human")), "?"
                )
                title = f"one worker (pid {killed[0]}) killed at {seconds / 2:g} s" if killed else "no worker killed"
                self.stdout.write(f"\n{title}; Redis used {used.strip()} at the end:")
                self.stdout.write(
                    f"{'class':<20}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'2xx/3xx':>9}{'4xx':>6}"
                    f"{'429':>6}{'5xx':>6}{'conn err':>10}"
                )
                for name in mixed.WEIGHTS:
                    t = tallies.get(name, mixed.Tally())
                    self.stdout.write(
                        f"{name:<20}{t.requests:>9}{t.percentile(50):>9.1f}{t.percentile(95):>9.1f}"
                        f"{t.percentile(99):>9.1f}{t.ok:>9}{t.client_errors:>6}{t.too_many:>6}{t.server_errors:>6}"
                        f"{t.connection_errors:>10}"
                    )

    def run_hanging_engine(self, env, seconds, connections, workers):
        """The search engine accepts connections and never answers: what searches cost, and what they cost the
        story listing beside them; then the same load with the database engine, for comparison."""
        searches = Path(tempfile.mkdtemp(prefix="gode-historier-hanging-")) / "searches.txt"
        searches.write_text("\n".join(url_classes()["normal search"]) + "\n")
        listing = StoryIndexPage.objects.live().first().url
        env = {**env, "PORTAL_PAGE_CACHE_SECONDS": "0", "DJANGO_LOG_LEVEL": "CRITICAL"}
        with hanging_listener() as (address, _connections):
            self.stdout.write(f"\nThe search engine hangs ({address} accepts and never answers), page cache off:")
            self.write_header()
            hanging = {**env, "PORTAL_SEARCH_ENGINE": "opensearch", "PORTAL_SEARCH_URL": address}
            self.listing_beside_searches(hanging, seconds, connections, workers, listing, searches)
        self.stdout.write("\nThe same load with the database engine (no search engine configured):")
        self.write_header()
        healthy = {**env, "PORTAL_SEARCH_ENGINE": "database", "PORTAL_SEARCH_URL": ""}
        self.listing_beside_searches(healthy, seconds, connections, workers, listing, searches)

    def listing_beside_searches(self, env, seconds, connections, workers, listing, searches):
        with Server(env, workers) as server:
            wrk(server.base + listing, min(2, seconds), 1)  # warm-up
            self.write_row("story listing alone", wrk(server.base + listing, seconds, 1))
            with ThreadPoolExecutor(1) as pool:
                search = pool.submit(wrk, server.base + "/", seconds + 2, connections + 1, searches)
                beside = wrk(server.base + listing, seconds, 1)
            self.write_row(f"story listing, {connections + 1} searching", beside)
            self.write_row(f"(the {connections + 1} searchers)", search.result())

    def write_header(self):
        self.stdout.write(
            f"{'':<28}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'2xx':>7}{'4xx':>7}{'5xx':>7}"
            f"{'timeouts/socket':>17}"
        )

    def write_row(self, label, result):
        self.stdout.write(
            f"{label:<28}{result['requests']:>9}{result['p50'] / 1000:>9.1f}{result['p95'] / 1000:>9.1f}"
            f"{result['p99'] / 1000:>9.1f}{result['2xx']:>7}{result['4xx']:>7}{result['5xx']:>7}"
            f"{result['socket_errors']:>17}"
        )
