from wagtail import hooks
from wagtail.snippets.models import register_snippet

from stories import sections  # noqa: F401  (registers the sections this app provides, as Wagtail hooks)
from stories.admin_panels import FollowUpPanel
from stories.admin_views import StoryAdaptationViewSet, StoryListingViewSet


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


@hooks.register("construct_homepage_panels")
def add_followup_panel(request, panels):
    panels.append(FollowUpPanel(request.user))


register_snippet(StoryAdaptationViewSet)


@hooks.register("register_log_actions")
def register_personal_data_action(actions):
    actions.register_action(
        "portal.personal_data_redacted",
        "CPR-nummer fjernet",
        "CPR-nummer fjernet af scan_personal_data (historien er afpubliceret)",
    )
