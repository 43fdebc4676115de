"""Featured content chosen by hand (portal/shared/featured.py rows), read for display: stories and methods in the
order a consultant or editor gave them."""

from methods.models import MethodPage
from stories.models import StoryPage


def featured_pages(relation) -> list:
    """The live stories and methods of a featured relation, in its order, ready for cards (a fixed number of
    queries: one for the order, one for the stories with their listing data, one for the methods)."""
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
