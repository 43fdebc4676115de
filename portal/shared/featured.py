"""Featured content chosen by hand: stories and methods a consultant or editor puts first, in their order.

The inline row (any page type may hold a list of them); the pages are read for display by
`stories.featured.featured_pages`, in the layer that owns stories and methods."""

from django.db import models
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class FeaturedPage(Orderable):
    item = models.ForeignKey(
        "wagtailcore.Page", verbose_name="historie eller metode", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("item", ["stories.StoryPage", "methods.MethodPage"])]

    class Meta(Orderable.Meta):
        abstract = True
