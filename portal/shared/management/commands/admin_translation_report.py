import polib
from django.core.management.base import BaseCommand

from portal.shared.translations import admin_catalogs, coverage, project_catalog_path


class Command(BaseCommand):
    help = (
        "Reports how much of each catalog of the Wagtail admin is Danish (translated / total), counting the "
        "portal's own catalog in portal/locale/da. --missing lists the strings still shown in English; "
        "--add-missing adds them, untranslated, to the portal's catalog for a translator to fill in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="list the untranslated strings of each catalog")
        parser.add_argument("--add-missing", action="store_true", help="add them to the portal's catalog, untranslated")

    def handle(self, *args, missing=False, add_missing=False, **options):
        rows = [coverage(catalog) for catalog in admin_catalogs()]
        if add_missing:
            self.add_missing(rows)
        width = max(len(row.catalog.label) for row in rows)
        self.stdout.write(f"{'Katalog':<{width}}  {'Dansk':>11}  {'Andel':>6}  {'Fra portalens katalog':>21}")
        for row in rows:
            counts = f"{row.translated:>5} / {row.total:<4}  {percent(row.translated, row.total):>6}"
            self.stdout.write(f"{row.catalog.label:<{width}}  {counts}  {row.from_project:>21}")
            if missing:
                for msgid in row.missing:
                    self.stdout.write(f"    {msgid!r}")
        translated, total = sum(row.translated for row in rows), sum(row.total for row in rows)
        self.stdout.write(f"{'I alt':<{width}}  {translated:>5} / {total:<4}  {percent(translated, total):>6}")

    def add_missing(self, rows):
        for domain in {row.catalog.domain for row in rows if row.missing}:
            target = polib.pofile(str(project_catalog_path(domain)), wrapwidth=120)
            present = {(entry.msgctxt, entry.msgid) for entry in target}
            for row in (row for row in rows if row.catalog.domain == domain):
                for entry in polib.pofile(str(row.catalog.source)):
                    if entry.msgid in row.missing and (entry.msgctxt, entry.msgid) not in present:
                        app_path = row.catalog.app.replace(".", "/")
                        entry.occurrences = [(f"{app_path}/{path}", line) for path, line in entry.occurrences]
                        target.append(entry)
                        present.add((entry.msgctxt, entry.msgid))
            target.save()
            self.stdout.write(f"Tilføjet til {project_catalog_path(domain)}; oversæt, og kør compile_translations.")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"
