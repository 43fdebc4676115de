"""Relevance figures for the current index: nDCG@5, recall@10 and zero-result rate, overall and per query class.

Loads nothing: it searches whatever the database (and the search engine) holds now, so load the demo content (or
the corpus the judgments were written for) first. See README "Søgning" for the figures.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from portal.search.engines import database_engine, get_engine
from portal.search.limits import SearchLimitExceeded
from portal.search.query import SearchParams
from portal.search.relevance.evaluation import JUDGMENTS, JudgmentError, evaluate, load
from portal.search.service import search


class Command(BaseCommand):
    help = "Relevansmål for søgningen (nDCG@5, recall@10, andel uden resultater) på de bedømte søgninger."

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=["database", "opensearch"], default="database")
        parser.add_argument("--judgments", default=str(JUDGMENTS), help="a judgment file (default: the shipped one)")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args, engine, judgments, json: bool, **options):
        chosen = self._engine(engine)
        try:
            judged = load(judgments)
        except (OSError, JudgmentError) as error:
            raise CommandError(f"Cannot read the judgments: {error}") from error

        def ranked_slugs(q: str) -> list[str]:
            try:
                params = SearchParams(q=q, filters={"type": ("historie",)}, page_size=10)
            except SearchLimitExceeded:
                return []
            ids = [hit.page_id for hit in search(chosen, params).hits]
            slugs = dict(Page.objects.filter(pk__in=ids).values_list("pk", "slug"))
            return [slugs[pk] for pk in ids if pk in slugs]

        figures = evaluate(judged, ranked_slugs)
        if json:
            self.stdout.write(_json({"engine": chosen.name, "figures": {k: v.as_dict() for k, v in figures.items()}}))
            return
        self.stdout.write(f"engine: {chosen.name}")
        self.stdout.write(f"{'class':<14}{'queries':>8}{'nDCG@5':>9}{'recall@10':>11}{'zero':>7}")
        for name, f in figures.items():
            self.stdout.write(f"{name:<14}{f.queries:>8}{f.ndcg5:>9.3f}{f.recall10:>11.3f}{f.zero:>7.3f}")

    @staticmethod
    def _engine(kind: str):
        if kind == "database":
            return database_engine()
        engine = get_engine()
        if engine.name != kind:
            raise CommandError("--engine opensearch needs PORTAL_SEARCH_URL (the OpenSearch node to ask).")
        return engine


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
