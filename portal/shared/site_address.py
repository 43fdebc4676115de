"""The portal's own address (PORTAL_SITE_URL): one setting for every link that leaves the page it is on.

Wagtail builds full URLs (the sitemap, `.ics` calendars, the printable programme, the links in e-mails) from its
Site record's host name and port; `apply_site_address()` writes the setting into the default Site (the demo loader
and `manage.py set_site_address` call it). Feeds and robots.txt read the setting directly. Wagtail's Site can say
http on any port or https on 443, so the address must be one of those.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site


def site_url(path: str = "") -> str:
    """`path` (beginning with /) under the portal's address."""
    return settings.PORTAL_SITE_URL.rstrip("/") + path


def host_and_port() -> tuple[str, int]:
    parts = urlsplit(settings.PORTAL_SITE_URL)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"PORTAL_SITE_URL must be http(s)://host[:port], not {settings.PORTAL_SITE_URL!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured("PORTAL_SITE_URL: Wagtail can only link to https on port 443.")
    return parts.hostname, port


def apply_site_address() -> str:
    """Point the default Wagtail Site at PORTAL_SITE_URL; returns the Site's root URL."""
    hostname, port = host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Wagtail clears its cached site root paths on save
    return site.root_url
