"""One facet contract for every page that filters: the story listing, the method listing and the search page on each
engine. The same pages and the same facet choices show the same pages, each surface showing its own page types:
target groups with their sub-groups, methods, regions, jobcenters, combinations, and unknown values ignored.

Each facet is declared once (portal/shared/facets.py); this suite is what holds the surfaces to that declaration.
"""

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command

from methods.filters import MethodFilter
from methods.models import MethodPage
from portal.events.models import EventPage
from portal.search.facets import FACETS
from stories.filters import StoryFilter
from stories.models import StoryPage
from tests import factories as f
from tests.search.conftest import search_engine


@dataclass
class Surface:
    """A page that filters: which page types it shows, which facets it offers and the pages it shows for a query."""

    name: str
    path: str
    types: tuple
    facets: tuple[str, ...]
    searches: bool  # the search page: reads the search index (rebuilt from the corpus) and answers as JSON

    def shown(self, client, query: str) -> set[int]:
        if not self.searches:
            response = client.get(f"{self.path}?{query}")
            assert response.status_code == 200
            return {page.pk for page in response.context["page_obj"].object_list}
        shown, page, pages = set(), 1, 1
        while page <= pages:
            data = client.get(f"{self.path}?{query}&format=json&side={page}").json()
            shown |= {result["id"] for result in data["results"]}
            page, pages = page + 1, data["pages"]
        return shown


STORIES = Surface("historier", "/historier/", (StoryPage,), tuple(StoryFilter.base_filters), searches=False)
METHODS = Surface("metoder", "/metoder/", (MethodPage,), tuple(MethodFilter.base_filters), searches=False)
SEARCH = Surface("soeg", "/soeg/", (StoryPage, MethodPage, EventPage), FACETS, searches=True)
SURFACES = {
    "historier": (STORIES, None),
    "metoder": (METHODS, None),
    "soeg-database": (SEARCH, "database"),
    "soeg-opensearch": (SEARCH, "opensearch"),
}


@pytest.fixture
def surface(request, settings):
    surface, engine = SURFACES[request.param]
    settings.PORTAL_LISTING_PAGE_SIZE = 50
    if engine is None:
        yield surface
    else:
        with search_engine(engine, settings):
            yield surface


@pytest.fixture
def pages(tree, surface):
    """Six stories in three jobcenters of two regions, four methods and an event: every facet, a sub-group, a page
    with two groups, a group no method has and an event under its region."""
    t = tree
    pages = {
        "varde_aktiv": f.StoryPageFactory(
            parent=t.varde, title="Mikroaktivering i Varde", target_groups=[t.aktivitetsparate], methods=[t.parallel]
        ),
        "varde_fem": f.StoryPageFactory(parent=t.varde, title="Fem år på kontanthjælp", target_groups=[t.over_fem_aar]),
        "varde_to": f.StoryPageFactory(
            parent=t.varde,
            title="Kaffe og praktik",
            target_groups=[t.aktivitetsparate, t.misbrug],
            methods=[t.parallel],
        ),
        "odense_misbrug": f.StoryPageFactory(
            parent=t.odense, title="Hold for misbrugere", target_groups=[t.misbrug], methods=[t.parallel]
        ),
        "aalborg_unge": f.StoryPageFactory(
            parent=t.aalborg, title="Unge med mentor", target_groups=[t.unge], methods=[t.mentor]
        ),
        "aalborg_virk": f.StoryPageFactory(
            parent=t.aalborg, title="Virksomheder tager imod", target_groups=[t.aktivitetsparate]
        ),
        "mentor": t.mentor,  # for young people
        "parallel": t.parallel,  # for the activity-ready
        "lang": f.MethodPageFactory(
            parent=t.methods_index, title="Lange forløb", slug="lange-forloeb", target_groups=[t.over_fem_aar]
        ),
        "behandling": f.MethodPageFactory(
            parent=t.methods_index, title="Behandling og job", slug="behandling-og-job", target_groups=[t.misbrug]
        ),
        "event": f.EventPageFactory(parent=t.syd, title="Den gode histories dag"),
    }
    if surface.searches:
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    return pages


EVERYTHING = "*"

# (query, the pages it shows, each surface showing those of its own types).
CASES = [
    # A target group includes its sub-groups; a sub-group does not include its parent.
    ("maalgruppe=aktivitetsparate", {"varde_aktiv", "varde_fem", "varde_to", "aalborg_virk", "parallel", "lang"}),
    ("maalgruppe=over-fem-aar", {"varde_fem", "lang"}),
    # Several values of a facet widen the choice.
    (
        "maalgruppe=borgere-med-misbrug&maalgruppe=unge-under-30",
        {"varde_to", "odense_misbrug", "aalborg_unge", "mentor", "behandling"},
    ),
    ("metode=parallelle-indsatser", {"varde_aktiv", "varde_to", "odense_misbrug"}),
    ("metode=mentor&metode=parallelle-indsatser", {"varde_aktiv", "varde_to", "odense_misbrug", "aalborg_unge"}),
    ("region=nordjylland", {"aalborg_unge", "aalborg_virk"}),
    ("region=syddanmark", {"varde_aktiv", "varde_fem", "varde_to", "odense_misbrug", "event"}),
    ("jobcenter=jobcenter-varde", {"varde_aktiv", "varde_fem", "varde_to"}),
    ("jobcenter=jobcenter-odense", {"odense_misbrug"}),
    # Facets narrow each other.
    ("region=syddanmark&metode=parallelle-indsatser&maalgruppe=borgere-med-misbrug", {"varde_to", "odense_misbrug"}),
    ("maalgruppe=aktivitetsparate&region=nordjylland", {"aalborg_virk"}),
    ("maalgruppe=over-fem-aar&jobcenter=jobcenter-varde", {"varde_fem"}),
    ("region=nordjylland&jobcenter=jobcenter-varde", set()),
    # Unknown and malformed values are ignored: the valid ones still filter, and alone they filter nothing.
    (
        "maalgruppe=aktivitetsparate&maalgruppe=EVIL",
        {"varde_aktiv", "varde_fem", "varde_to", "aalborg_virk", "parallel", "lang"},
    ),
    ("maalgruppe=over-fem-aar&region=atlantis&metode=findes-ikke", {"varde_fem", "lang"}),
    ("maalgruppe=findes-ikke", EVERYTHING),
    ("maalgruppe=%3Cscript%3E&maalgruppe=", EVERYTHING),
    ("metode=findes-ikke", EVERYTHING),
    ("region=atlantis", EVERYTHING),
    ("jobcenter=EVIL&region=", EVERYTHING),
]


def facets_of(query: str) -> set[str]:
    return {part.split("=")[0] for part in query.split("&")}


@pytest.mark.parametrize("surface", list(SURFACES), indirect=True)
def test_the_same_choices_show_the_same_pages(client, surface, pages):
    """Every case on the surface (one corpus for all of them: building it is most of the time), each case that
    chooses a facet the surface does not offer left out. All differences are reported at once."""
    own = {name: page.pk for name, page in pages.items() if isinstance(page, surface.types)}
    differences = []
    for query, expected in CASES:
        if not facets_of(query) <= set(surface.facets):
            continue
        wanted = {own[name] for name in (own if expected == EVERYTHING else expected) if name in own}
        shown = surface.shown(client, query)
        if shown != wanted:
            names = {pk: name for name, pk in own.items()}
            differences.append(
                f"{query}: shows {sorted(names.get(pk, pk) for pk in shown)}, expected {sorted(expected)}"
            )
    assert not differences, "\n".join(differences)


def test_every_surface_is_held_to_every_shared_facet():
    """The listings' facets are the search's facets (and the method listing's evidence level, which only methods
    have): a facet added to a surface without a case here would escape the contract."""
    shared = {"maalgruppe", "metode", "region", "jobcenter"}
    assert set(STORIES.facets) - {"tag"} == shared
    assert set(METHODS.facets) == {"maalgruppe", "evidens"}
    assert shared <= set(SEARCH.facets)
    for facet in shared:
        assert any(facet in facets_of(query) for query, _ in CASES), facet
