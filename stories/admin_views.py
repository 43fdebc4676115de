"""Admin views for stories: a flat listing across the whole tree, and the adaptations waiting for review."""

from django.db.models import Q
from django.http import Http404
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.roles.models import RoleGroup
from stories.models import StoryAdaptation, StoryPage


class StoryListingViewSet(PageListingViewSet):
    model = StoryPage
    icon = "doc-full"
    menu_label = "Historier"
    menu_order = 190
    add_to_admin_menu = True
    name = "historier"
    list_display = ["title", "status", "last_reviewed", "latest_revision_created_at"]
    list_filter = ["status", "target_groups", "methods", "live", "last_reviewed"]


def adaptations_for(user):
    """The adaptations a user reviews: a consultant those from their own regions' jobcenters, an editor all."""
    queryset = StoryAdaptation.objects.select_related("story", "jobcenter")
    if user.is_superuser or user.has_perm("stories.delete_storyadaptation"):
        return queryset
    regions = Page.objects.filter(pk__in=RoleGroup.places_of(user, RoleGroup.CONSULTANT))
    q = Q(pk__in=[])
    for region in regions:
        q |= Q(jobcenter__path__startswith=region.path)
    return queryset.filter(q)


class ScopedObjectMixin:
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not adaptations_for(self.request.user).filter(pk=obj.pk).exists():
            raise Http404("Ikke fundet.")
        return obj


class AdaptationEditView(ScopedObjectMixin, snippet_views.EditView):
    pass


class AdaptationInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class StoryAdaptationViewSet(SnippetViewSet):
    """'Vi har også prøvet det' for review: consultants see the adaptations from their own regions' jobcenters."""

    model = StoryAdaptation
    icon = "group"
    menu_label = "Vi har også prøvet det"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
    edit_view_class = AdaptationEditView
    inspect_view_class = AdaptationInspectView

    def get_queryset(self, request):
        return adaptations_for(request.user)
