"""Themes (temaer): curated collections of stories and methods around one question, with an introduction.

E.g. "Parallelle indsatser" or "Virksomhedssamarbejde for borgere langt fra arbejdsmarkedet". A theme is a page, so
it has a landing page of its own, revisions, and the same review and publishing as everything else.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.shared.blocks import RICH_TEXT_FEATURES
from portal.shared.featured import FeaturedPage
from portal.shared.pages import SectionIndexPage
from portal.shared.privacy_guard import GuardedModel, GuardedPage
from stories.featured import featured_pages


class ThemeIndexPage(SectionIndexPage):
    subpage_types = ["themes.ThemePage"]

    class Meta:
        verbose_name = "oversigt over temaer"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.objects.child_of(self).live().order_by("title")
        return context


class ThemePage(GuardedPage, Page):
    lead = models.TextField("kort introduktion", max_length=400, help_text="Vises på oversigten og øverst på siden.")
    body = RichTextField("introduktion", features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        InlinePanel("items", heading="Historier og metoder i temaet", label="Historie eller metode", min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "tema"
        verbose_name_plural = "temaer"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        notes = dict(self.items.values_list("item_id", "note"))
        items = featured_pages(self.items)
        for item in items:
            item.theme_note = notes.get(item.pk, "")
        context["items"] = items
        return context


class ThemeItem(GuardedModel, FeaturedPage):
    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="items")
    note = models.CharField(
        "hvorfor den er med", max_length=300, blank=True, help_text="En sætning om, hvad man kan lære af den."
    )

    panels = FeaturedPage.panels + [FieldPanel("note")]
