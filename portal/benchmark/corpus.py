"""A large corpus for the benchmarks, grown from the demo content: N published stories with proportionate
jobcenters, methods and good-stories days, in realistic Danish recombined from the demo stories and methods.

Deterministic (seeded) and additive: asking for 50,000 after 10,000 adds the 40,000 missing. Pages are written by
`BulkPageWriter`, so they carry tree paths, revisions, log entries, references and Wagtail's index like any other.
"""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model

from methods.models import MethodIndexPage, MethodPage
from portal.benchmark.bulk_pages import BulkPageWriter
from portal.demo.builder import DemoBuilder
from portal.demo.methods import METHODS
from portal.demo.stories import STORIES
from portal.events.models import EventPage, ProgrammeItem
from portal.taxonomy.models import JobcenterPage, RegionPage, TargetGroup
from stories.models import StoryPage

STORIES_PER_JOBCENTER = 100  # 94 jobcenters publishing ~100 stories each is the Danish scale
STORIES_PER_METHOD = 200
STORIES_PER_EVENT = 1000
DISTRICTS = ["Nord", "Syd", "Øst", "Vest", "Centrum", "Land", "By", "Havn"]
GENERATED = "Genereret til belastningstest"


def wanted(stories: int) -> dict:
    """How many pages of each kind a corpus of this many stories holds."""
    return {
        "jobcenters": stories // STORIES_PER_JOBCENTER,
        "methods": stories // STORIES_PER_METHOD,
        "events": stories // STORIES_PER_EVENT,
    }


class CorpusGenerator:
    def __init__(self, batch_size=500, on_progress=None, seed=42):
        self.rng = random.Random(seed)
        self.writer = BulkPageWriter(
            user=get_user_model().objects.filter(is_superuser=True).order_by("pk").first(),
            batch_size=batch_size,
            on_flush=on_progress,
        )
        self.groups = list(TargetGroup.objects.all())
        self.images = list(get_image_model().objects.all()[:20])

    def missing(self, stories: int) -> dict:
        target = wanted(stories)
        return {
            "jobcenters": max(0, target["jobcenters"] - self._generated(JobcenterPage)),
            "methods": max(0, target["methods"] - self._generated(MethodPage)),
            "stories": max(0, stories - StoryPage.objects.count()),
            "events": max(0, target["events"] - self._generated(EventPage)),
        }

    @staticmethod
    def _generated(model):
        return model.objects.filter(slug__startswith="bench-").count()

    def grow(self, stories: int) -> None:
        missing = self.missing(stories)
        self.jobcenters(missing["jobcenters"])
        self.methods(missing["methods"])
        self.stories(missing["stories"])
        self.events(missing["events"])

    def jobcenters(self, count):
        regions = list(RegionPage.objects.order_by("path"))
        demo = list(JobcenterPage.objects.exclude(slug__startswith="bench-").order_by("path"))
        start = self._generated(JobcenterPage)

        for n in range(start, start + count):
            model = demo[n % len(demo)]
            district = DISTRICTS[(n // len(demo)) % len(DISTRICTS)]
            title = f"{model.title} {district} {n // (len(demo) * len(DISTRICTS)) + 1}"
            page = JobcenterPage(
                title=title,
                slug=f"bench-{slugify(title)}",
                municipality=model.municipality,
                intro=f"{GENERATED}: et jobcenter som {model.title}.",
                email=model.email,
            )
            self.writer.add(regions[n % len(regions)], page)

        self.writer.flush()  # the pages exist before anything refers to them

    def methods(self, count):
        index = MethodIndexPage.objects.first()
        start = self._generated(MethodPage)

        for n in range(start, start + count):
            data = METHODS[n % len(METHODS)]
            title = f"{data['title']}, variant {n // len(METHODS) + 1}"
            groups = [g for g in self.groups if g.slug in data["target_groups"]] or self.groups[:1]
            page = DemoBuilder.method_page(data, groups, title=title, slug=f"bench-{slugify(title)}")
            self.writer.add(index, page)

        self.writer.flush()  # the pages exist before anything refers to them

    def stories(self, count):
        jobcenters = list(JobcenterPage.objects.order_by("path"))
        methods = list(MethodPage.objects.order_by("path"))
        groups = {g.slug: g for g in self.groups}
        start = StoryPage.objects.count()
        now = timezone.now()

        for n in range(start, start + count):
            data, other = STORIES[n % len(STORIES)], self.rng.choice(STORIES)
            jobcenter = jobcenters[n % len(jobcenters)]
            year = 2005 + n % 21
            title = f"{data['title']} ({jobcenter.title.removeprefix('Jobcenter ')}, {year})"
            slugs = set(data["target_groups"]) | {self.rng.choice(other["target_groups"])}
            page = DemoBuilder.story_page(
                data,
                [groups[s] for s in sorted(slugs) if s in groups],
                self.rng.sample(methods, 2),
                tags=[*data["tags"], *other["tags"][:1]],
                title=title,
                slug=f"bench-{n}-{slugify(data['title'])[:60]}",
                period_start=date(year, 1 + n % 12, 1),
                period_end=date(year + 1, 1 + n % 12, 1) if data["status"] == "ended" else None,
                practice=[DemoBuilder._block(b) for b in data["practice"] + other["practice"][:1]],
                success_factors=other["success"],
                lessons=other["lessons"],
                image=self.rng.choice(self.images) if self.images and n % 3 else None,
                first_published_at=now - timedelta(hours=n + 1),
            )
            self.writer.add(jobcenter, page)

        self.writer.flush()  # the pages exist before anything refers to them

    def events(self, count):
        regions = list(RegionPage.objects.order_by("path"))
        story_ids = list(StoryPage.objects.values_list("pk", flat=True))
        start = self._generated(EventPage)
        tz = timezone.get_current_timezone()

        for n in range(start, start + count):
            region = regions[n % len(regions)]
            day = datetime.combine(date(2008 + n % 18, 3 + n % 8, 10), time(9, 0), tz)
            page = EventPage(
                title=f"Den gode histories dag {day.year} ({region.title}, {n + 1})",
                slug=f"bench-dag-{n + 1}",
                start=day,
                end=day + timedelta(hours=6),
                venue="Regionens konferencecenter",
                address=region.title,
                theme="Det, der virker for borgere langt fra arbejdsmarkedet",
                organiser=f"Regional konsulent, {region.title}",
                contact_email="gode-historier@region.example.dk",
                status="held" if day < timezone.now() else "programme",
                body=f"<p>{GENERATED}: jobcentrene fortalte hinanden tre gode historier.</p>",
            )
            page.programme = [
                ProgrammeItem(starts_at=time(10 + k, 0), kind="story", story_id=story_id, presenter_role="Jobkonsulent")
                for k, story_id in enumerate(self.rng.sample(story_ids, 3))
            ]
            self.writer.add(region, page)

        self.writer.flush()  # the pages exist before anything refers to them
