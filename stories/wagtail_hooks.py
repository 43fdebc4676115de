from wagtail import hooks

from stories.views import StoryListingViewSet


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()
