"""Who may work on a submission, how it enters the region's review workflow, and the status a contributor sees."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.actions.edit_page import EditPageAction
from wagtail.models import WorkflowState

from portal.events.models import StoryCandidate
from portal.roles.models import RoleGroup
from portal.taxonomy.models import JobcenterPage
from stories.models import StorySubmission
from stories.submission.steps import STEPS, incomplete_steps


def contributor_jobcenters(user):
    """The jobcenters whose contributor group the user is in."""
    if not user.is_authenticated:
        return JobcenterPage.objects.none()
    return JobcenterPage.objects.filter(pk__in=RoleGroup.places_of(user, RoleGroup.CONTRIBUTOR)).order_by("title")


def contributes_to(user, jobcenter) -> bool:
    return contributor_jobcenters(user).filter(pk=jobcenter.pk).exists()


def in_review(page):
    state = page.current_workflow_state if page else None
    return bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS)


def can_work_on(user, submission):
    """Contributors of the submission's jobcenter (and editors) may edit it; its story's page permissions decide."""
    if submission.page_id:
        return submission.page.permissions_for_user(user).can_edit()
    return submission.jobcenter.permissions_for_user(user).can_add_subpage()


class AlreadySubmitted(Exception):
    pass


class Incomplete(Exception):
    def __init__(self, step):
        super().__init__(step.title)
        self.step = step


@transaction.atomic
def submit(submission_id, user, present_at=None):
    """Send the draft story's newest version into the region's review (start the workflow, or resume it after
    "changes requested"), and offer the story to an event whose call is open (`present_at`). Safe to call twice.

    The story is checked in full first (`full_clean`, so the model's personal-data guard too): a ValidationError
    is raised and nothing is changed when it fails."""
    submission = StorySubmission.objects.select_for_update().get(pk=submission_id)
    if not submission.page_id:
        raise Incomplete(STEPS[0])
    page = submission.page.specific
    if in_review(page):
        raise AlreadySubmitted
    story = page.get_latest_revision_as_object()
    incomplete = incomplete_steps(story)
    if incomplete:
        raise Incomplete(incomplete[0][0])
    if story.live:
        story.last_reviewed = timezone.localdate()  # updated results count as a review once published
    action = EditPageAction(story, user=user, clean=True)
    action.execute()
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["submitted_at", "updated_at"])
    page = StorySubmission.objects.get(pk=submission.pk).page.specific
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow = page.get_workflow()
        if workflow is None:
            raise RuntimeError(f"No review workflow covers {submission.jobcenter}: run `manage.py setup_roles`.")
        workflow.start(page, user)
    if present_at is not None:
        StoryCandidate.objects.get_or_create(event=present_at, story=page, defaults={"offered_by": user})
    return page, action.revision


@dataclass
class Status:
    code: str
    label: str
    comment: str = ""
    corrections_saved: object = None  # when the contributor saved corrections after "changes requested"


def status_of(submission):
    page = submission.page
    if page is None:
        return Status("draft", "Kladde – ikke indsendt")
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        status = Status("changes", "Ændringer ønsket", task_state.comment if task_state else "")
        asked = task_state.finished_at if task_state else None
        latest = page.latest_revision
        # Only the jobcenter's own saves count as corrections: a consultant who edits the story after asking for
        # changes has not corrected anything on the contributor's behalf.
        if asked and latest and latest.created_at > asked and latest.user_id != task_state.finished_by_id:
            status.corrections_saved = latest.created_at
        return status
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        touched = page.locked or (page.latest_revision and page.latest_revision.user_id != state.requested_by_id)
        return Status("review", "Under behandling") if touched else Status("received", "Modtaget")
    if page.live:
        return Status("published", "Udgivet")
    return Status("draft", "Kladde – ikke indsendt")
