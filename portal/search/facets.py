"""The search page's facets, in the order the page shows them: the shared ones (target group, method, region,
jobcenter; declared where their values live) and the search's own, type and year (portal/shared/facets.py)."""

import re

from methods.facets import METHOD
from methods.models import MethodPage
from portal.events.models import EventPage
from portal.search.models import SearchFacetValue
from portal.shared.facets import Facet, by_name
from portal.taxonomy.facets import JOBCENTER, REGION, TARGET_GROUP
from stories.models import StoryPage

TYPES = {"historie": StoryPage, "metode": MethodPage, "arrangement": EventPage}


class TypeFacet(Facet):
    name = "type"
    label = "Type"
    labels = {"historie": "Historie", "metode": "Metode", "arrangement": "Arrangement"}

    def choices(self):
        return list(self.labels.items())

    def values_of(self, page):
        return [value for value, model in TYPES.items() if type(page) is model]


class YearFacet(Facet):
    """The year a page is about: a story's start, a method's first publication, an event's day."""

    name = "aar"
    label = "År"
    pattern = re.compile(r"^[0-9]{4}$")
    dates = {StoryPage: "period_start", MethodPage: "first_published_at", EventPage: "start"}

    def choices(self):
        """The years that some indexed page carries, newest first."""
        years = SearchFacetValue.objects.filter(facet=self.name).values_list("value", flat=True).distinct()
        return [(year, year) for year in sorted(set(years), reverse=True)]

    def values_of(self, page):
        day = getattr(page, self.dates[type(page)], None)
        return [str(day.year)] if day else []


TYPE = TypeFacet()
YEAR = YearFacet()

SEARCH_FACETS = (TYPE, TARGET_GROUP, METHOD, REGION, JOBCENTER, YEAR)
BY_NAME = by_name(SEARCH_FACETS)
FACETS = tuple(BY_NAME)  # the facets' names, which are their URL parameters
