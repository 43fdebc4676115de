import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from portal.search.documents import DocumentBuilder, searchable_count, searchable_pages
from portal.search.engines import get_engines


class Command(BaseCommand):
    help = (
        "Rebuilds the search indexes from the live pages: the database engine's always, and the search engine's "
        "when one is configured (a new index beside the old one, then an atomic alias swap)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, no_progress=False, **options):
        total = searchable_count()
        for engine in get_engines():
            started = time.perf_counter()
            builder = DocumentBuilder()
            with tqdm(
                total=total, desc=f"{engine.name:>10}", unit=" sider", disable=no_progress, file=self.stderr._out
            ) as bar:
                count = engine.rebuild((builder.build(page) for page in searchable_pages()), progress=bar.update)
            elapsed = time.perf_counter() - started
            self.stdout.write(self.style.SUCCESS(f"{engine.name}: {count} sider indekseret på {elapsed:.1f} s."))
