from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.shared.privacy_guard import GuardedPage


class SectionIndexPage(GuardedPage, Page):
    """A top-level section of the site (Historier, Metoder, ...): one per site, directly under the home page."""

    intro = models.TextField("introduktion", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
