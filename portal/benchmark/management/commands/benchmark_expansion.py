"""A benchmark, not a test: what compound splitting and synonyms cost in indexing and searching. Prints figures.

    DATABASE_URL=... [PORTAL_SEARCH_URL=...] manage.py benchmark_expansion [--repeat 20]

Rebuilds the search indexes twice, with the compound parts and without them (the same build with the parts left
empty), times the splitter on the corpus's words (cold and cached), and times each of the issue's searches with and
without expansion (median of --repeat runs, on the configured engine). Nothing is asserted.
"""

import io
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.search.danish import compounds
from portal.search.documents import DocumentBuilder, SearchDocument, searchable_pages
from portal.search.engines import get_engine
from portal.search.parsing import parse_query
from portal.search.query import SearchParams
from portal.search.text import words

QUERIES = [
    "sygedagpenge", "dagpenge", "kontanthjælp", "kontanthjælpsmodtager", "jobrehabilitering", "rehabilitering",
    "arbejdsløse", "psykiske lidelser", "virksomhedspraktik", "mentor unge",
]  # fmt: skip


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


class Command(BaseCommand):
    help = "Måler, hvad sammensatte ord og synonymer koster i indeksering og søgning."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)

    def rebuild(self):
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())

    def handle(self, repeat, **options):
        out = self.stdout.write
        original = SearchDocument.parts
        try:
            SearchDocument.parts = property(lambda doc: "")
            without = seconds(self.rebuild)
        finally:
            SearchDocument.parts = original
        compounds.split.cache_clear()
        with_parts = seconds(self.rebuild)
        out(f"rebuild_search_index: {with_parts:.1f} s with compound parts, {without:.1f} s without")

        builder = DocumentBuilder()
        texts = [words(f"{d.title} {d.summary} {d.body}") for d in map(builder.build, searchable_pages())]
        distinct = {word for text in texts for word in text}
        compounds.split.cache_clear()
        cold = seconds(lambda: [compounds.split(word) for word in distinct])
        warm = seconds(lambda: [compounds.split_all(text) for text in texts])
        split = sum(1 for word in distinct if compounds.split(word))
        out(
            f"{len(texts)} documents, {len(distinct)} distinct words ({split} compounds): splitting every distinct "
            f"word {cold:.2f} s cold, every document's words {warm:.2f} s cached"
        )

        engine = get_engine()
        out(f"search on {engine.name}, median of {repeat} (ms): query, typed words only, expanded, results")
        for q in QUERIES:
            plain = SearchParams(q=q, query=parse_query(q))
            expanded = SearchParams(q=q)
            timings = []
            for params in (plain, expanded):
                engine.search(params)  # warm-up
                timings.append(statistics.median(seconds(lambda p=params: engine.search(p)) for _ in range(repeat)))
            out(
                f"  {q:24} {timings[0] * 1000:7.1f} {timings[1] * 1000:7.1f}"
                f"   {engine.search(plain).total} -> {engine.search(expanded).total}"
            )
