"""Facets: the ways a listing or the search page narrows what it shows, each declared once.

A facet has a name (its Danish URL parameter), a Danish label and values (slug, label). The listings filter a
queryset with it (portal/shared/filters.py turns a facet into a django-filter filter); the search indexes the values
each page carries and filters on those. Both read the same declaration, so a rule such as "a target group includes
its sub-groups" is written once, in the facet.

Each facet is declared in the layer that owns its values: target group, region and jobcenter in
portal/taxonomy/facets.py, method and evidence level in methods/facets.py, type and year in portal/search/facets.py
(which also lists the search page's facets in order).
"""

import re
from collections.abc import Callable, Iterable
from functools import cache

SLUG = re.compile(r"^[-\w]{1,120}$")


class Facet:
    """One facet. Subclasses say what its values are, how a listing filters on them and which values a page carries
    in its search document."""

    name: str  # the URL parameter, in Danish (`maalgruppe`)
    label: str  # the Danish label (`Målgruppe`)
    multiple: bool = True  # several values at once (checkboxes) or one (a select with `empty_label`)
    empty_label: str = ""  # a single-choice facet's "every value" option (`Alle regioner`)
    pattern: re.Pattern = SLUG  # what a well-formed value in a search URL looks like

    def choices(self) -> list[tuple[str, str]]:
        """(value, label) of every value that may be chosen, in display order."""
        raise NotImplementedError

    def form_choices(self) -> list[tuple[str, str]]:
        """The choices as a listing's filter form shows them (override when the form needs more words)."""
        return self.choices()

    def filter(self, queryset, values: list[str]):
        """The rows of `queryset` that carry any of `values` (a listing's filter; `values` is never empty)."""
        raise NotImplementedError

    def indexer(self) -> Callable[[object], list[str]]:
        """A function giving the values a page carries in its search document. What it needs is read once, when the
        function is made: a document builder makes one per batch of pages."""
        return self.values_of

    def values_of(self, page) -> list[str]:
        """The values `page` carries (for a facet that needs nothing read beforehand)."""
        raise NotImplementedError


def by_name(facets: Iterable[Facet]) -> dict[str, Facet]:
    return {facet.name: facet for facet in facets}


def many_to_many(page, field_name: str):
    """The objects `page` links to through its many-to-many `field_name` (prefetched or not), or none when the page
    type has no such field (a method page has no methods)."""
    return list(getattr(page, field_name).all()) if field_name in _many_to_many_names(type(page)) else []


@cache
def _many_to_many_names(model) -> frozenset[str]:
    return frozenset(field.name for field in model._meta.many_to_many)

