"""Events: the regional good-stories day (den gode histories dag), from the call for stories to the programme to the
materials left behind.

A region's events live under its region page, where its consultants already hold the rights to add, edit and
publish; /arrangementer/ lists every region's events.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.events.calendar import ics_response
from portal.shared.blocks import RICH_TEXT_FEATURES
from portal.shared.pages import SectionIndexPage
from portal.shared.privacy_guard import GuardedModel, GuardedPage
from portal.shared.sections import add_sections
from portal.taxonomy.models import RegionPage


class EventIndexPage(SectionIndexPage):
    # The query parameters this page reads: the page cache keys on these alone (portal/shared/page_cache.py).
    cache_parameters = ("region",)

    subpage_types = []  # events sit under their region; this page lists them all

    class Meta:
        verbose_name = "oversigt over arrangementer"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live()
        has_events = events.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        regions = RegionPage.objects.live().filter(Exists(has_events)).order_by("title")
        # A region without events lists none (an unknown value is ignored): the search's region facet does the same.
        chosen = RegionPage.objects.live().filter(slug=request.GET.get("region", "")[:120]).first()
        if chosen:
            events = events.child_of(chosen)
            regions = regions | RegionPage.objects.filter(pk=chosen.pk)  # offered in the list, and shown as chosen
        now = timezone.now()
        context["regions"] = regions
        context["chosen_region"] = chosen
        context["upcoming"] = with_regions(events.filter(start__gte=now).order_by("start"))
        context["past"] = with_regions(events.filter(start__lt=now).order_by("-start"))
        return context


def with_regions(events) -> list:
    """The events as a list, each with its region read in one query for them all (for listings)."""
    events = list(events)
    regions = RegionPage.objects.filter(path__in={event.region_path for event in events})
    by_path = {region.path: region for region in regions}
    for event in events:
        event.region = by_path.get(event.region_path)
    return events


class EventPage(GuardedPage, RoutablePageMixin, Page):
    STATUS_CHOICES = [
        ("planned", "Planlagt"),
        ("call_open", "Indkaldelse af historier er åben"),
        ("programme", "Program offentliggjort"),
        ("held", "Afholdt"),
    ]

    start = models.DateTimeField("starter")
    end = models.DateTimeField("slutter")
    venue = models.CharField("sted", max_length=200)
    address = models.CharField("adresse", max_length=300)
    theme = models.CharField("tema", max_length=200, blank=True)
    audience = models.CharField("målgruppe for dagen", max_length=300, blank=True)
    organiser = models.CharField("arrangør", max_length=200)
    contact_email = models.EmailField("kontakt (e-mail)")
    status = models.CharField("status", max_length=20, choices=STATUS_CHOICES, default="planned")
    registration_url = models.URLField("tilmelding (link)", blank=True)
    body = RichTextField("beskrivelse", features=RICH_TEXT_FEATURES)
    call_text = RichTextField(
        "indkaldelse af historier",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Hvad I leder efter. Vises, mens indkaldelsen er åben.",
    )
    call_deadline = models.DateField("frist for at melde en historie", null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("address")], heading="Sted"),
        FieldPanel("theme"),
        FieldPanel("audience"),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("contact_email")], heading="Arrangør"),
        FieldPanel("status"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("call_text"), FieldPanel("call_deadline")], heading="Indkaldelse af historier"),
        InlinePanel("programme", heading="Program", label="Programpunkt"),
        InlinePanel("materials", heading="Materialer fra dagen", label="Materiale"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body"), index.SearchField("theme")]
    # An event sits under its region: that is its region (`region`), and the region's consultants run it.
    parent_page_types = ["taxonomy.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "arrangement"
        verbose_name_plural = "arrangementer"

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d.%m.%Y})"

    @property
    def region_path(self) -> str:
        """The tree path of the page the event sits under: its region."""
        return self.path[: -self.steplen]

    @cached_property
    def region(self):
        """The region the event sits under (its parent page); never stored, so it cannot disagree with the tree."""
        return RegionPage.objects.filter(path=self.region_path).first()

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Arrangementet skal slutte efter det starter."})

    @property
    def call_is_open(self) -> bool:
        today = timezone.localdate()
        return (
            self.status == "call_open"
            and self.start > timezone.now()
            and (self.call_deadline is None or self.call_deadline >= today)
        )

    @property
    def programme_is_public(self) -> bool:
        return self.status in ("programme", "held")

    def programme_items(self):
        return self.programme.select_related("story", "presenter_jobcenter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.programme_is_public:
            context["programme"] = [item for item in self.programme_items() if item.is_public]
        context["materials"] = self.materials.select_related("document", "story")
        return add_sections(self, request, context)  # the stories told on the day, once held (stories/sections.py)

    @path("")
    def event(self, request):
        return self.render(request)

    @path("program/")
    def printable_programme(self, request):
        """The programme on one page, for printing or handing out on the day."""
        if not self.programme_is_public:
            raise Http404("Programmet er ikke offentliggjort endnu.")
        return self.render(request, template="events/event_programme.html")

    @path("kalender/")
    def calendar(self, request):
        return ics_response(self, request)


class ProgrammeItem(GuardedModel, Orderable):
    """One point on the day's programme: a story told by its jobcenter, another talk, or a break."""

    KIND_CHOICES = [("story", "Historie"), ("talk", "Oplæg"), ("break", "Pause")]

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme")
    starts_at = models.TimeField("kl.")
    kind = models.CharField("type", max_length=10, choices=KIND_CHOICES, default="story")
    title = models.CharField(
        "titel", max_length=200, blank=True, help_text="Kan udelades for en historie: så bruges historiens titel."
    )
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name="historie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presentations",
    )
    presenter_role = models.CharField(
        "oplægsholders rolle", max_length=120, blank=True, help_text="Fx 'jobkonsulent' (ingen navne på borgere)."
    )
    presenter_jobcenter = models.ForeignKey(
        "taxonomy.JobcenterPage",
        verbose_name="oplægsholders jobcenter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("kind")]),
        FieldPanel("story"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("presenter_role"), FieldPanel("presenter_jobcenter")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "programpunkt"
        verbose_name_plural = "program"

    def clean(self):
        super().clean()
        if self.kind == "story" and not self.story_id:
            raise ValidationError({"story": "Vælg den historie, der fortælles."})
        if self.kind == "talk" and not self.title:
            raise ValidationError({"title": "Giv oplægget en titel."})

    @property
    def is_public(self) -> bool:
        """A story that is not published yet appears as its title only when it has one of its own."""
        return self.kind != "story" or (self.story is not None and self.story.live) or bool(self.title)

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.story is not None:
            return self.story.title
        return self.get_kind_display()


class EventMaterial(GuardedModel, Orderable):
    """Slides, handouts and recordings from the day, for the event and, when given, for one presented story."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField("titel", max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="dokument (slides, PDF)",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link = models.URLField("link (fx optagelse)", blank=True)
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name="hører til historien",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_materials",
    )

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("link"), FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = "materiale"
        verbose_name_plural = "materialer"

    def clean(self):
        super().clean()
        if not self.document_id and not self.link:
            raise ValidationError({"document": "Vælg et dokument eller angiv et link."})

    @property
    def url(self) -> str:
        return self.document.url if self.document_id else self.link


class StoryCandidate(GuardedModel, models.Model):
    """A story its jobcenter would like to tell at an event, offered while the event's call is open."""

    event = models.ForeignKey(
        EventPage, verbose_name="arrangement", on_delete=models.CASCADE, related_name="candidates"
    )
    story = models.ForeignKey(
        "stories.StoryPage", verbose_name="historie", on_delete=models.CASCADE, related_name="candidacies"
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="meldt af", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField("bemærkning", blank=True)
    offered_at = models.DateTimeField("meldt", auto_now_add=True)

    class Meta:
        verbose_name = "historie meldt til et arrangement"
        verbose_name_plural = "historier meldt til arrangementer"
        ordering = ["-offered_at"]
        constraints = [models.UniqueConstraint(fields=["event", "story"], name="unique_candidate_per_event")]

    def __str__(self):
        return f"{self.story.title} → {self.event.title}"

    @property
    def on_programme(self) -> bool:
        return self.event.programme.filter(story_id=self.story_id).exists()

    @property
    def on_programme_label(self) -> str:
        return "Ja" if self.on_programme else "Nej"

    @property
    def jobcenter_title(self) -> str:
        jobcenter = self.story.get_parent()
        return jobcenter.title if jobcenter else ""
