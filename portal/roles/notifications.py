"""Danish e-mail notifications of the review workflow, sent by a background task after the change is committed.

Consultants hear of a new submission; the contributor hears when changes are requested and when the story is
published (`on_task_submitted`, `on_workflow_rejected`, `on_workflow_approved`: steps of the publishing pipeline,
portal/home/publishing.py). Each mail goes through the outbox (portal/outbox): stored with the change, sent after
the commit, retried when the mail server fails, and shown to editors if it still fails. It never undoes or blocks the
submission.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from portal.outbox.sending import queue_mail
from portal.roles.models import RegionalReviewTask

logger = logging.getLogger(__name__)

WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
]


def replace_wagtail_notifiers():
    """Wagtail's own workflow mails are English and link to the admin, which contributors cannot use."""
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)


def _render(template, context):
    subject, _blank, body = render_to_string(f"roles/email/{template}.txt", context).strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


@task()
def send_notification_task(template: str, context: dict, recipients: list[str]) -> None:
    """Kept for tasks enqueued before the outbox existed: the mail goes through the outbox."""
    queue_mail(template, *_render(template, context), recipients)


def notify(template, context, users):
    """Store the mail in the outbox, in the same transaction as the change; it is sent after the commit and retried
    if the mail server fails. A failure to render or store it is logged and never undoes the change."""
    recipients = sorted({user.email for user in users if user and user.email and user.is_active})
    if not recipients:
        return
    try:
        with transaction.atomic():
            queue_mail(template, *_render(template, context), recipients)
    except Exception:
        logger.exception("Could not store the %r notification", template)


def _story_context(page):
    page = Page.objects.get(pk=page.pk).specific  # fresh: the workflow may just have published it
    jobcenter = page.get_parent()
    return {
        "title": page.get_latest_revision_as_object().title if page.latest_revision_id else page.title,
        "jobcenter": jobcenter.title,
        "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "my_stories_url": settings.WAGTAILADMIN_BASE_URL + reverse("stories:my_stories"),
        "public_url": page.full_url if page.live else "",
    }


def _is_review(task_state):
    return isinstance(task_state.task.specific, RegionalReviewTask)


def on_task_submitted(sender, instance, user=None, **kwargs):
    if not _is_review(instance):
        return
    consultants = [member for group in instance.task.specific.groups.all() for member in group.user_set.all()]
    notify("submitted", _story_context(instance.workflow_state.content_object), consultants)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    context = _story_context(instance.content_object) | {"comment": task_state.comment if task_state else ""}
    notify("changes_requested", context, [instance.requested_by])


def on_workflow_approved(sender, instance, user=None, **kwargs):
    notify("published", _story_context(instance.content_object), [instance.requested_by])
