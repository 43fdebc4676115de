"""One setting, PORTAL_SITE_URL, gives every full link its address: the sitemap, the calendar file, the printable
programme, the feeds and robots.txt point where the portal runs, not at Wagtail's default localhost:80."""

import io
import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import Site

from portal.events.models import EventPage
from portal.shared.site_address import apply_site_address, host_and_port

ADDRESS = "http://127.0.0.1:8000"


@pytest.fixture
def demo_at_address(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PORTAL_SITE_URL = ADDRESS
    call_command("load_demo_content", stdout=io.StringIO())


def test_the_demo_site_and_its_sitemap_use_the_configured_address(client, demo_at_address):
    assert Site.objects.get(is_default_site=True).root_url == ADDRESS
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 20
    assert all(location.startswith(f"{ADDRESS}/") for location in locations), locations[:3]


def test_calendar_programme_feeds_and_robots_use_the_configured_address(client, demo_at_address):
    event = next(e for e in EventPage.objects.live() if e.programme_is_public)
    calendar = client.get(f"{event.url}kalender/").content.decode()
    assert f"URL:{ADDRESS}{event.url}" in calendar.replace("\r\n ", "")
    assert f"{ADDRESS}{event.url}" in client.get(f"{event.url}program/").content.decode()
    feed = client.get("/feeds/historier/").content.decode()
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert len(links) > 2 and all(link.startswith(f"{ADDRESS}/") for link in links), links[:3]
    atom = client.get("/feeds/historier/atom/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'href="{ADDRESS}/feeds/historier/atom/" rel="self"' in atom
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_a_production_address_on_https(db, settings, tree):
    settings.PORTAL_SITE_URL = "https://gode-historier.example.dk"
    assert apply_site_address() == "https://gode-historier.example.dk"
    assert tree.stories_index.full_url == "https://gode-historier.example.dk/historier/"


@pytest.mark.parametrize(
    "address", ["gode-historier.example.dk", "ftp://example.dk", "https://example.dk:8443", "http://"]
)
def test_an_address_wagtail_cannot_link_to_is_refused(settings, address):
    settings.PORTAL_SITE_URL = address
    with pytest.raises(ImproperlyConfigured):
        host_and_port()


def test_e_mails_link_to_the_same_address_unless_the_admin_has_its_own(monkeypatch):
    from tests.test_settings import manage

    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)

    show = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    same = manage("shell", "-c", show, DJANGO_SETTINGS_MODULE="portal.settings.dev", PORTAL_SITE_URL="https://gh.dk/")
    assert same.stdout.strip().splitlines()[-1] == "https://gh.dk", same.stderr
    own = manage(
        "shell",
        "-c",
        show,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORTAL_SITE_URL="https://gh.dk",
        WAGTAILADMIN_BASE_URL="https://redaktion.gh.dk",
    )
    assert own.stdout.strip().splitlines()[-1] == "https://redaktion.gh.dk", own.stderr
