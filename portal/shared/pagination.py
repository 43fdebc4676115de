from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int | None = None) -> Page:
    """One page of `items` chosen by the `side` query parameter; out-of-range pages give the last page."""
    paginator = Paginator(items, per_page or settings.PORTAL_LISTING_PAGE_SIZE)
    return paginator.get_page(request.GET.get("side"))
