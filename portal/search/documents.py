"""What the search engines index: one flat document per live story, method and event.

Both engines index the same documents, so they can keep one contract: same matches, same facets.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.html import strip_tags
from wagtail.models import Page

from methods.models import MethodPage
from portal.events.models import EventPage
from portal.search.danish.compounds import split_all
from portal.search.text import stemmed_text, words
from portal.taxonomy.models import JobcenterPage, RegionPage, TargetGroup
from stories.models import StoryPage

FACETS = ("type", "maalgruppe", "metode", "region", "jobcenter", "aar")
FACET_LABELS = {
    "type": "Type",
    "maalgruppe": "Målgruppe",
    "metode": "Metode",
    "region": "Region",
    "jobcenter": "Jobcenter",
    "aar": "År",
}
TYPES = {"historie": StoryPage, "metode": MethodPage, "arrangement": EventPage}
TYPE_LABELS = {"historie": "Historie", "metode": "Metode", "arrangement": "Arrangement"}


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
    """Builds documents for many pages with a handful of queries (taxonomy and places are loaded once)."""

    def __init__(self):
        groups = {g.pk: g for g in TargetGroup.objects.all()}
        self.group_slugs = {}
        for pk, group in groups.items():
            chain, current = [], group
            while current is not None:
                chain.append(current.slug)
                current = groups.get(current.parent_id)
            self.group_slugs[pk] = chain
        self.places = {p.path: p for p in [*RegionPage.objects.all(), *JobcenterPage.objects.all()]}

    def _place(self, path):
        return self.places.get(path)

    def _group_slugs(self, groups) -> list[str]:
        """The groups' slugs and their parents' slugs: a story for a sub-group is found under its parent too."""
        return sorted({slug for group in groups for slug in self.group_slugs.get(group.pk, [group.slug])})

    def story(self, page: StoryPage) -> SearchDocument:
        jobcenter = self._place(page.path[: -page.steplen])
        region = self._place(page.path[: -2 * page.steplen])
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
            facets={
                "type": ["historie"],
                "maalgruppe": self._group_slugs(groups),
                "metode": sorted(m.slug for m in methods),
                "region": [region.slug] if region else [],
                "jobcenter": [jobcenter.slug] if jobcenter else [],
                "aar": [str(page.period_start.year)] if page.period_start else [],
            },
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
            facets={
                "type": ["metode"],
                "maalgruppe": self._group_slugs(groups),
                "aar": [str(published.year)] if published else [],
            },
            display={"evidence": page.get_evidence_level_display(), "target_groups": [g.name for g in groups]},
        )

    def event(self, page: EventPage) -> SearchDocument:
        region = self._place(page.region_path)  # the region it sits under
        return SearchDocument(
            page_id=page.pk,
            type="arrangement",
            title=page.title,
            summary=page.theme,
            body=_text(page.body, page.venue, page.address, page.audience, page.organiser),
            url=page.url,
            published_at=page.first_published_at,
            facets={
                "type": ["arrangement"],
                "region": [region.slug] if region else [],
                "aar": [str(page.start.year)],
            },
            display={"region": region.title if region else "", "date": page.start.isoformat()},
        )

    def build(self, page) -> SearchDocument:
        return {StoryPage: self.story, MethodPage: self.method, EventPage: self.event}[type(page)](page)


def searchable_pages():
    """Every live page that the search covers, specific and with its relations prefetched, in batches."""
    yield from StoryPage.objects.live().prefetch_related("target_groups", "methods", "tags").iterator(chunk_size=500)
    yield from MethodPage.objects.live().prefetch_related("target_groups").iterator(chunk_size=500)
    yield from EventPage.objects.live().iterator(chunk_size=500)


def searchable_count() -> int:
    return sum(model.objects.live().count() for model in TYPES.values())


def is_searchable(page: Page) -> bool:
    return page.live and type(page) in TYPES.values()
