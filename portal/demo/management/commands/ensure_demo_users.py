import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from portal.roles.models import RoleGroup

# (username, full name, role, slug of the jobcenter or region)
DEMO_USERS = [
    ("bidragyder-varde", "Demo Bidragyder", RoleGroup.CONTRIBUTOR, "jobcenter-varde"),
    ("konsulent-syd", "Demo Konsulent", RoleGroup.CONSULTANT, "syddanmark"),
]


class Command(BaseCommand):
    help = (
        "Creates a demo contributor (Jobcenter Varde) and a demo consultant (Region Syddanmark) for trying the "
        "submission and review. Password from PORTAL_DEMO_PASSWORD, else random and printed once. Demo only."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        base = settings.WAGTAILADMIN_BASE_URL
        for username, full_name, role, slug in DEMO_USERS:
            role_group = RoleGroup.objects.filter(role=role, page__slug=slug).select_related("group").first()
            if role_group is None:
                self.stdout.write(f"Springer '{username}' over: ingen rollegruppe for '{slug}' (demoindhold mangler).")
                continue
            login_url = base + (reverse("login") if role == RoleGroup.CONTRIBUTOR else "/admin/")
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Demobrugeren '{username}' findes allerede. Log ind på {login_url}")
                continue
            password = os.environ.get("PORTAL_DEMO_PASSWORD") or secrets.token_urlsafe(12)
            first_name, last_name = full_name.split(" ", 1)
            user = User.objects.create_user(
                username, f"{username}@example.org", password, first_name=first_name, last_name=last_name
            )
            user.groups.add(role_group.group)
            self.stdout.write(
                f"  {role_group.group.name}: log ind på {login_url} som '{username}' med adgangskode '{password}'"
            )
