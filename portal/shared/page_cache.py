"""A whole-page cache for anonymous visitors, emptied whenever published content changes.

Anonymous GET requests for public pages are answered from the cache (`X-Page-Cache: hit`). Nothing is cached for a
logged-in user, for a response that sets a cookie or says private/no-store, or under /admin/, /mine-historier/,
/log-ind/ and the document and media paths. A logged-in user's answers and the personal pages (/mine-historier/, the
login) are sent `Cache-Control: private, no-store`, so no browser or proxy keeps them either.

Every publish, unpublish, move or delete of a page, and every change to a target group, an approved adaptation or a
synonym group, bumps a generation number that is part of every key (`purge`, a step of the publishing pipeline in
portal/home/publishing.py): what was cached before is never served again. Publishing is rare next to reading, so
emptying everything is the simple, safe choice.

Only the query parameters a page reads are part of its key. Each view declares them (`cache_parameters` on a page
model, read by a `before_serve_page` hook; `@reads(...)` on a view function); their values are normalised (stripped,
emptied ones dropped, repeated ones de-duplicated and sorted, `side` as a number) and anything else in the URL
(`utm_source=…`, junk) is dropped before the view sees the request, so it neither makes a new entry nor ends up in the
page's links. The first request for an address learns what its view declared; a view that declares nothing is cached
only for requests without a query string.

A listing also says what it actually showed (`rendered_as`: unknown filter values dropped, a page number past the
end settled on the last page), and its answer is kept under that query: `?side=99999` or a junk `maalgruppe=` makes
no entry of its own. What a page does read can still vary without end (a search word, a facet value on a page
that does not check them): each address keeps at most `PORTAL_PAGE_CACHE_VARIANTS` entries with a query string
per generation, counted atomically in the cache; beyond that it is served uncached (the address without a query
string is always cached).
The key holds the host name without its port: Django has already checked the name against ALLOWED_HOSTS, but not the
port, so `Host: 127.0.0.1:<any port>` makes no new entry (nothing on a page is built from the Host header).

The cache is Django's default cache: Redis in production (shared by every worker, so one publish empties the cache
for all of them), memory in development. `PORTAL_PAGE_CACHE_SECONDS=0` switches it off.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from portal.shared.generation import Generation

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
# A visitor's own pages: never kept by a browser or a proxy either (Cache-Control: private, no-store).
PERSONAL_PREFIXES = ("/mine-historier/", "/log-ind/", "/log-ud/")
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "X-Robots-Tag", "Cache-Control", "Vary", "Content-Language")


GENERATION = Generation("page-cache:generation")


def generation() -> int:
    return GENERATION.current()


def purge(**kwargs) -> None:
    """Forget every cached page (the arguments of a signal are ignored)."""
    GENERATION.bump()


UNDECLARED = "*"  # a view that declared no parameters: cached only without a query string
DECLARED_ATTRIBUTE = "_page_cache_parameters"


def declare(request, names) -> None:
    """Say which query parameters the view serving `request` reads (every other one is dropped when cached)."""
    setattr(request, DECLARED_ATTRIBUTE, tuple(sorted(set(names))))


CANONICAL_ATTRIBUTE = "_page_cache_rendered_as"


def rendered_as(request, data: QueryDict) -> None:
    """Tell the cache what the view actually rendered (its unknown values dropped, a page number past the end
    settled on the last page): the answer is kept under that query, so junk in the URL makes no entry of its own."""
    declared = getattr(request, DECLARED_ATTRIBUTE, None)
    if declared is not None:
        setattr(request, CANONICAL_ATTRIBUTE, normalised_query(data, declared))


def reads(*names):
    """Decorator for a view function: the query parameters it reads."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            declare(request, names)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _page_number(value: str) -> str:
    """`side` as the paginators read it: an integer, or nothing (the first page) when it is not one."""
    try:
        return str(int(value[:12]))
    except ValueError:
        return ""


NORMALISERS = {"side": _page_number}


def normalised_query(data: QueryDict, names) -> str:
    """The query string of the declared parameters only, each value normalised, in a fixed order."""
    pairs = []
    for name in sorted(names):
        normalise = NORMALISERS.get(name, lambda value: " ".join(value.split()))
        values = sorted({normalise(value) for value in data.getlist(name)} - {""})
        pairs += [(name, value) for value in values]
    return urlencode(pairs)


def _digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _address(request) -> str:
    hostname, _port = split_domain_port(request.get_host())
    return f"{hostname}|{request.path}"


def _variants_key(request, gen: int) -> str:
    return f"page-cache:{gen}:variants:{_digest(request.path)}"


def _may_add_variant(request, gen: int, query: str) -> bool:
    """Count one more cached variant of this address; False once it has its share (then it is served uncached)."""
    if not query:
        return True
    key = _variants_key(request, gen)
    cache.add(key, 0, settings.PORTAL_PAGE_CACHE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted or expired between add and incr: start again
        cache.set(key, 1, settings.PORTAL_PAGE_CACHE_SECONDS)
        count = 1
    return count <= settings.PORTAL_PAGE_CACHE_VARIANTS


def _declared_key(request, gen: int) -> str:
    return f"page-cache:{gen}:reads:{_digest(_address(request))}"


def _key(request, gen: int, query: str) -> str:
    kind = "json" if "application/json" in request.headers.get("Accept", "") else "html"
    return f"page-cache:{gen}:page:{_digest(_address(request), query, kind)}"


def _narrow(request, query: str) -> None:
    """Let the view see only the declared, normalised parameters: what it renders is what the key says."""
    request.GET = QueryDict(query)
    request.META["QUERY_STRING"] = query


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
            response = self.get_response(request)
            if request.path.startswith(PERSONAL_PREFIXES) or request.user.is_authenticated:
                patch_cache_control(response, private=True, no_store=True)
            return response
        gen = generation()
        declared = cache.get(_declared_key(request, gen))
        if declared is None:
            return self._learn(request, gen)
        if declared == UNDECLARED:
            if request.META.get("QUERY_STRING"):
                return self.get_response(request)
            query = ""
        else:
            query = normalised_query(request.GET, declared)
            _narrow(request, query)
        key = _key(request, gen, query)
        cached = cache.get(key)
        if cached is not None:
            response = HttpResponse(cached["content"])
            for header, value in cached["headers"]:
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        return self._store(key, self.get_response(request), request, gen, query)

    def _learn(self, request, gen):
        """The first request for an address: serve it, note what its view declared, and keep the answer only if
        the URL held nothing else."""
        response = self.get_response(request)
        if not _cacheable_response(response):
            return response
        declared = getattr(request, DECLARED_ATTRIBUTE, None)
        remembered_as = UNDECLARED if declared is None else declared
        cache.set(_declared_key(request, gen), remembered_as, settings.PORTAL_PAGE_CACHE_SECONDS)
        query = normalised_query(request.GET, declared or ())
        if query == request.META.get("QUERY_STRING", "") or hasattr(request, CANONICAL_ATTRIBUTE):
            return self._store(_key(request, gen, query), response, request, gen, query)
        return response

    def _store(self, key, response, request, gen, query):
        canonical = getattr(request, CANONICAL_ATTRIBUTE, None)
        if canonical is not None and canonical != query:  # kept under what was rendered
            key, query = _key(request, gen, canonical), canonical
        if _cacheable_response(response) and _may_add_variant(request, gen, query):
            headers = [(header, response[header]) for header in KEPT_HEADERS if header in response]
            cache.set(key, {"content": response.content, "headers": headers}, settings.PORTAL_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
