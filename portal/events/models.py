"""Events: the regional good-stories day (den gode histories dag). The full event lifecycle is its own capability."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.shared.blocks import RICH_TEXT_FEATURES
from portal.shared.pages import SectionIndexPage


class EventIndexPage(SectionIndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = "oversigt over arrangementer"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().select_related("region")
        now = timezone.now()
        context["upcoming"] = events.filter(start__gte=now).order_by("start")
        context["past"] = events.filter(start__lt=now).order_by("-start")
        return context


class EventPage(Page):
    STATUS_CHOICES = [
        ("planned", "Planlagt"),
        ("call_open", "Indkaldelse af historier er åben"),
        ("programme", "Program offentliggjort"),
        ("held", "Afholdt"),
    ]

    region = models.ForeignKey(
        "taxonomy.RegionPage", verbose_name="region", on_delete=models.PROTECT, related_name="events"
    )
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

    content_panels = Page.content_panels + [
        FieldPanel("region"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("address")], heading="Sted"),
        FieldPanel("theme"),
        FieldPanel("audience"),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("contact_email")], heading="Arrangør"),
        FieldPanel("status"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body"), index.SearchField("theme")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "arrangement"
        verbose_name_plural = "arrangementer"

    def clean(self):
        super().clean()

        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Arrangementet skal slutte efter det starter."})
