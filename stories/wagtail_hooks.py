from wagtail import hooks
from wagtail.snippets.models import register_snippet

from stories.admin_panels import FollowUpPanel
from stories.views import StoryAdaptationViewSet, StoryListingViewSet


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


@hooks.register("construct_homepage_panels")
def add_followup_panel(request, panels):
    panels.append(FollowUpPanel(request.user))


register_snippet(StoryAdaptationViewSet)
