"""Admin views for the taxonomy: target groups as a snippet, and a flat, filterable listing of jobcenters."""

from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.taxonomy.models import JobcenterPage, TargetGroup


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = "Målgrupper"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["__str__", "slug", "parent"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]
    search_backend_name = None  # a small table: plain database lookups, no full-text index needed
    ordering = ["sort_order", "name"]


class JobcenterListingViewSet(PageListingViewSet):
    model = JobcenterPage
    icon = "home"
    menu_label = "Jobcentre"
    menu_order = 210
    add_to_admin_menu = True
    name = "jobcentre"
    list_display = ["title", "municipality", "email", "latest_revision_created_at"]
    list_filter = ["municipality", "live"]
