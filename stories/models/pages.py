"""Stories (gode historier): what a jobcenter did, for whom, with what result, and whom to call."""

from django import forms
from django.db import models
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from methods.models import MethodPage
from portal.shared.blocks import RICH_TEXT_FEATURES, PracticeStreamBlock
from portal.shared.filters import settle_query
from portal.shared.pages import SectionIndexPage
from portal.shared.pagination import paginate
from portal.shared.privacy_guard import GuardedModel, GuardedPage
from portal.taxonomy.models import JobcenterPage
from stories.admin_forms import StoryAdminForm
from stories.filters import StoryFilter
from stories.models.querysets import StoryQuerySet


class StoryTag(GuardedModel, TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class StoryIndexPage(RoutablePageMixin, SectionIndexPage):
    """/historier/: all stories, filterable by target group, method, region, jobcenter and tag."""

    # The query parameters this page reads: the page cache keys on these alone (portal/shared/page_cache.py).
    cache_parameters = (*StoryFilter.base_filters, "side")

    subpage_types = []

    class Meta:
        verbose_name = "oversigt over historier"

    @path("")
    def index(self, request):
        story_filter = StoryFilter(request.GET, queryset=StoryPage.objects.live().for_listing())
        page_obj = paginate(request, story_filter.qs)
        settle_query(request, story_filter, page_obj)  # links (and the cache key) carry what is shown
        return self.render(request, context_overrides={"filter": story_filter, "page_obj": page_obj})

    @path("emne/<str:tag_slug>/", name="tag")
    def tag(self, request, tag_slug):
        tag = Tag.objects.filter(slug=tag_slug).first()
        if tag is None:
            raise Http404("Emnet findes ikke.")
        stories = StoryPage.objects.live().filter(tags=tag).for_listing()
        return self.render(
            request,
            context_overrides={"tag": tag, "page_obj": paginate(request, stories)},
            template="stories/story_tag_page.html",
        )

    def tag_url(self, tag):
        return self.url + self.reverse_subpage("tag", kwargs={"tag_slug": tag.slug})


class StoryPage(GuardedPage, Page):
    STATUS_CHOICES = [("ongoing", "I gang"), ("ended", "Afsluttet")]

    summary = models.TextField(
        "kort resumé", max_length=500, help_text="To-tre sætninger: hvad blev gjort, for hvem, med hvilket resultat."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="billede",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Vises på kortet og øverst på historien. Udfyld billedets beskrivelse (alternativ tekst).",
    )
    target_groups = ParentalManyToManyField("taxonomy.TargetGroup", verbose_name="målgrupper", related_name="stories")
    methods = ParentalManyToManyField("methods.MethodPage", verbose_name="metoder", related_name="stories", blank=True)
    partner_jobcenters = ParentalManyToManyField(
        "taxonomy.JobcenterPage", verbose_name="samarbejdende jobcentre", related_name="partner_stories", blank=True
    )
    tags = ClusterTaggableManager(through=StoryTag, verbose_name="emneord", blank=True)
    status = models.CharField("status", max_length=10, choices=STATUS_CHOICES, default="ongoing")
    period_start = models.DateField("periode fra", null=True)  # required to publish; a draft may lack it
    period_end = models.DateField("periode til", null=True, blank=True)

    problem = RichTextField("problem og formål", features=RICH_TEXT_FEATURES)
    practice = StreamField(PracticeStreamBlock(), verbose_name="det gjorde vi")

    dose_start_hours = models.DecimalField(
        "timer om ugen ved start", max_digits=4, decimal_places=1, null=True, blank=True
    )
    dose_progression = models.TextField("sådan blev det trappet op", blank=True)
    parallel_tracks = models.TextField("sideløbende indsatser", blank=True)

    results_summary = RichTextField("resultater i ord", features=RICH_TEXT_FEATURES, blank=True)
    success_factors = RichTextField("succesfaktorer", features=RICH_TEXT_FEATURES, blank=True)
    challenges = RichTextField("udfordringer", features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField("erfaringer og gode råd", features=RICH_TEXT_FEATURES, blank=True)

    contact_name = models.CharField("kontaktperson", max_length=120)
    contact_role = models.CharField("rolle", max_length=120)
    contact_email = models.EmailField("e-mail")
    contact_phone = models.CharField("telefon", max_length=40, blank=True)

    last_reviewed = models.DateField("senest gennemgået", null=True, blank=True)

    objects = PageManager.from_queryset(StoryQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("methods"),
                FieldPanel("tags"),
                FieldPanel("partner_jobcenters"),
            ],
            heading="Målgrupper, metoder og samarbejde",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")])],
            heading="Status og periode",
        ),
        FieldPanel("problem"),
        FieldPanel("practice"),
        MultiFieldPanel(
            [FieldPanel("dose_start_hours"), FieldPanel("dose_progression"), FieldPanel("parallel_tracks")],
            heading="Dosis og rækkefølge",
        ),
        InlinePanel("partners", heading="Samarbejdspartnere", label="Partner"),
        InlinePanel("results", heading="Resultater i tal", label="Resultat"),
        FieldPanel("results_summary"),
        FieldPanel("success_factors"),
        FieldPanel("challenges"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading="Kontaktperson",
        ),
        InlinePanel("attachments", heading="Bilag (PDF)", label="Bilag"),
        FieldPanel("last_reviewed"),
        FieldPanel("acknowledge_privacy_warnings", heading="Personoplysninger"),
    ]
    base_form_class = StoryAdminForm

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("practice"),
        index.SearchField("results_summary"),
        index.SearchField("lessons"),
        index.AutocompleteField("title"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    parent_page_types = ["taxonomy.JobcenterPage"]
    subpage_types = []

    class Meta:
        verbose_name = "god historie"
        verbose_name_plural = "gode historier"

    @property
    def jobcenter(self):
        return JobcenterPage.objects.parent_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        jobcenter = self.jobcenter
        context["jobcenter"] = jobcenter
        context["region"] = jobcenter.region if jobcenter else None
        context["story_index"] = StoryIndexPage.objects.live().first()
        # By id, not through the relation: a preview or a revision holds its methods in memory (modelcluster).
        methods = self.methods.values_list("id", flat=True)
        context["methods"] = self.methods.model.objects.live().filter(pk__in=methods).order_by("title")
        context["presentations"] = self.presentations.filter(
            page__live=True, page__status__in=["programme", "held"]
        ).select_related("page")
        context["event_materials"] = self.event_materials.filter(page__live=True).select_related("document", "page")
        approved = self.adaptations.model.APPROVED
        context["adaptations"] = self.adaptations.filter(status=approved).select_related("jobcenter")
        context["related_stories"] = StoryPage.objects.related_to(self)
        context["related_methods"] = MethodPage.objects.related_to(self)
        return context


class StoryPartner(GuardedModel, Orderable):
    KIND_CHOICES = [
        ("employer", "Virksomhed"),
        ("health", "Læge eller sundhedsvæsen"),
        ("department", "Anden forvaltning"),
        ("education", "Uddannelsessted"),
        ("organisation", "Organisation eller forening"),
        ("other", "Andet"),
    ]
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="partners")
    kind = models.CharField("type", max_length=20, choices=KIND_CHOICES)
    name = models.CharField("navn", max_length=200)
    contribution = models.CharField("bidrag", max_length=300, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("contribution")]


class StoryResult(GuardedModel, Orderable):
    DOCUMENTATION_CHOICES = [
        ("monitoring", "Løbende opfølgning"),
        ("evaluation", "Evaluering"),
        ("effect_study", "Effektmåling"),
        ("assessment", "Faglig vurdering"),
    ]
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="results")
    figure = models.CharField("tal", max_length=30, help_text="Fx '25 %' eller '12 borgere'.")
    outcome = models.CharField("hvad", max_length=200, help_text="Fx 'i job eller uddannelse'.")
    base = models.CharField("grundlag", max_length=200, help_text="Fx 'af 40 borgere i forløbet'.")
    period = models.CharField("periode", max_length=100, help_text="Fx 'efter 12 måneder'.")
    documentation = models.CharField("dokumenteret ved", max_length=20, choices=DOCUMENTATION_CHOICES)

    panels = [
        FieldPanel("figure"),
        FieldPanel("outcome"),
        FieldPanel("base"),
        FieldPanel("period"),
        FieldPanel("documentation"),
    ]

    def __str__(self):
        return f"{self.figure} {self.outcome} {self.period} ({self.base})"


class StoryAttachment(GuardedModel, Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="dokument", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("titel", max_length=200, blank=True, help_text="Tom: dokumentets egen titel.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title
