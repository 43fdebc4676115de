"""A benchmark, not a test: generate a corpus, time the index rebuilds, and load the search page over HTTP.

    DATABASE_URL=... [PORTAL_SEARCH_URL=http://127.0.0.1:9200] manage.py benchmark_search --stories 10000

The portal runs under gunicorn with production settings (DEBUG off) in a separate process; requests come from
threads in this process. Figures are printed; nothing is asserted.
"""

import io
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from urllib.error import URLError
from urllib.request import urlopen

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from methods.models import MethodPage
from portal.demo.stories import STORIES
from portal.search.documents import DocumentBuilder, searchable_count, searchable_pages
from portal.search.engines import make_engine
from portal.taxonomy.models import JobcenterPage, TargetGroup
from stories.models import StoryPage

QUERIES = [
    "/soeg/?q=misbrug&maalgruppe=borgere-med-misbrug&region=syddanmark",
    "/soeg/?q=virksomheder&maalgruppe=aktivitetsparate&type=historie",
    "/soeg/?q=mentor+unge&region=syddanmark&aar=2020",
    "/soeg/?maalgruppe=langtidsledige&metode=virksomhedssamarbejde",
    "/soeg/?q=%22kop+kaffe%22&type=historie&sortering=nyeste",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = "Generates N stories, times the search index rebuilds and measures search latency under load."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10000)
        parser.add_argument("--seconds", type=float, default=15.0, help="Load time per engine and page.")
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")

    def handle(self, *args, stories, seconds, concurrency, workers, **options):
        call_command("load_demo_content", stdout=io.StringIO())
        self.generate(stories)
        engines = ["database"] + (
            [settings.PORTAL_SEARCH_ENGINE] if settings.PORTAL_SEARCH_ENGINE != "database" else []
        )
        self.stdout.write(
            f"\nCorpus: {StoryPage.objects.live().count()} stories, {searchable_count()} searchable pages,"
            f" database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
        )
        for engine in engines:
            self.rebuild(engine)
        static_root = tempfile.mkdtemp(prefix="gode-historier-static-")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnop",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_STATIC_ROOT": static_root,
            "DJANGO_LOG_LEVEL": "WARNING",
            "PORTAL_RATELIMIT": "0",  # one client sending hundreds of requests a minute is the point here
            "PORTAL_PAGE_CACHE_SECONDS": "0",  # the engines are measured, not the page cache in front of them
        }
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, check=True)
        for engine in engines:
            self.load(engine, env, seconds, concurrency, workers)

    def generate(self, wanted: int):
        have = StoryPage.objects.count()
        if have >= wanted:
            return
        rng = random.Random(42)
        jobcenters = list(JobcenterPage.objects.all())
        groups = list(TargetGroup.objects.all())
        methods = list(MethodPage.objects.live())
        templates = STORIES
        now = timezone.now()
        with tqdm(total=wanted - have, desc="historier", unit=" sider", file=self.stderr._out) as bar:
            while have < wanted:
                with transaction.atomic():
                    for _ in range(min(250, wanted - have)):
                        t = rng.choice(templates)
                        page = StoryPage(
                            title=f"{t['title']} ({have + 1})",
                            slug=f"bench-{have + 1}",
                            summary=t["summary"],
                            status=t["status"],
                            period_start=date(2005 + have % 20, 1 + have % 12, 1),
                            problem=t["problem"],
                            practice=[("paragraph", b[1]) for b in t["practice"] if b[0] == "p"],
                            lessons=t["lessons"],
                            contact_name="Fiktiv kontakt",
                            contact_role="Jobkonsulent",
                            contact_email="kontakt@example.dk",
                            first_published_at=now - timedelta(hours=have),
                        )
                        page.target_groups = rng.sample(groups, rng.randint(1, 3))
                        page.methods = rng.sample(methods, rng.randint(1, 3))
                        rng.choice(jobcenters).add_child(instance=page)  # saves the page and its relations
                        have += 1
                        bar.update(1)

    def rebuild(self, kind: str):
        engine = make_engine(kind, settings.PORTAL_SEARCH_URL, settings.PORTAL_SEARCH_INDEX, 60)
        builder = DocumentBuilder()
        started = time.perf_counter()
        count = engine.rebuild(builder.build(page) for page in searchable_pages())
        self.stdout.write(f"Rebuild {kind}: {count} documents in {time.perf_counter() - started:.1f} s")

    def load(self, kind, env, seconds, concurrency, workers):
        port = free_port()
        server = subprocess.Popen(
            [
                os.path.join(os.path.dirname(sys.executable), "gunicorn"),
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            env={**env, "PORTAL_SEARCH_ENGINE": kind},
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urlopen(base + "/soeg/?q=test", timeout=5).read()
                    break
                except (URLError, ConnectionError):
                    time.sleep(0.2)
            for url in QUERIES[:1] + [QUERIES[0] + "&format=json"]:
                self.run_load(kind, base, url, seconds, concurrency)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)

    def run_load(self, kind, base, first_url, seconds, concurrency):
        urls = [first_url] + [u + ("&format=json" if "format=json" in first_url else "") for u in QUERIES[1:]]
        latencies, errors, lock = [], [0], threading.Lock()
        deadline = time.perf_counter() + seconds

        def worker(offset):
            i = offset
            while time.perf_counter() < deadline:
                url = base + urls[i % len(urls)]
                i += 1
                started = time.perf_counter()
                try:
                    with urlopen(url, timeout=30) as response:
                        response.read()
                        ok = response.status == 200
                except Exception:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed) if ok else None
                    errors[0] += 0 if ok else 1

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
        started = time.perf_counter()
        [t.start() for t in threads]
        [t.join() for t in threads]
        wall = time.perf_counter() - started
        q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
        label = "JSON" if "format=json" in first_url else "HTML"
        self.stdout.write(
            f"{kind:>10} {label}: {len(latencies) / wall:7.1f} req/s  p50 {q[49]:6.1f} ms  p95 {q[94]:6.1f} ms  "
            f"p99 {q[98]:6.1f} ms  errors {errors[0]}  ({len(latencies)} requests, concurrency {concurrency})"
        )
