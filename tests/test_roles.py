"""The permission matrix (README, "Roles"): every role against every action on every kind of object."""

import pytest
from django.urls import reverse

from portal.roles.models import RoleGroup
from portal.roles.setup import ensure_all_roles
from stories.models import StorySubmission
from tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["varde_contributor", "aalborg_contributor", "syd_consultant", "nord_consultant", "editor", "reader"]


@pytest.fixture
def varde_story(tree):
    return f.StoryPageFactory(parent=tree.varde, title="Mikroaktivering", target_groups=[tree.aktivitetsparate])


@pytest.fixture
def varde_draft(tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Kladde fra Varde", target_groups=[tree.unge])
    story.unpublish()
    return story


def _can(user, page, action):
    permissions = page.permissions_for_user(user)
    return {
        "edit": permissions.can_edit,
        "publish": permissions.can_publish,
        "unpublish": permissions.can_unpublish,
        "add_story": permissions.can_add_subpage,
    }[action]()


@pytest.mark.parametrize(
    "role, expected",
    [
        ("varde_contributor", {"edit": True, "publish": False, "unpublish": False}),
        ("aalborg_contributor", {"edit": False, "publish": False, "unpublish": False}),
        ("syd_consultant", {"edit": True, "publish": True, "unpublish": True}),
        ("nord_consultant", {"edit": False, "publish": False, "unpublish": False}),
        ("editor", {"edit": True, "publish": True, "unpublish": True}),
        ("reader", {"edit": False, "publish": False, "unpublish": False}),
    ],
)
def test_who_may_edit_publish_and_unpublish_a_varde_story(roles, varde_story, role, expected):
    user = roles[role]
    assert {action: _can(user, varde_story, action) for action in expected} == expected


@pytest.mark.parametrize(
    "role, varde, aalborg",
    [
        ("varde_contributor", True, False),
        ("aalborg_contributor", False, True),
        ("syd_consultant", True, False),
        ("nord_consultant", False, True),
        ("editor", True, True),
        ("reader", False, False),
    ],
)
def test_who_may_add_a_story_under_which_jobcenter(roles, tree, role, varde, aalborg):
    user = roles[role]
    assert (_can(user, tree.varde, "add_story"), _can(user, tree.aalborg, "add_story")) == (varde, aalborg)


@pytest.mark.parametrize(
    "role, status",
    [
        ("varde_contributor", 200),
        ("aalborg_contributor", 200),
        ("syd_consultant", 403),
        ("editor", 403),
        ("reader", 403),
    ],
)
def test_only_contributors_submit_through_the_public_form(client, roles, tree, role, status):
    client.force_login(roles[role])
    assert client.get(reverse("stories:my_stories")).status_code == status


@pytest.mark.parametrize(
    "role, status",
    [
        ("varde_contributor", 200),
        ("aalborg_contributor", 403),
        ("syd_consultant", 200),
        ("nord_consultant", 403),
        ("editor", 200),
        ("reader", 403),
    ],
)
def test_a_jobcenters_draft_submission_is_open_to_its_own_people_and_its_regions_consultants(
    client, roles, tree, role, status
):
    submission = StorySubmission.objects.create(jobcenter=tree.varde, created_by=roles["varde_contributor"])
    client.force_login(roles[role])
    url = reverse("stories:submission_step", args=[submission.public_id, "om"])
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    "role, status", [("varde_contributor", 302), ("syd_consultant", 200), ("editor", 200), ("reader", 302)]
)
def test_only_consultants_and_editors_enter_the_admin(client, roles, tree, role, status):
    client.force_login(roles[role])
    assert client.get("/admin/").status_code == status


@pytest.mark.parametrize("role, allowed", [("editor", True), ("syd_consultant", False), ("varde_contributor", False)])
def test_only_editors_manage_target_groups_and_methods(roles, tree, role, allowed):
    user = roles[role]
    assert user.has_perm("taxonomy.add_targetgroup") is allowed
    assert _can(user, tree.parallel, "edit") is allowed


@pytest.mark.parametrize("role", ROLES + ["anonymous"])
def test_everyone_reads_published_stories_and_nobody_reads_drafts_on_the_site(
    client, roles, varde_story, varde_draft, role
):
    if role != "anonymous":
        client.force_login(roles[role])
    assert client.get(varde_story.url).status_code == 200
    assert client.get(varde_draft.get_url()).status_code == 404


def test_roles_are_created_for_every_region_and_jobcenter_and_setup_is_idempotent(tree):
    ensure_all_roles()
    ensure_all_roles()
    assert RoleGroup.objects.filter(role=RoleGroup.CONSULTANT).count() == 2
    assert RoleGroup.objects.filter(role=RoleGroup.CONTRIBUTOR).count() == 3
    assert tree.varde.get_workflow().name == "Redaktionel gennemgang – Region Syddanmark"
    assert tree.aalborg.get_workflow().name == "Redaktionel gennemgang – Region Nordjylland"
