"""Creates the portal's roles as Wagtail groups with page permissions on their own subtree (idempotent).

- Contributors of a jobcenter: add and change pages beneath their jobcenter (never publish); no admin access.
- Consultants of a region: add, change, publish (and unpublish), lock and unlock beneath their region (its jobcenters'
  stories and its events); admin access; the stories offered to their events; members of the region's review task,
  so its stories' workflow reaches them.
- Editors: everything on every page, the taxonomy snippets, images and documents. Users are managed by superusers.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.roles.models import RegionalReviewTask, RoleGroup
from portal.taxonomy.models import JobcenterPage, RegionPage

EDITORS = "Redaktører"
CONTRIBUTOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
CONSULTANT_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_PAGE_PERMISSIONS = CONSULTANT_PAGE_PERMISSIONS + ["bulk_delete_page"]
MEDIA_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
EDITOR_MEDIA_PERMISSIONS = MEDIA_PERMISSIONS + ["change_image", "delete_image", "change_document", "delete_document"]
CONSULTANT_MODEL_PERMISSIONS = [
    ("events", "view_storycandidate"),
    ("stories", "view_storyadaptation"),
    ("stories", "change_storyadaptation"),
]
EDITOR_MODEL_PERMISSIONS = [
    ("taxonomy", "add_targetgroup"),
    ("taxonomy", "change_targetgroup"),
    ("taxonomy", "delete_targetgroup"),
    ("events", "view_storycandidate"),
    ("events", "change_storycandidate"),
    ("events", "delete_storycandidate"),
    ("stories", "view_storyadaptation"),
    ("stories", "change_storyadaptation"),
    ("stories", "delete_storyadaptation"),
    ("outbox", "view_outgoingmail"),
    ("outbox", "change_outgoingmail"),
    ("home", "change_portalsettings"),  # Portalindstillinger: the statement's address, contact e-mail, texts
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_media(group, codenames):
    collection = Collection.get_first_root_node()
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _role_group(role, page, name):
    role_group = RoleGroup.objects.filter(role=role, page=page).select_related("group").first()
    if role_group:
        return role_group.group
    group, _created = Group.objects.get_or_create(name=name[:150])
    RoleGroup.objects.create(group=group, role=role, page=page)
    return group


@transaction.atomic
def ensure_jobcenter_role(jobcenter):
    group = _role_group(RoleGroup.CONTRIBUTOR, jobcenter, f"Bidragydere – {jobcenter.title}")
    _grant_pages(group, jobcenter, CONTRIBUTOR_PAGE_PERMISSIONS)
    return group


@transaction.atomic
def ensure_region_role(region):
    group = _role_group(RoleGroup.CONSULTANT, region, f"Konsulenter – {region.title}")
    _grant_pages(group, region, CONSULTANT_PAGE_PERMISSIONS)
    _grant_media(group, MEDIA_PERMISSIONS)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        *(_permission(app_label, codename) for app_label, codename in CONSULTANT_MODEL_PERMISSIONS),
    )
    _ensure_review_workflow(region, group)
    return group


def _ensure_review_workflow(region, group):
    if WorkflowPage.objects.filter(page=region).exists():
        return
    task = RegionalReviewTask.objects.create(name=f"Gennemgang – {region.title}")
    task.groups.add(group)
    workflow = Workflow.objects.create(name=f"Redaktionel gennemgang – {region.title}")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=region, workflow=workflow)


@transaction.atomic
def ensure_editor_group():
    group, _created = Group.objects.get_or_create(name=EDITORS)
    root = Page.get_first_root_node()
    _grant_pages(group, root, EDITOR_PAGE_PERMISSIONS)
    _grant_media(group, EDITOR_MEDIA_PERMISSIONS)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        *(_permission(app_label, codename) for app_label, codename in EDITOR_MODEL_PERMISSIONS),
    )
    return group


def ensure_all_roles():
    ensure_editor_group()
    for region in RegionPage.objects.all():
        ensure_region_role(region)
    for jobcenter in JobcenterPage.objects.all():
        ensure_jobcenter_role(jobcenter)
