from django.urls import reverse


def portal(request):
    """Navigation shared by every public page. Lazy: the menu is read only when a template shows it, from the
    request's own site (Wagtail caches that lookup on the request)."""
    return {"main_navigation": lambda: _main_navigation(request), "portal_search_url": reverse("search")}


def _main_navigation(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().only("title", "url_path", "path", "depth"))
