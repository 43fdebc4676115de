"""Admin views for stories: a flat listing across the whole tree, filterable as editors work."""

from wagtail.admin.viewsets.pages import PageListingViewSet

from stories.models import StoryPage


class StoryListingViewSet(PageListingViewSet):
    model = StoryPage
    icon = "doc-full"
    menu_label = "Historier"
    menu_order = 190
    add_to_admin_menu = True
    name = "historier"
    list_display = ["title", "status", "last_reviewed", "latest_revision_created_at"]
    list_filter = ["status", "target_groups", "methods", "live", "last_reviewed"]
