"""The events that pages of the lower layers show (portal/shared/sections.py): a region's next and latest."""

from django.utils import timezone

from portal.events.models import EventPage
from portal.shared.sections import provides
from portal.taxonomy.models import RegionPage


@provides(RegionPage)
def region_events(region, request):
    events = EventPage.objects.live().child_of(region)
    return {
        "next_event": events.filter(start__gte=timezone.now()).order_by("start").first(),
        "past_events": events.filter(start__lt=timezone.now()).order_by("-start")[:3],
    }
