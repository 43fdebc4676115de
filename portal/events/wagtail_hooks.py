"""The call for stories in the admin: the stories offered to each event, in one list, for the region's consultants."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.events import sections  # noqa: F401  (registers the sections this app provides, as Wagtail hooks)
from portal.events.models import StoryCandidate
from portal.roles.models import RoleGroup


class StoryCandidateViewSet(SnippetViewSet):
    model = StoryCandidate
    icon = "list-ul"
    menu_label = "Meldte historier"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_filter = ["event"]
    list_display = [
        Column("story", label="Historie", accessor="story"),
        Column("jobcenter", label="Jobcenter", accessor="jobcenter_title"),
        Column("event", label="Arrangement", accessor="event"),
        Column("on_programme", label="På programmet", accessor="on_programme_label"),
        DateColumn("offered_at", label="Meldt"),
    ]

    def get_queryset(self, request):
        """A consultant sees the candidates for their own regions' events; editors and superusers see all."""
        queryset = StoryCandidate.objects.select_related("story", "event").order_by("event__start", "offered_at")
        user = request.user
        if user.is_superuser or user.has_perm("events.change_storycandidate"):
            return queryset
        regions = Page.objects.filter(pk__in=RoleGroup.places_of(user, RoleGroup.CONSULTANT))
        parent_path = Substr(OuterRef("event__path"), 1, (OuterRef("event__depth") - 1) * Page.steplen)
        return queryset.filter(Exists(regions.filter(path=parent_path)))  # events under their own regions


register_snippet(StoryCandidateViewSet)
