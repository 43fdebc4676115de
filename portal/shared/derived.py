"""Values derived from published content (the menu, the home page's methods, the facet labels, the synonym table,
an index page's address), computed once and kept until published content changes.

`forget()` is a step of the publishing pipeline (portal/home/publishing.py): a generation number is part of every
key, so one increment makes every earlier value unreachable. The values live in Django's default cache (Redis in
production, shared by every worker).
"""

from django.core.cache import cache

from portal.shared.generation import Generation

GENERATION = Generation("derived:generation")


def remembered(name: str, compute, timeout: int = 3600):
    """The value `compute()` gives, kept under `name` until published content next changes (or `timeout` s)."""
    key = f"derived:{GENERATION.current()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def forget(**kwargs) -> None:
    """Forget every derived value (the arguments of a signal are ignored)."""
    GENERATION.bump()
