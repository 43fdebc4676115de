"""The stories that pages of the lower layers show (portal/shared/sections.py): a region's, a jobcenter's, a
target group's, a method's and an event's; and a region's featured stories and methods."""

from methods.models import MethodPage
from portal.events.models import EventPage
from portal.shared.pagination import paginate
from portal.shared.sections import provides
from portal.taxonomy.facets import TARGET_GROUP
from portal.taxonomy.models import JobcenterPage, RegionPage, TargetGroup
from stories.featured import featured_pages
from stories.models import StoryPage


@provides(RegionPage)
def region_stories(region, request):
    stories = StoryPage.objects.live().descendant_of(region).for_listing()
    return {"page_obj": paginate(request, stories), "featured": featured_pages(region.featured)}


@provides(JobcenterPage)
def jobcenter_stories(jobcenter, request):
    return {
        "page_obj": paginate(request, StoryPage.objects.live().child_of(jobcenter).for_listing()),
        "partner_stories": StoryPage.objects.live().filter(partner_jobcenters=jobcenter).for_listing()[:6],
    }


@provides(TargetGroup)
def target_group_stories(group, request):
    """The stories of a target group, its sub-groups' included: the listing's and the search's facet rule."""
    stories = TARGET_GROUP.filter(StoryPage.objects.live(), [group.slug]).for_listing()
    return {"page_obj": paginate(request, stories)}


@provides(MethodPage)
def method_stories(method, request):
    return {"stories": StoryPage.objects.live().filter(methods=method).for_listing()[:12]}


def presented_stories(event) -> list:
    """The published stories told on the day, in programme order."""
    order = list(dict.fromkeys(event.programme.exclude(story=None).values_list("story_id", flat=True)))
    stories = {story.pk: story for story in StoryPage.objects.live().filter(pk__in=order).for_listing()}
    return [stories[pk] for pk in order if pk in stories]


@provides(EventPage)
def event_stories(event, request):
    return {"presented_stories": presented_stories(event)} if event.status == "held" else {}
