from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from stories import sections  # noqa: F401  (registers the sections this app provides, as Wagtail hooks)
from stories.admin_panels import FollowUpPanel
from stories.admin_views import StoryAdaptationViewSet, StoryListingViewSet
from stories.models import StoryPage


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


@hooks.register("before_bulk_action")
def stories_are_published_one_at_a_time(request, action_type, objects, action_class_instance):
    """A story is published through its review (the consultant's quality checklist and personal-data warnings) or
    from its editor with the warnings confirmed, never by bulk: the bulk action has neither."""
    if action_type == "publish" and any(issubclass(page.specific_class, StoryPage) for page in objects):
        messages.error(
            request,
            "Historier udgives én ad gangen: gennem regionens gennemgang eller fra redigeringen, hvor advarslerne om "
            "personhenførbare oplysninger skal bekræftes. Intet er udgivet.",
        )
        return redirect(action_class_instance.next_url)
    return None
