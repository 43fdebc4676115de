from django.core.management.base import BaseCommand, CommandError

from portal.search.documents import TYPES
from portal.search.engines import get_engines
from portal.search.indexing import delete_pages_task, update_pages_task


class Command(BaseCommand):
    help = "Reports drift between the live pages and the documents in each search index (exit 1 when they differ)."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Index what is missing and remove what is stale.")

    def handle(self, *args, fix=False, **options):
        live = {pk for model in TYPES.values() for pk in model.objects.live().values_list("pk", flat=True)}
        drift = False
        for engine in get_engines():
            indexed = engine.indexed_ids()
            missing, stale = sorted(live - indexed), sorted(indexed - live)
            self.stdout.write(
                f"{engine.name}: {len(indexed)} i indekset, {len(missing)} mangler, {len(stale)} for meget"
            )
            if missing or stale:
                drift = True
                if missing:
                    self.stdout.write(f"  mangler: {missing[:20]}")
                if stale:
                    self.stdout.write(f"  for meget: {stale[:20]}")
            if fix:
                missing and update_pages_task.call(missing)
                stale and delete_pages_task.call(stale)
        if drift and not fix:
            raise CommandError("Søgeindekset er ikke i takt med siderne. Kør med --fix eller rebuild_search_index.")
