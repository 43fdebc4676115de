"""The taxonomy's facets: target group (with its sub-groups), region and jobcenter (portal/shared/facets.py)."""

from django.db.models import Q
from wagtail.models import Page

from portal.shared.facets import Facet, many_to_many
from portal.shared.filters import related_to_any
from portal.taxonomy.models import GroupTree, JobcenterPage, RegionPage, TargetGroup


class TargetGroupFacet(Facet):
    name = "maalgruppe"
    label = "Målgruppe"

    def choices(self):
        return list(TargetGroup.objects.order_by("sort_order", "name").values_list("slug", "name"))

    def form_choices(self):
        """The listing's form shows the groups in one list, so a sub-group names its parent ("Aktivitetsparate ›
        Over fem år", as the group's own name reads everywhere in the admin)."""
        rows = TargetGroup.objects.order_by("sort_order", "name").values_list("slug", "name", "parent__name")
        return [(slug, f"{parent} › {name}" if parent else name) for slug, name, parent in rows]

    def filter(self, queryset, values):
        return related_to_any(queryset, "target_groups", GroupTree().under(values))

    def indexer(self):
        tree = GroupTree()

        def values(page) -> list[str]:
            groups = many_to_many(page, "target_groups")
            return sorted({slug for group in groups for slug in tree.chain(group.pk) or [group.slug]})

        return values


class PlaceIndexer:
    """The place (a region or jobcenter page) a page belongs to, and so its facet value: the place it sits under in
    the page tree (a story sits under its jobcenter, which sits under its region; an event under its region)."""

    def __init__(self, facet: "PlaceFacet"):
        self.places = {place.path: place for place in facet.model.objects.all()}

    def place(self, page) -> Page | None:
        for depth in range(len(page.path) // page.steplen - 1, 0, -1):
            if place := self.places.get(page.path[: depth * page.steplen]):
                return place
        return None

    def __call__(self, page) -> list[str]:
        place = self.place(page)
        return [place.slug] if place else []


class PlaceFacet(Facet):
    """A region or jobcenter: one at a time in a listing; a page belongs to it when it sits under it."""

    multiple = False
    model: type[Page]

    def choices(self):
        return list(self.model.objects.live().order_by("title").values_list("slug", "title"))

    def filter(self, queryset, values):
        paths = self.model.objects.live().filter(slug__in=values).values_list("path", flat=True)
        under = Q(pk__in=[])
        for path in paths:
            under |= Q(path__startswith=path)
        return queryset.filter(under)

    def indexer(self):
        return PlaceIndexer(self)


class RegionFacet(PlaceFacet):
    name = "region"
    label = "Region"
    empty_label = "Alle regioner"
    model = RegionPage


class JobcenterFacet(PlaceFacet):
    name = "jobcenter"
    label = "Jobcenter"
    empty_label = "Alle jobcentre"
    model = JobcenterPage


TARGET_GROUP = TargetGroupFacet()
REGION = RegionFacet()
JOBCENTER = JobcenterFacet()
