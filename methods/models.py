"""Methods (metoder): what a method is, how to do it, for whom, and what the research says about it."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from methods.facets import EVIDENCE_LEVELS
from methods.filters import MethodFilter
from methods.querysets import MethodQuerySet
from portal.shared.blocks import RICH_TEXT_FEATURES, MethodStepsStreamBlock
from portal.shared.filters import settle_query
from portal.shared.pages import SectionIndexPage
from portal.shared.pagination import paginate
from portal.shared.privacy_guard import GuardedModel, GuardedPage
from portal.shared.sections import add_sections

EVIDENCE_DESCRIPTIONS = {
    "documented": "Effekten er vist i kontrollerede studier eller store registerundersøgelser.",
    "promising": "Evalueringer og opfølgning peger på effekt, men den er ikke påvist i effektstudier.",
    "experience": "Bygger på praktikeres erfaringer og systematisk opfølgning i jobcentrene.",
}


class MethodIndexPage(SectionIndexPage):
    """/metoder/: all methods, filterable by target group and evidence level."""

    # The query parameters this page reads: the page cache keys on these alone (portal/shared/page_cache.py).
    cache_parameters = (*MethodFilter.base_filters, "side")

    subpage_types = ["methods.MethodPage"]

    class Meta:
        verbose_name = "oversigt over metoder"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        methods = MethodPage.objects.child_of(self).live().prefetch_related("target_groups").order_by("title")
        method_filter = MethodFilter(request.GET, queryset=methods)
        context["filter"] = method_filter
        context["page_obj"] = paginate(request, method_filter.qs)
        settle_query(request, method_filter, context["page_obj"])  # links (and the cache key) carry what is shown
        return context


class MethodPage(GuardedPage, Page):
    summary = models.TextField("kort resumé", max_length=500)
    description = RichTextField("hvad er metoden", features=RICH_TEXT_FEATURES)
    variants = RichTextField("varianter og hvordan de adskiller sig", features=RICH_TEXT_FEATURES, blank=True)
    how_to = StreamField(MethodStepsStreamBlock(), verbose_name="sådan gør I")
    target_groups = ParentalManyToManyField("taxonomy.TargetGroup", verbose_name="målgrupper", related_name="methods")
    evidence_level = models.CharField("evidensniveau", max_length=20, choices=EVIDENCE_LEVELS)
    evidence_summary = RichTextField("det siger forskningen", features=RICH_TEXT_FEATURES)
    staff_time = models.TextField("ressourcer og medarbejdertid", help_text="Fx 'ca. 2 timer pr. borger om ugen'.")
    last_reviewed = models.DateField("senest gennemgået", null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("variants"),
        FieldPanel("how_to"),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("evidence_level"),
                FieldPanel("evidence_summary"),
                InlinePanel("references", label="Reference"),
            ],
            heading="Evidens",
        ),
        FieldPanel("staff_time"),
        InlinePanel("combinations", heading="Kombineres godt med", label="Metode"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("how_to"),
        index.SearchField("evidence_summary"),
        index.AutocompleteField("title"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.FilterField("evidence_level"),
    ]
    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(MethodQuerySet)()

    class Meta:
        verbose_name = "metode"
        verbose_name_plural = "metoder"

    @property
    def evidence_description(self):
        return EVIDENCE_DESCRIPTIONS.get(self.evidence_level, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        add_sections(self, request, context)  # the stories that use the method (stories/sections.py)
        context["combinations"] = self.combinations.select_related("method").filter(method__live=True)
        combined = [combination.method_id for combination in context["combinations"]]
        context["related_methods"] = [
            m for m in MethodPage.objects.related_to(self, limit=3 + len(combined)) if m.pk not in combined
        ][:3]
        return context


class MethodReference(GuardedModel, Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="references")
    title = models.CharField("titel", max_length=300)
    authors = models.CharField("forfattere eller udgiver", max_length=300)
    year = models.PositiveSmallIntegerField("år")
    url = models.URLField("link", blank=True)

    panels = [FieldPanel("title"), FieldPanel("authors"), FieldPanel("year"), FieldPanel("url")]


class MethodCombination(GuardedModel, Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="combinations")
    method = models.ForeignKey(MethodPage, verbose_name="metode", on_delete=models.CASCADE, related_name="+")
    note = models.CharField("hvorfor", max_length=300, blank=True)

    panels = [FieldPanel("method"), FieldPanel("note")]
