"""Daily: remind the owners of stories whose results have not been reviewed for 12 months (once per story)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from stories.followup import send_reminders


class Command(BaseCommand):
    help = "Sends one reminder per story whose results have not been reviewed for 12 months. Safe to run twice."

    def handle(self, *args, **options):
        sent = send_reminders(settings.WAGTAILADMIN_BASE_URL)
        self.stdout.write(f"{sent} påmindelse(r) sendt.")
