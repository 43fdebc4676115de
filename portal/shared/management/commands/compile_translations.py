from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.shared.translations import placeholder_errors


class Command(BaseCommand):
    help = (
        "Checks and compiles the portal's catalogs (every .po under LOCALE_PATHS) into .mo files without GNU "
        "gettext. Refuses a catalog whose translations lose or add a placeholder or an HTML tag."
    )

    def handle(self, *args, **options):
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalog = polib.pofile(str(po_path))
                errors = [error for entry in catalog.translated_entries() for error in placeholder_errors(entry)]
                if errors:
                    raise CommandError(f"{po_path}:\n  " + "\n  ".join(errors))
                catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"{po_path.with_suffix('.mo')}: {len(catalog.translated_entries())} oversættelser")
