"""Send the outbox's due mails (retries after a failure). Safe from cron, e.g. every minute; two runs at once never
send a mail twice."""

from django.core.management.base import BaseCommand

from portal.outbox.sending import send_due


class Command(BaseCommand):
    help = "Send queued e-mails whose time has come (retries after a failed attempt)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="At most this many mails in one run.")

    def handle(self, *args, limit, **options):
        sent, not_sent = send_due(limit=limit)
        if sent or not_sent:
            self.stdout.write(f"{sent} sent, {not_sent} not sent (see the outbox in the admin)")
