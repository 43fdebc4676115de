from wagtail import hooks

from portal.shared import page_cache


@hooks.register("before_serve_page")
def declare_cache_parameters(page, request, serve_args, serve_kwargs):
    """A page's `cache_parameters` are the query parameters it reads (none unless it says so): the page cache keys
    on those alone."""
    page_cache.declare(request, getattr(page, "cache_parameters", ()))
