from django.core.management.base import BaseCommand

from portal.roles.setup import ensure_all_roles


class Command(BaseCommand):
    help = "Creates the editors' group, and a group per jobcenter and region with its page permissions and workflow."

    def handle(self, *args, **options):
        ensure_all_roles()
        self.stdout.write("Roller og arbejdsgange er på plads.")
