"""A whole-page cache for anonymous visitors, emptied whenever published content changes.

Anonymous GET requests for public pages are answered from the cache (`X-Page-Cache: hit`). Nothing is cached for a
logged-in user, for a response that sets a cookie or says private/no-store, or under /admin/, /mine-historier/,
/log-ind/ and the document and media paths. Every publish, unpublish, move or delete of a page, and every change to
a target group or an approved adaptation, bumps a generation number that is part of every key: what was cached
before is never served again. Publishing is rare next to reading, so emptying everything is the simple, safe choice.

The cache is Django's default cache: Redis in production (shared by every worker, so one publish empties the cache
for all of them), memory in development. `PORTAL_PAGE_CACHE_SECONDS=0` switches it off.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
UNCACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/mine-historier/",
    "/log-ind/",
    "/log-ud/",
    "/dokumenter/",
    "/media/",
    "/static/",
)
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "X-Robots-Tag", "Cache-Control", "Vary", "Content-Language")


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def purge(**kwargs) -> None:
    """Forget every cached page (signal receiver: the arguments are ignored)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def remembered(name: str, compute, timeout: int = 3600):
    """A value derived from published content (the menu, an index page's address), kept until the next publish,
    unpublish, move or delete: the generation is part of its key."""
    key = f"derived:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _key(request) -> str:
    kind = "json" if "application/json" in request.headers.get("Accept", "") else "html"
    raw = f"{request.get_host()}|{request.get_full_path()}|{kind}"
    return f"page-cache:{generation()}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _cacheable_request(request) -> bool:
    return (
        settings.PORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
    )


def _cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            response = HttpResponse(cached["content"])
            for header, value in cached["headers"]:
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(response):
            headers = [(header, response[header]) for header in KEPT_HEADERS if header in response]
            cache.set(key, {"content": response.content, "headers": headers}, settings.PORTAL_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from portal.taxonomy.models import TargetGroup
    from stories.models import StoryAdaptation

    uid = "portal-page-cache"
    page_published.connect(purge, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(purge, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(purge, dispatch_uid=f"{uid}-moved")
    post_delete.connect(purge, sender=Page, dispatch_uid=f"{uid}-deleted")
    for model in (TargetGroup, StoryAdaptation):
        post_save.connect(purge, sender=model, dispatch_uid=f"{uid}-{model.__name__}-saved")
        post_delete.connect(purge, sender=model, dispatch_uid=f"{uid}-{model.__name__}-deleted")
