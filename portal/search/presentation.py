"""Turning engine results into what the page and the JSON show: facet labels, no-result help, JSON shape."""

from django.core.paginator import Paginator

from methods.models import MethodPage
from portal.search.facets import BY_NAME, SEARCH_FACETS
from portal.search.query import SearchParams, SearchResults
from portal.search.text import stems
from portal.shared import derived
from portal.shared.site_address import site_url
from portal.taxonomy.models import TargetGroup


def facet_value_labels() -> dict[str, dict[str, str]]:
    """value -> label for every facet, in display order: the values a search may choose (others are ignored). Read
    with five queries and kept until published content next changes (at 50,000 stories the jobcenters and methods
    alone are 700 rows)."""
    return derived.remembered("facet-labels", _read_facet_value_labels)


def _read_facet_value_labels() -> dict[str, dict[str, str]]:
    return {facet.name: dict(facet.choices()) for facet in SEARCH_FACETS}


def facet_groups(results: SearchResults, labels: dict[str, dict[str, str]]) -> list[dict]:
    groups = []
    for facet in BY_NAME:
        counts = results.facets.get(facet, {})
        chosen = set(results.params.filters.get(facet, ()))
        values = list(labels[facet]) + sorted(set(counts) - set(labels[facet]), reverse=True)
        values += [v for v in chosen if v not in values]
        options = [
            {
                "value": value,
                "label": labels[facet].get(value, value),
                "count": counts.get(value, 0),
                "selected": value in chosen,
            }
            for value in values
            if counts.get(value, 0) or value in chosen
        ]
        groups.append({"name": facet, "label": BY_NAME[facet].label, "options": options, "chosen": len(chosen)})
    return groups


def page_of(results: SearchResults):
    """A Django Page object for the pagination template, without fetching anything."""
    return Paginator(range(results.shown), results.params.page_size).get_page(results.params.page)


def nearest_taxonomy(q: str) -> dict[str, list]:
    """Target groups and methods whose names or descriptions share a word stem with the query."""
    wanted = set(stems(q))
    if not wanted:
        return {"target_groups": [], "methods": []}
    groups = [g for g in TargetGroup.objects.all() if wanted & set(stems(f"{g.name} {g.description}"))]
    methods = [m for m in MethodPage.objects.live() if wanted & set(stems(f"{m.title} {m.summary}"))]
    return {"target_groups": groups[:5], "methods": methods[:5]}


def _absolute(url: str | None) -> str | None:
    """A result's full address under PORTAL_SITE_URL (never the request's Host header, which the client writes)."""
    if not url:
        return None
    return site_url(url) if url.startswith("/") else url


def as_json(results: SearchResults, labels, request) -> dict:
    """The results for programs. Full addresses are built from PORTAL_SITE_URL, never from the Host header."""
    params = results.params

    def link(page):
        if 1 <= page <= results.pages and page != params.page:
            return site_url(f"{request.path}?{params.querystring(side=page, format='json')}")
        return None

    return {
        "query": {"q": params.q, "filters": {k: list(v) for k, v in params.filters.items()}, "sort": params.sort},
        "engine": results.engine,
        "notice": results.notice,
        "did_you_mean": results.did_you_mean,
        "left_out": results.left_out,
        "total": results.total,
        "page": params.page,
        "pages": results.pages,
        "page_size": params.page_size,
        "next": link(params.page + 1),
        "previous": link(params.page - 1),
        "results": [
            {
                "id": hit.page_id,
                "type": hit.type,
                "title": hit.title,
                "url": _absolute(hit.url),
                "snippet_html": hit.snippet_html,
                **{key: hit.display.get(key) for key in ("jobcenter", "evidence", "target_groups", "region")},
            }
            for hit in results.hits
        ],
        "facets": {
            group["name"]: [{k: o[k] for k in ("value", "label", "count", "selected")} for o in group["options"]]
            for group in facet_groups(results, labels)
        },
    }


def relaxed_queries(params: SearchParams, labels, count) -> list[dict]:
    """For a search without results: how many results it would give without each chosen facet. One count per
    chosen facet (six at most), however many values the URL holds: dropping one of several values in a facet would
    only narrow the search further."""
    relaxed = []
    for facet, values in params.filters.items():
        wider = params.without(facet)
        relaxed.append(
            {
                "label": f"{BY_NAME[facet].label}: {' eller '.join(labels[facet].get(v, v) for v in values)}",
                "count": count(wider),
                "querystring": wider.querystring(),
            }
        )
    return relaxed
