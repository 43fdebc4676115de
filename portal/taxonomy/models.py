"""The portal's taxonomy: target groups (snippets), and regions and jobcenters (pages).

Regions and jobcenters are pages because stories live beneath the jobcenter that tells them: Wagtail's
page permissions then give a jobcenter's contributors and a region's consultants exactly their own subtree.
"""

from django.db import models
from django.shortcuts import get_object_or_404
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from portal.shared import derived
from portal.shared.featured import FeaturedPage
from portal.shared.pages import SectionIndexPage
from portal.shared.privacy_guard import GuardedModel, GuardedPage
from portal.shared.sections import add_sections
from portal.shared.slugs import danish_slugify


class TargetGroup(GuardedModel, index.Indexed, models.Model):
    """A target group (målgruppe), optionally a sub-group of another."""

    name = models.CharField("navn", max_length=120, unique=True)
    slug = models.SlugField("kortnavn i adressen", max_length=120, unique=True, allow_unicode=False)
    description = models.TextField("kort beskrivelse", max_length=600)
    parent = models.ForeignKey(
        "self",
        verbose_name="overordnet målgruppe",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "målgruppe"
        verbose_name_plural = "målgrupper"

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = danish_slugify(self.name)
        super().save(*args, **kwargs)

    def get_url(self):
        index_url = derived.remembered("target-group-index-url", _target_group_index_url)
        return f"{index_url}{self.slug}/" if index_url else None  # the index page's "<slug:slug>/" route

    def with_descendants(self):
        """This group and all its sub-groups, as a list of ids."""
        return sorted(GroupTree().under([self.slug]))


class GroupTree:
    """The target groups as a tree, read with one query. The one widening rule: a page for a group is a page for
    each group above it, so a page for a sub-group is found under its parent too."""

    def __init__(self):
        rows = TargetGroup.objects.values_list("pk", "slug", "parent")
        self.groups = {pk: (slug, parent) for pk, slug, parent in rows}

    def chain(self, pk) -> list[str]:
        """The slugs of the group `pk` and of every group above it."""
        slugs, seen = [], set()
        while pk in self.groups and pk not in seen:
            seen.add(pk)
            slug, pk = self.groups[pk]
            slugs.append(slug)
        return slugs

    def under(self, slugs) -> set[int]:
        """The groups that `slugs` name and their sub-groups, as ids."""
        wanted = set(slugs)
        return {pk for pk in self.groups if wanted.intersection(self.chain(pk))}


def _target_group_index_url():
    index_page = TargetGroupIndexPage.objects.live().first()
    return index_page.url if index_page else ""


class TargetGroupIndexPage(RoutablePageMixin, SectionIndexPage):
    """/maalgrupper/: every target group, and a landing page for each at /maalgrupper/<slug>/."""

    # The query parameters this page reads: the page cache keys on these alone (portal/shared/page_cache.py).
    cache_parameters = ("side",)

    subpage_types = []
    template = "taxonomy/target_group_index_page.html"

    class Meta:
        verbose_name = "oversigt over målgrupper"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["target_groups"] = TargetGroup.objects.filter(parent__isnull=True).prefetch_related("children")
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("<slug:slug>/", name="target_group")
    def target_group(self, request, slug):
        group = get_object_or_404(TargetGroup.objects.select_related("parent"), slug=slug)
        context = {"target_group": group, "sub_groups": group.children.all()}
        add_sections(group, request, context)  # its stories and methods (stories/sections.py, methods/sections.py)
        return self.render(request, context_overrides=context, template="taxonomy/target_group_page.html")


class RegionIndexPage(SectionIndexPage):
    """/regioner/: the regions, each with its jobcenters."""

    subpage_types = ["taxonomy.RegionPage"]

    class Meta:
        verbose_name = "oversigt over regioner"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regions = RegionPage.objects.child_of(self).live().order_by("title")
        jobcenters = JobcenterPage.objects.live().descendant_of(self).order_by("title")
        by_region = {}
        for jobcenter in jobcenters:
            by_region.setdefault(jobcenter.path[: -JobcenterPage.steplen], []).append(jobcenter)
        context["regions"] = [(region, by_region.get(region.path, [])) for region in regions]
        return context


class RegionPage(GuardedPage, Page):
    """A region (e.g. Region Syddanmark), with its jobcenters beneath it."""

    # The query parameters this page reads: the page cache keys on these alone (portal/shared/page_cache.py).
    cache_parameters = ("side",)

    intro = models.TextField("kort beskrivelse", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured", heading="Udvalgt af regionens konsulenter", label="Historie eller metode", max_num=6),
    ]
    parent_page_types = ["taxonomy.RegionIndexPage"]
    subpage_types = ["taxonomy.JobcenterPage", "events.EventPage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "region"
        verbose_name_plural = "regioner"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["jobcenters"] = JobcenterPage.objects.child_of(self).live().order_by("title")
        # The featured content, its events and its stories (stories/sections.py, portal/events/sections.py).
        return add_sections(self, request, context)


class RegionFeatured(GuardedModel, FeaturedPage):
    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="featured")


class JobcenterPage(GuardedPage, Page):
    """A jobcenter: belongs to a municipality and (as its parent page) a region. Its stories live beneath it."""

    # The query parameters this page reads: the page cache keys on these alone (portal/shared/page_cache.py).
    cache_parameters = ("side",)

    municipality = models.CharField("kommune", max_length=100)
    intro = models.TextField("kort beskrivelse", blank=True)
    address = models.TextField("adresse", blank=True)
    phone = models.CharField("telefon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("hjemmeside", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("municipality"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading="Kontaktoplysninger",
        ),
    ]
    parent_page_types = ["taxonomy.RegionPage"]
    subpage_types = ["stories.StoryPage"]
    search_fields = Page.search_fields + [index.SearchField("municipality"), index.FilterField("municipality")]

    class Meta:
        verbose_name = "jobcenter"
        verbose_name_plural = "jobcentre"

    @property
    def region(self):
        return RegionPage.objects.parent_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return add_sections(self, request, context)  # its own stories and its partners' (stories/sections.py)
