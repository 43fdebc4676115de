from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from portal.shared.site_address import site_url


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('search')}",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {site_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """400 in Danish (a malformed request, an unknown Host header). Like the 500 page it needs no context processors
    or database: the request itself may be what cannot be read."""
    return _plain_error("400.html", 400)


def server_error(request):
    # No context processors or database: the error may come from them.
    return _plain_error("500.html", 500)


def _plain_error(template: str, status: int) -> HttpResponse:
    try:
        content = loader.get_template(template).render()
    except Exception:  # e.g. a static manifest without the stylesheet: the Danish words still reach the visitor
        content = "Der opstod en fejl. Prøv igen om lidt."
        return HttpResponse(content, status=status, content_type="text/plain; charset=utf-8")
    return HttpResponse(content, status=status)


RATE_LIMITED_MESSAGE = "Du har sendt mange forespørgsler på kort tid. Vent et minut, og prøv så igen."
JSON_ONLY_VIEWS = ("search_suggestions",)  # URL names of views that answer only JSON


def _wants_json(request) -> bool:
    return (
        request.GET.get("format") == "json"
        or "application/json" in request.headers.get("Accept", "")
        or getattr(request.resolver_match, "url_name", None) in JSON_ONLY_VIEWS
    )


def rate_limited(request, exception=None):
    """429 in Danish when a client sends more requests than a person would (django-ratelimit's RATELIMIT_VIEW); a
    program that asked for JSON gets the same message as JSON."""
    if _wants_json(request):
        response = JsonResponse({"error": RATE_LIMITED_MESSAGE, "retry_after": 60}, status=429)
    else:
        response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


@never_cache
@require_GET
def health(request):
    """For a load balancer's health check, and the benchmark's ceiling: the smallest answer the whole middleware
    stack can give. It touches neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
