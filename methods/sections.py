"""The methods that pages of the lower layers show (portal/shared/sections.py): a target group's."""

from methods.models import MethodPage
from portal.shared.filters import related_to_any
from portal.shared.sections import provides
from portal.taxonomy.models import TargetGroup


@provides(TargetGroup)
def target_group_methods(group, request):
    """The methods for a target group, its sub-groups' included."""
    methods = related_to_any(MethodPage.objects.live(), "target_groups", group.with_descendants())
    return {"methods": methods.order_by("title")}
