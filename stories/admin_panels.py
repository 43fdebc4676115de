"""The consultant's dashboard in the admin: the region's stories that are due for follow-up."""

from wagtail.admin.ui.components import Component

from portal.roles.models import RoleGroup
from portal.taxonomy.models import RegionPage
from stories.followup import due_for_review
from stories.models import StoryPage

LIMIT = 20


class FollowUpPanel(Component):
    name = "followup"
    order = 150
    template_name = "stories/admin/followup_panel.html"

    def __init__(self, user):
        self.user = user

    def regions(self):
        if self.user.is_superuser:
            return RegionPage.objects.all()
        return RegionPage.objects.filter(pk__in=RoleGroup.places_of(self.user, RoleGroup.CONSULTANT))

    def get_context_data(self, parent_context):
        stories = StoryPage.objects.none()
        for region in self.regions():
            stories |= StoryPage.objects.descendant_of(region)
        due = list(due_for_review(stories.for_listing())[: LIMIT + 1])
        return {"stories": due[:LIMIT], "more": len(due) > LIMIT}
