"""What the search engines index: one flat document per live story, method and event.

Both engines index the same documents, so they can keep one contract: same matches, same facets.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from wagtail.models import Page

from methods.models import MethodPage
from portal.events.models import EventPage
from portal.search.danish.compounds import split_all
from portal.search.facets import SEARCH_FACETS, TYPES
from portal.search.text import stemmed_text, words
from stories.models import StoryPage


@dataclass
class SearchDocument:
    page_id: int
    type: str
    title: str
    summary: str
    body: str
    url: str
    published_at: datetime | None
    facets: dict[str, list[str]] = field(default_factory=dict)
    display: dict = field(default_factory=dict)

    @property
    def stems(self) -> str:
        return stemmed_text(self.title, self.summary, self.body)

    @property
    def parts(self) -> str:
        """The parts of the compounds in the text, as they appear in it (portal/search/danish/compounds.py):
        "sygedagpengemodtagere" gives "syge dagpenge modtagere", so each part finds the whole."""
        return " ".join(split_all(words(f"{self.title} {self.summary} {self.body}")))


def _text(*parts) -> str:
    return " ".join(" ".join(strip_tags(str(p)).split()) for p in parts if p)


def _stream_text(stream) -> str:
    return _text(*stream.stream_block.get_searchable_content(stream))


class DocumentBuilder:
    """Builds documents for many pages with a handful of queries: each facet reads what it needs once
    (portal/search/facets.py)."""

    def __init__(self):
        self.facet_values = {facet.name: facet.indexer() for facet in SEARCH_FACETS}
        self.jobcenter_of = self.facet_values["jobcenter"].place
        self.region_of = self.facet_values["region"].place

    def _facets(self, page) -> dict[str, list[str]]:
        return {name: values(page) for name, values in self.facet_values.items()}

    def story(self, page: StoryPage) -> SearchDocument:
        jobcenter = self.jobcenter_of(page)
        groups = list(page.target_groups.all())
        methods = list(page.methods.all())
        tags = [t.name for t in page.tags.all()]
        return SearchDocument(
            page_id=page.pk,
            type="historie",
            title=page.title,
            summary=page.summary,
            body=_text(
                page.problem,
                _stream_text(page.practice),
                page.dose_progression,
                page.parallel_tracks,
                page.results_summary,
                page.success_factors,
                page.challenges,
                page.lessons,
                " ".join(g.name for g in groups),
                " ".join(m.title for m in methods),
                " ".join(tags),
                jobcenter.title if jobcenter else "",
            ),
            url=page.url,
            published_at=page.first_published_at,
            facets=self._facets(page),
            display={
                "jobcenter": jobcenter.title if jobcenter else "",
                "target_groups": [g.name for g in groups],
            },
        )

    def method(self, page: MethodPage) -> SearchDocument:
        groups = list(page.target_groups.all())
        published = page.first_published_at
        return SearchDocument(
            page_id=page.pk,
            type="metode",
            title=page.title,
            summary=page.summary,
            body=_text(
                page.description,
                page.variants,
                _stream_text(page.how_to),
                page.evidence_summary,
                " ".join(g.name for g in groups),
            ),
            url=page.url,
            published_at=published,
            facets=self._facets(page),
            display={"evidence": page.get_evidence_level_display(), "target_groups": [g.name for g in groups]},
        )

    def event(self, page: EventPage) -> SearchDocument:
        region = self.region_of(page)
        return SearchDocument(
            page_id=page.pk,
            type="arrangement",
            title=page.title,
            summary=page.theme,
            body=_text(page.body, page.venue, page.address, page.audience, page.organiser),
            url=page.url,
            published_at=page.first_published_at,
            facets=self._facets(page),
            display={"region": region.title if region else "", "date": page.start.isoformat()},
        )

    def build(self, page) -> SearchDocument:
        # A page read on its own: its relations once, for the text and the facets alike (no-op when prefetched).
        prefetch_related_objects([page], *RELATIONS.get(type(page), ()))
        return {StoryPage: self.story, MethodPage: self.method, EventPage: self.event}[type(page)](page)


# The relations a document reads: prefetched for every page type that has them.
RELATIONS = {StoryPage: ("target_groups", "methods", "tags"), MethodPage: ("target_groups",)}


def searchable_pages():
    """Every live page that the search covers, specific and with its relations prefetched, in batches."""
    yield from StoryPage.objects.live().prefetch_related(*RELATIONS[StoryPage]).iterator(chunk_size=500)
    yield from MethodPage.objects.live().prefetch_related(*RELATIONS[MethodPage]).iterator(chunk_size=500)
    yield from EventPage.objects.live().iterator(chunk_size=500)


def searchable_count() -> int:
    return sum(model.objects.live().count() for model in TYPES.values())


def is_searchable(page: Page) -> bool:
    return page.live and type(page) in TYPES.values()
