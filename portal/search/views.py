"""/soeg/: one search over stories, methods and events, with facets, as HTML and as JSON.

An engine that is down degrades the search to the database engine with a notice; it never breaks the page.
"""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from methods.models import MethodPage
from portal.search.engines import database_engine, get_engine
from portal.search.presentation import (
    as_json,
    facet_groups,
    facet_value_labels,
    nearest_taxonomy,
    page_of,
    relaxed_queries,
)
from portal.search.query import SearchParams
from portal.taxonomy.models import TargetGroup

logger = logging.getLogger(__name__)
FALLBACK_NOTICE = (
    "Søgemaskinen svarer ikke lige nu. Du ser resultater fra portalens enklere søgning, som kan være mindre præcise."
)


def run_search(params: SearchParams):
    """Search with the configured engine, or with the database engine when that engine fails."""
    engine = get_engine()
    try:
        return engine, engine.search(params)
    except Exception:
        if engine.name == "database":
            raise
        logger.exception("Search engine %s failed; falling back to the database engine", engine.name)
        fallback = database_engine()
        results = fallback.search(params)
        results.notice = FALLBACK_NOTICE
        return fallback, results


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
@ratelimit(key="ip", rate=lambda group, request: settings.PORTAL_RATE_SEARCH, block=True)
def search(request):
    params = SearchParams.from_querydict(request.GET)
    engine, results = run_search(params)
    labels = facet_value_labels()
    if wants_json(request):
        return _cacheable(request, JsonResponse(as_json(results, labels, request)))

    context = {
        "params": params,
        "query": params.q,
        "results": results,
        "facet_groups": facet_groups(results, labels),
        "page_obj": page_of(results),
        "searched": bool(params.q or params.filters),
    }
    if context["searched"] and results.total == 0:
        context["relaxed"] = relaxed_queries(engine, params, labels)
        context["nearest"] = nearest_taxonomy(params.q)
    return _cacheable(request, render(request, "search/search.html", context))


@require_GET
@ratelimit(key="ip", rate=lambda group, request: settings.PORTAL_RATE_SEARCH, block=True)
def suggestions(request):
    """Autocomplete while typing: titles, target groups and methods that begin with what was typed."""
    prefix = " ".join(request.GET.get("q", "").split())[:60]
    found: list[str] = []
    if len(prefix) >= 2:
        found += TargetGroup.objects.filter(name__icontains=prefix).values_list("name", flat=True)[:4]
        found += MethodPage.objects.live().filter(title__icontains=prefix).values_list("title", flat=True)[:4]
        try:
            found += get_engine().suggest(prefix)
        except Exception:
            found += database_engine().suggest(prefix)
    unique = list(dict.fromkeys(found))[:10]
    return _cacheable(request, JsonResponse({"q": prefix, "suggestions": unique}))
