from django.urls import reverse


def portal(request):
    """Navigation shared by every public page (cheap: one query for the home page's children, cached per request)."""
    return {"main_navigation": _main_navigation, "search_url": reverse("search")}


def _main_navigation():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().only("title", "url_path", "path", "depth"))
