"""The mixed load: what a busy day looks like (page views, searches with random facets, feed and calendar downloads,
a few junk URLs), sent by several keep-alive connections, each request from one of many visitors behind one proxy.

The URLs are drawn from the corpus under test with a seeded generator. Every answer is timed and counted per class:
2xx/3xx, 4xx (429 counted apart), 5xx and connection errors (reset, refused, timed out).
"""

import http.client
import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from methods.models import MethodPage
from portal.benchmark.adversarial import corpus_sample, hostile_characters, junk_parameters, normal
from portal.events.models import EventIndexPage, EventPage
from portal.taxonomy.models import RegionPage, TargetGroup, TargetGroupIndexPage
from stories.models import StoryIndexPage, StoryPage

# (class, weight): about six page views to two searches, one download and a little junk.
WEIGHTS = {"page view": 60, "search": 25, "feed or calendar": 10, "junk": 5}


def mixed_urls(seed: int = 14, per_class: int = 400) -> dict[str, list[str]]:
    rng = random.Random(seed)
    corpus = corpus_sample(rng)
    stories = list(StoryPage.objects.live().order_by("?").values_list("url_path", flat=True)[:per_class])
    root = StoryIndexPage.objects.live().first().url_path.split("/")[1]  # the site root's slug in url_path

    def public(url_path):
        return "/" + url_path.split("/", 2)[2]

    listing = StoryIndexPage.objects.live().first().url
    groups = list(TargetGroup.objects.values_list("slug", flat=True))
    regions = list(RegionPage.objects.live().values_list("slug", flat=True))
    methods = [public(p) for p in MethodPage.objects.live().values_list("url_path", flat=True)[:200]]
    groups_index = TargetGroupIndexPage.objects.live().first().url
    events_index = EventIndexPage.objects.live().first()
    events = [public(p) for p in EventPage.objects.live().values_list("url_path", flat=True)[:100]]
    pages = ["/", listing, groups_index, events_index.url if events_index else "/"]
    pages += [public(p) for p in stories if p.startswith(f"/{root}/")]
    pages += methods
    pages += [f"{groups_index}{slug}/" for slug in groups]
    for _ in range(per_class):
        params = [("maalgruppe", rng.choice(groups))] if rng.random() < 0.7 else []
        if regions and rng.random() < 0.4:
            params.append(("region", rng.choice(regions)))
        if rng.random() < 0.3:
            params.append(("side", str(rng.randint(2, 5))))
        pages.append(listing + "?" + "&".join(f"{k}={v}" for k, v in params))
    downloads = ["/feeds/historier/", "/feeds/historier/atom/"]
    downloads += [f"/feeds/maalgruppe/{slug}/" for slug in groups[:10]]
    downloads += [f"/feeds/region/{slug}/" for slug in regions]
    downloads += [f"{event}kalender/" for event in events[:50]]
    junk = [f"/{rng.randrange(10**9):x}/" for _ in range(50)] + ["/wp-login.php", "/.env", "/admin.php"]
    junk += [hostile_characters(rng, corpus) for _ in range(100)]
    junk += [junk_parameters(rng, corpus) for _ in range(100)]
    junk += [f"/historier/?utm_source={rng.randrange(10**9)}" for _ in range(50)]
    return {
        "page view": pages,
        "search": [normal(rng, corpus) for _ in range(per_class)],
        "feed or calendar": downloads,
        "junk": junk,
    }


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    ok: int = 0
    client_errors: int = 0
    too_many: int = 0
    server_errors: int = 0
    connection_errors: int = 0

    @property
    def requests(self):
        return self.ok + self.client_errors + self.too_many + self.server_errors + self.connection_errors

    def percentile(self, p: float) -> float:
        if not self.times:
            return 0.0
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def run(port: int, urls: dict[str, list[str]], seconds: float, connections: int, seed: int = 1, at=None):
    """Send the mix for `seconds` over `connections` keep-alive connections; `at` is (second, callable): something
    to do at that moment of the run (kill a worker). Returns {class: Tally}."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    classes, weights = list(WEIGHTS), list(WEIGHTS.values())
    visitors = [f"198.51.{n // 250}.{n % 250 + 1}" for n in range(500)]

    def client(number):
        rng = random.Random(seed * 1000 + number)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            kind = rng.choices(classes, weights)[0]
            path = rng.choice(urls[kind])
            headers = {"X-Forwarded-For": rng.choice(visitors), "Accept-Encoding": "gzip"}
            started = time.monotonic()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = None
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = time.monotonic() - started
            with lock:
                tally = tallies[kind]
                if status is None:
                    tally.connection_errors += 1
                    continue
                tally.times.append(elapsed)
                if status == 429:
                    tally.too_many += 1
                elif status >= 500:
                    tally.server_errors += 1
                elif status >= 400:
                    tally.client_errors += 1
                else:
                    tally.ok += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    if at:
        when, action = at
        time.sleep(when)
        action()
    for thread in threads:
        thread.join()
    return dict(tallies)
