from wagtail import hooks

from stories.admin_panels import FollowUpPanel
from stories.views import StoryListingViewSet


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


@hooks.register("construct_homepage_panels")
def add_followup_panel(request, panels):
    panels.append(FollowUpPanel(request.user))
