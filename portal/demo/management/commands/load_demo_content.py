import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.demo.builder import DemoBuilder
from portal.shared.site_address import apply_site_address


class Command(BaseCommand):
    help = "Builds the Danish demo corpus (target groups, regions, jobcenters, methods, stories, events). Idempotent."

    def handle(self, *args, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one audit line per demo page is noise here
        DemoBuilder(log=lambda message: self.stdout.write(self.style.SUCCESS(message))).build()
        self.stdout.write(f"Portalens adresse: {apply_site_address()} (PORTAL_SITE_URL)")
        # Publishing already queued index updates; a rebuild makes the corpus searchable at once, in any order.
        call_command("rebuild_search_index", "--no-progress", stdout=self.stdout)
