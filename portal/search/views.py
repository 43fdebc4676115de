"""/soeg/: one search over stories, methods and events, with facets, as HTML and as JSON.

An engine that is down degrades the search to the database engine with a notice; it never breaks the page. A search
past the limits (portal/search/limits.py) is answered 400 with the Danish reason, before any engine is asked.
"""

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from methods.models import MethodPage
from portal.search import failover, limits, spelling
from portal.search.facets import FACETS
from portal.search.parsing import clean
from portal.search.presentation import (
    as_json,
    facet_groups,
    facet_value_labels,
    nearest_taxonomy,
    page_of,
    relaxed_queries,
)
from portal.search.query import SearchParams
from portal.shared import page_cache
from portal.shared.client import rate_key
from portal.taxonomy.models import TargetGroup


def wants_json(request) -> bool:
    return request.GET.get("format") == "json" or "application/json" in request.headers.get("Accept", "")


def _cacheable(request, response):
    """Search results hold no personal data: shared caches may keep them briefly, but never a logged-in page."""
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=60)
    patch_vary_headers(response, ["Accept", "Cookie"])
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@ratelimit(key=rate_key, rate=lambda group, request: settings.PORTAL_RATE_SEARCH, block=True)
@page_cache.reads("q", "side", "sortering", "format", *FACETS)
def search(request):
    labels = facet_value_labels()
    try:
        params = SearchParams.from_querydict(request.GET, known=labels)
    except limits.SearchLimitExceeded as refused:
        return _refused(request, refused)
    _settle_query(request, params)
    engine, results = failover.search(params)
    if wants_json(request):
        return _cacheable(request, JsonResponse(as_json(results, labels, request)))

    context = {
        "params": params,
        "query": params.q,
        "results": results,
        "facet_groups": facet_groups(results, labels),
        "page_obj": page_of(results),
        "searched": bool(params.q or params.filters),
        "did_you_mean_query": params.querystring(q=results.did_you_mean, side=None) if results.did_you_mean else "",
    }
    if context["searched"] and results.total == 0:
        context["relaxed"] = relaxed_queries(params, labels, lambda wider: failover.count(engine, wider))
        context["nearest"] = nearest_taxonomy(params.q)
    return _cacheable(request, render(request, "search/search.html", context))


def _settle_query(request, params: SearchParams) -> None:
    """Make the request say what is searched (unknown facet values and junk dropped): the page's links are built from
    it, and the page cache keeps the answer under it, so `aar=<junk>` makes no entry of its own."""
    as_json = "json" if request.GET.get("format") == "json" else None
    canonical = QueryDict(params.querystring(side=params.page if params.page > 1 else None, format=as_json))
    request.GET = canonical
    page_cache.rendered_as(request, canonical)


def _refused(request, refused: limits.SearchLimitExceeded):
    """The Danish reason, with the search form to shorten the search in; nothing was searched."""
    if wants_json(request):
        response = JsonResponse({"error": refused.message, "limits": limits.as_dict()}, status=400)
    else:
        context = {"query": clean(request.GET.get("q", ""))[: 4 * limits.MAX_QUERY_CHARS], "refused": refused.message}
        response = render(request, "search/search.html", context, status=400)
    return _cacheable(request, response)


@require_GET
@ratelimit(key=rate_key, rate=lambda group, request: settings.PORTAL_RATE_SEARCH, block=True)
@page_cache.reads("q")
def suggestions(request):
    """Autocomplete while typing: target groups and methods that begin with what was typed, the search with its last
    word completed (or corrected) from the indexed vocabulary, then titles."""
    prefix = clean(request.GET.get("q", ""))
    found: list[str] = []
    if len(prefix) >= 2:
        try:
            found += failover.suggest(prefix)
        except limits.SearchLimitExceeded as refused:
            return JsonResponse({"q": "", "suggestions": [], "error": refused.message}, status=400)
        found[:0] = [
            *TargetGroup.objects.filter(name__icontains=prefix).values_list("name", flat=True)[:4],
            *MethodPage.objects.live().filter(title__icontains=prefix).values_list("title", flat=True)[:4],
            *spelling.suggested_searches(prefix),
        ]
    unique = list(dict.fromkeys(found))[:10]
    return _cacheable(request, JsonResponse({"q": prefix, "suggestions": unique}))
