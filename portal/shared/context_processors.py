from django.urls import reverse
from wagtail.models import Site

from portal.shared import derived


def portal(request):
    """Navigation shared by every public page. Lazy: the menu is read only when a template shows it, from the
    request's own site (Wagtail caches that lookup on the request)."""
    return {"main_navigation": lambda: _main_navigation(request), "portal_search_url": reverse("search")}


def _main_navigation(request):
    """The site root's live menu pages, kept until published content next changes (portal/shared/derived.py).
    Reading a root's children scans its whole subtree (treebeard's path range holds every descendant): 14 ms on
    every page at 50,000 stories."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return derived.remembered(
        f"main-navigation:{site.pk}",
        lambda: list(site.root_page.get_children().live().in_menu().only("title", "url_path", "path", "depth")),
    )
