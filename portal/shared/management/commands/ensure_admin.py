import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Creates the first administrator if none exists. Name and password from PORTAL_ADMIN_USERNAME and "
        "PORTAL_ADMIN_PASSWORD (never printed), else 'admin' and a random password that is printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("PORTAL_ADMIN_USERNAME", "admin")
        login_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Administratoren '{username}' findes allerede. Log ind på {login_url}")
            return
        given = os.environ.get("PORTAL_ADMIN_PASSWORD")
        password = given or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=f"{username}@example.org", password=password)
        self.stdout.write(self.style.SUCCESS("Administrator oprettet."))
        # A password given through the environment is already known to whoever set it: it must not end up in
        # deploy logs. Only a password made here is shown, once.
        shown = "adgangskoden fra PORTAL_ADMIN_PASSWORD" if given else f"adgangskode '{password}'"
        self.stdout.write(f"  Log ind på {login_url} med brugernavn '{username}' og {shown}")
