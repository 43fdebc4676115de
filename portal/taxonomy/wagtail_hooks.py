from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.taxonomy.views import JobcenterListingViewSet, TargetGroupViewSet

register_snippet(TargetGroupViewSet)


@hooks.register("register_admin_viewset")
def register_jobcenter_listing():
    return JobcenterListingViewSet()
