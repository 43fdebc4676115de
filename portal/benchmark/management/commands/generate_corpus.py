"""Grows the demo corpus to N published stories for the benchmarks (not for production data).

manage.py generate_corpus --stories 50000
"""

import resource
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from tqdm import tqdm

from portal.benchmark.corpus import CorpusGenerator
from portal.demo.builder import DemoBuilder
from portal.shared import derived, page_cache


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Adds published stories (with proportionate jobcenters, methods and events) up to --stories, in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True, help="Stories the corpus should hold in all.")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-index", action="store_true", help="Skip rebuilding the portal's search indexes.")

    def handle(self, *args, stories, batch_size, no_index, **options):
        DemoBuilder(log=lambda message: None).build()  # the corpus grows from the demo content
        started = time.perf_counter()
        with tqdm(desc="sider", unit=" sider", file=self.stderr._out) as bar:
            generator = CorpusGenerator(batch_size=batch_size, on_progress=bar.update)
            missing = generator.missing(stories)
            bar.total = sum(missing.values())
            generator.grow(stories)
        created = time.perf_counter() - started
        self.stdout.write(
            f"Generated {', '.join(f'{n} {kind}' for kind, n in missing.items())} in {created:.1f} s"
            f" ({sum(missing.values()) / max(created, 0.001):.0f} pages/s), peak memory {peak_memory_mb():.0f} MB."
        )
        # Pages written without signals: no cached page or derived value (menu, facet labels) may outlive them.
        page_cache.purge()
        derived.forget()
        if not no_index:
            started = time.perf_counter()
            call_command("rebuild_search_index", stdout=self.stdout, stderr=self.stderr)
            rebuilt = time.perf_counter() - started
            self.stdout.write(f"Search indexes rebuilt in {rebuilt:.1f} s, peak memory {peak_memory_mb():.0f} MB.")
