"""The publishing pipeline: what happens, in order, when published content changes. The one place to add a side
effect of publishing (README "Layout").

Each step is a function `step(sender, instance, **kwargs)` in the layer that owns what it changes; this module
only says which steps run on which change, and in what order. The steps that must not hold up an editor enqueue a
background task (the search index, the e-mails); none of them undoes the change when it fails.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from portal.home.portal_settings import PortalSettings
from portal.roles import notifications
from portal.search import indexing
from portal.search.models import SynonymGroup
from portal.shared import derived, page_cache
from portal.taxonomy.models import TargetGroup
from stories.models import StoryAdaptation
from stories.submission.files import publish_uploads

# The cached pages and the values derived from published content are forgotten last, after everything they show.
FORGET = (page_cache.purge, derived.forget)


def settings_changed(sender, instance, created=False, **kwargs):
    """Every page shows the portal settings (header, footer): an editor's change reaches visitors at once. Not when
    the row is first created: Wagtail creates it with the defaults at the first page view, and pages show those."""
    if not created:
        page_cache.purge()

PIPELINE = [
    # (signal, sender (None: any), the steps in order)
    # A page is published (also: renamed, its slug changed, approved in review) or unpublished.
    (page_published, None, (publish_uploads, indexing.page_changed, *FORGET)),
    (page_unpublished, None, (indexing.page_changed, *FORGET)),
    # A page moved (with its subtree): a jobcenter takes its stories' region with it.
    (post_page_move, None, (indexing.page_moved, *FORGET)),
    # A page deleted (with its subtree): its documents are noted before, deleted after.
    (pre_delete, None, (indexing.page_deleting,)),
    (post_delete, None, (indexing.page_deleted,)),
    (post_delete, Page, FORGET),
    # What published pages show besides pages: a target group renamed, an adaptation approved, synonyms edited.
    (post_save, TargetGroup, (indexing.target_group_changed, *FORGET)),
    (post_delete, TargetGroup, FORGET),
    (post_save, StoryAdaptation, FORGET),
    (post_delete, StoryAdaptation, FORGET),
    (post_save, SynonymGroup, FORGET),
    (post_delete, SynonymGroup, FORGET),
    (post_save, PortalSettings, (settings_changed,)),
    # The review: consultants hear of a submission; the contributor of changes requested, and of the publication.
    (task_submitted, TaskState, (notifications.on_task_submitted,)),
    (workflow_rejected, WorkflowState, (notifications.on_workflow_rejected,)),
    (workflow_approved, WorkflowState, (notifications.on_workflow_approved,)),
]


def _run(steps):
    def receiver(sender, **kwargs):
        for step in steps:
            step(sender=sender, **kwargs)

    return receiver


def connect() -> None:
    """Connect the pipeline (from the app's ready(); safe to call twice)."""
    for number, (signal, sender, steps) in enumerate(PIPELINE):
        signal.connect(_run(steps), sender=sender, weak=False, dispatch_uid=f"portal-publishing-{number}")
