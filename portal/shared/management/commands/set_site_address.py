from django.core.management.base import BaseCommand

from portal.shared.site_address import apply_site_address


class Command(BaseCommand):
    help = "Points the default Wagtail Site at PORTAL_SITE_URL (sitemap, calendars, e-mails and the programme use it)."

    def handle(self, *args, **options):
        root_url = apply_site_address()
        self.stdout.write(f"Portalens adresse: {root_url or 'intet standardsite endnu'}")
