"""Who may work on a submission, how it enters the region's review workflow, and the status a contributor sees."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from portal.events.models import StoryCandidate
from portal.roles.models import RoleGroup
from portal.taxonomy.models import JobcenterPage
from stories.models import StoryPage, StorySubmission
from stories.submission.builder import apply_answers
from stories.submission.steps import cleaned_answers


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
    """Create or update the draft story and start (or resume) the region's review, and offer the story to an event
    whose call is open (`present_at`). Safe to call twice."""
    submission = StorySubmission.objects.select_for_update().get(pk=submission_id)
    page = submission.page.specific if submission.page_id else None
    if page and in_review(page):
        raise AlreadySubmitted
    cleaned, invalid_step = cleaned_answers(submission)
    if invalid_step:
        raise Incomplete(invalid_step)
    uploads = submission.data.get("uploads", {})
    if page is None:
        page = apply_answers(StoryPage(live=False, owner=user), cleaned, uploads, submission.jobcenter)
        submission.jobcenter.add_child(instance=page)
    else:
        page = apply_answers(page.get_latest_revision_as_object(), cleaned, uploads, submission.jobcenter)
        if page.live:
            page.last_reviewed = timezone.localdate()  # updated results count as a review once published
    revision = page.save_revision(user=user, log_action=True)
    submission.page = page
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["page", "submitted_at", "updated_at"])
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
    return page, revision


@dataclass
class Status:
    code: str
    label: str
    comment: str = ""


def status_of(submission):
    page = submission.page
    if page is None:
        return Status("draft", "Kladde – ikke indsendt")
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return Status("changes", "Ændringer ønsket", task_state.comment if task_state else "")
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        touched = page.locked or (page.latest_revision and page.latest_revision.user_id != state.requested_by_id)
        return Status("review", "Under behandling") if touched else Status("received", "Modtaget")
    if page.live:
        return Status("published", "Udgivet")
    return Status("draft", "Kladde – ikke indsendt")
