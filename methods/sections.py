"""The methods that pages of the lower layers show (portal/shared/sections.py): a target group's."""

from methods.models import MethodPage
from portal.shared.sections import provides
from portal.taxonomy.facets import TARGET_GROUP
from portal.taxonomy.models import TargetGroup


@provides(TargetGroup)
def target_group_methods(group, request):
    """The methods for a target group, its sub-groups' included: the listing's and the search's facet rule."""
    return {"methods": TARGET_GROUP.filter(MethodPage.objects.live(), [group.slug]).order_by("title")}
