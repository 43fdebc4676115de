"""Roles as Wagtail groups bound to a place in the page tree, and the regional review task."""

from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import AbstractGroupApprovalTask

from portal.roles.forms import ApproveStoryForm, RequestChangesForm
from portal.shared.privacy_guard import GuardedModel, page_errors


class RoleGroup(GuardedModel, models.Model):
    """Marks a Wagtail group as the contributors of one jobcenter or the consultants of one region."""

    CONTRIBUTOR = "contributor"
    CONSULTANT = "consultant"
    ROLE_CHOICES = [(CONTRIBUTOR, "Bidragydere fra jobcenteret"), (CONSULTANT, "Regionale konsulenter")]

    group = models.OneToOneField(Group, verbose_name="gruppe", on_delete=models.CASCADE, related_name="portal_role")
    role = models.CharField("rolle", max_length=20, choices=ROLE_CHOICES)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="jobcenter eller region", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "rollegruppe"
        verbose_name_plural = "rollegrupper"
        constraints = [models.UniqueConstraint(fields=["role", "page"], name="one_group_per_role_and_place")]

    def __str__(self):
        return self.group.name

    @classmethod
    def places_of(cls, user, role):
        """The ids of the jobcenters (contributor) or regions (consultant) whose group the user is in, as a
        subquery."""
        return cls.objects.filter(role=role, group__user=user).values("page_id")


class RegionalReviewTask(GuardedModel, AbstractGroupApprovalTask):
    """A region's consultants review a submitted story against the portal's quality criteria before publishing."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            # Wagtail adds "og udgiv" to the approve action of a workflow's last task (this one).
            return [("reject", "Ønsk ændringer", True), ("approve", "Godkend", True)]
        return []

    def get_form_for_action(self, action):
        return ApproveStoryForm if action == "approve" else RequestChangesForm

    def get_template_for_action(self, action):
        return "roles/review_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and page_errors(task_state.revision.as_object()):
            # Never publish a CPR number, whatever path it took into the revision: back to the editor.
            return task_state.revision.content_object.get_admin_edit_url()
        kwargs = {"comment": kwargs.get("comment", "")}
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Regionens konsulenter gennemgår historien efter portalens kvalitetskriterier og udgiver den."

    class Meta:
        verbose_name = "regional gennemgang"
        verbose_name_plural = "regionale gennemgange"
