"""An iCalendar (.ics) file for an event, so practitioners can put the day in their own calendar."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event


def event_calendar(event, url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Gode Historier//gode-historier.dk//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = Event()
    entry.add("uid", f"event-{event.pk}@gode-historier")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end)
    entry.add("summary", event.title)
    entry.add("location", f"{event.venue}, {event.address}")
    description = " ".join(strip_tags(event.body).split())
    entry.add("description", f"{event.theme}\n\n{description}\n\n{url}".strip())
    entry.add("url", url)
    entry.add("organizer", f"mailto:{event.contact_email}", parameters={"cn": event.organiser})
    if event.status == "held":
        entry.add("status", "CONFIRMED")
    calendar.add_component(entry)
    return calendar.to_ical()


def ics_response(event, request) -> HttpResponse:
    response = HttpResponse(
        event_calendar(event, event.get_full_url(request)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
