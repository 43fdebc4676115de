"""Factories for the portal's page types and taxonomy (wagtail-factories / factory_boy)."""

from datetime import date, timedelta

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from methods.models import MethodIndexPage, MethodPage
from portal.events.models import EventIndexPage, EventPage
from portal.home.models import HomePage, StandardPage
from portal.taxonomy.models import JobcenterPage, RegionIndexPage, RegionPage, TargetGroup, TargetGroupIndexPage
from stories.models import StoryIndexPage, StoryPage


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Målgruppe {n}")
    slug = factory.Sequence(lambda n: f"maalgruppe-{n}")
    description = "En målgruppe til test."


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Gode Historier"
    slug = "forside"
    intro = "Jobcentrenes gode historier."


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Historier"
    slug = "historier"


class MethodIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodIndexPage

    title = "Metoder"
    slug = "metoder"


class TargetGroupIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TargetGroupIndexPage

    title = "Målgrupper"
    slug = "maalgrupper"


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionIndexPage

    title = "Regioner og jobcentre"
    slug = "regioner"


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Arrangementer"
    slug = "arrangementer"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Om portalen"
    slug = "om"
    body = "<p>Om portalen.</p>"


class RegionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionPage

    title = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class JobcenterPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = JobcenterPage

    title = factory.Sequence(lambda n: f"Jobcenter {n}")
    slug = factory.Sequence(lambda n: f"jobcenter-{n}")
    municipality = factory.Sequence(lambda n: f"Kommune {n}")
    email = "jobcenter@kommune.example.dk"


class MethodPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Metode {n}")
    slug = factory.Sequence(lambda n: f"metode-{n}")
    summary = "En metode til test."
    description = "<p>Sådan virker metoden.</p>"
    how_to = factory.LazyFunction(
        lambda: [("steps", {"heading": "", "steps": [{"title": "Første trin", "text": RichText("<p>Gør det</p>")}]})]
    )
    evidence_level = "promising"
    evidence_summary = "<p>Lovende resultater.</p>"
    staff_time = "En time om ugen."

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)
            self.save()


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Historie {n}")
    slug = factory.Sequence(lambda n: f"historie-{n}")
    summary = "En historie til test."
    period_start = date(2024, 1, 1)
    problem = "<p>Problemet.</p>"
    practice = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Det gjorde vi.</p>"))])
    contact_name = "Fiktiv kontakt"
    contact_role = "Jobkonsulent"
    contact_email = "kontakt@kommune.example.dk"
    first_published_at = factory.Sequence(lambda n: timezone.now() - timedelta(days=1000 - n))

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)
            self.save()

    @factory.post_generation
    def methods(self, create, extracted, **kwargs):
        if extracted:
            self.methods.set(extracted)
            self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            self.save()


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Gode histories dag {n}")
    slug = factory.Sequence(lambda n: f"dag-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=6))
    venue = "Kulturhuset"
    address = "Kolding"
    organiser = "Regionen"
    contact_email = "region@example.dk"
    body = "<p>Program følger.</p>"
