import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Creates the first administrator if none exists. Name and password from PORTAL_ADMIN_USERNAME and "
        "PORTAL_ADMIN_PASSWORD, else 'admin' and a random password that is printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("PORTAL_ADMIN_USERNAME", "admin")
        login_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Administratoren '{username}' findes allerede. Log ind på {login_url}")
            return
        password = os.environ.get("PORTAL_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=f"{username}@example.org", password=password)
        self.stdout.write(self.style.SUCCESS("Administrator oprettet."))
        self.stdout.write(f"  Log ind på {login_url} med brugernavn '{username}' og adgangskode '{password}'")
