"""The methods' facets: method (a story's methods) and evidence level (portal/shared/facets.py).

Not importing methods.models: the method listing's page model imports its FilterSet, which imports these. The
method pages are looked up through the app registry instead.
"""

from django.apps import apps

from portal.shared.facets import Facet, many_to_many
from portal.shared.filters import related_to_any

EVIDENCE_LEVELS = [
    ("documented", "Dokumenteret effekt"),
    ("promising", "Lovende praksis"),
    ("experience", "Erfaringsbaseret"),
]


class MethodFacet(Facet):
    """The methods a page (a story) uses."""

    name = "metode"
    label = "Metode"

    def choices(self):
        """Plain rows, not page objects: at 50,000 stories the methods are hundreds, and building them as pages
        took tens of milliseconds."""
        method_pages = apps.get_model("methods", "MethodPage").objects.live()
        return list(method_pages.order_by("title").values_list("slug", "title"))

    def filter(self, queryset, values):
        return related_to_any(queryset, "methods", values, to_field="slug")

    def values_of(self, page):
        return sorted(method.slug for method in many_to_many(page, "methods"))


class EvidenceFacet(Facet):
    """A method's evidence level."""

    name = "evidens"
    label = "Evidensniveau"

    def choices(self):
        return list(EVIDENCE_LEVELS)

    def filter(self, queryset, values):
        return queryset.filter(evidence_level__in=values)

    def values_of(self, page):
        level = getattr(page, "evidence_level", "")
        return [level] if level else []


METHOD = MethodFacet()
EVIDENCE = EvidenceFacet()
