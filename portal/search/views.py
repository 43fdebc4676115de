"""/soeg/: free-text search over stories, methods and events (Wagtail's search backend).

The faceted search with its two engines is its own capability; this view is the simple, working door.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from methods.models import MethodPage
from portal.events.models import EventPage
from portal.shared.pagination import paginate
from stories.models import StoryPage

CONTENT_TYPES = {"historie": StoryPage, "metode": MethodPage, "arrangement": EventPage}
TYPE_LABELS = {StoryPage: "Historie", MethodPage: "Metode", EventPage: "Arrangement"}


@require_GET
@never_cache
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    chosen_type = request.GET.get("type", "")
    page_obj = None
    if query:
        models = [CONTENT_TYPES[chosen_type]] if chosen_type in CONTENT_TYPES else list(CONTENT_TYPES.values())
        results = Page.objects.live().type(*models).specific().search(query, operator="and")
        page_obj = paginate(request, results)
        for result in page_obj.object_list:
            result.type_label = TYPE_LABELS.get(type(result), "Side")
    return render(
        request,
        "search/search.html",
        {"query": query, "chosen_type": chosen_type, "page_obj": page_obj, "type_choices": CONTENT_TYPES.keys()},
    )
