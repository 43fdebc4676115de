"""Featured content chosen by hand: stories and methods a consultant or editor puts first, in their order."""

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


def featured_pages(relation) -> list:
    """The live stories and methods of a featured relation, in its order, ready for cards (a fixed number of
    queries: one for the order, one for the stories with their listing data, one for the methods)."""
    from methods.models import MethodPage
    from stories.models import StoryPage

    ids = list(relation.order_by("sort_order").values_list("item_id", flat=True))
    stories = StoryPage.objects.live().filter(pk__in=ids).for_listing()
    return in_order(ids, stories, MethodPage.objects.live().filter(pk__in=ids))


def in_order(ids, stories, methods) -> list:
    """Stories and methods as one list in the order of `ids`, each marked with the card that shows it."""
    found = {}
    for card, pages in (("story", stories), ("method", methods)):
        for page in pages:
            page.card = card
            found[page.pk] = page
    return [found[pk] for pk in ids if pk in found]
