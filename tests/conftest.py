import os
from dataclasses import dataclass

import pytest
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from tests import factories as f

# Property-based tests: a bounded profile for CI (no deadline: a shared 2-core machine is slow now and then), and
# more examples on request (HYPOTHESIS_PROFILE=thorough).
hypothesis_settings.register_profile("ci", max_examples=60, deadline=None)
hypothesis_settings.register_profile("thorough", max_examples=2000, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def require_service(available: bool, reason: str):
    """Skip when a service is absent, except in CI (PORTAL_REQUIRE_SERVICES=1), where absence is a failure."""
    if available:
        return
    if os.environ.get("PORTAL_REQUIRE_SERVICES") == "1":
        pytest.fail(f"Required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: the database is emptied between tests, the cache would not be."""
    from django.core.cache import cache

    cache.clear()


@dataclass
class Tree:
    home: object
    stories_index: object
    methods_index: object
    groups_index: object
    regions_index: object
    events_index: object
    syd: object
    nord: object
    varde: object
    odense: object
    aalborg: object
    aktivitetsparate: object
    over_fem_aar: object
    misbrug: object
    unge: object
    mentor: object
    parallel: object


@pytest.fixture
def tree(db):
    """A small, realistic site: two regions, three jobcenters, target groups (one with a sub-group), two methods."""
    root = Page.get_first_root_node()
    home = f.HomePageFactory(parent=root)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    syd_index = f.RegionIndexPageFactory(parent=home)
    syd = f.RegionPageFactory(parent=syd_index, title="Region Syddanmark", slug="syddanmark")
    nord = f.RegionPageFactory(parent=syd_index, title="Region Nordjylland", slug="nordjylland")
    aktivitetsparate = f.TargetGroupFactory(name="Aktivitetsparate", slug="aktivitetsparate")
    groups = {
        "over_fem_aar": f.TargetGroupFactory(name="Over fem år", slug="over-fem-aar", parent=aktivitetsparate),
        "misbrug": f.TargetGroupFactory(name="Borgere med misbrug", slug="borgere-med-misbrug"),
        "unge": f.TargetGroupFactory(name="Unge under 30", slug="unge-under-30"),
    }
    methods_index = f.MethodIndexPageFactory(parent=home)
    return Tree(
        home=home,
        stories_index=f.StoryIndexPageFactory(parent=home),
        methods_index=methods_index,
        groups_index=f.TargetGroupIndexPageFactory(parent=home),
        regions_index=syd_index,
        events_index=f.EventIndexPageFactory(parent=home),
        syd=syd,
        nord=nord,
        varde=f.JobcenterPageFactory(parent=syd, title="Jobcenter Varde", slug="jobcenter-varde", municipality="Varde"),
        odense=f.JobcenterPageFactory(parent=syd, title="Jobcenter Odense", slug="jobcenter-odense"),
        aalborg=f.JobcenterPageFactory(parent=nord, title="Jobcenter Aalborg", slug="jobcenter-aalborg"),
        aktivitetsparate=aktivitetsparate,
        mentor=f.MethodPageFactory(parent=methods_index, title="Mentor", slug="mentor", target_groups=[groups["unge"]]),
        parallel=f.MethodPageFactory(
            parent=methods_index,
            title="Parallelle indsatser",
            slug="parallelle-indsatser",
            target_groups=[aktivitetsparate],
            evidence_level="documented",
        ),
        **groups,
    )


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktoer", "redaktoer@example.org", "hemmeligt-kodeord-1")
    client.force_login(user)
    return client


def pytest_report_header(config):
    from django.conf import settings as django_settings

    return f"database: {django_settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"


def _member(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "hemmeligt-kodeord-1")
    user.groups.add(group)
    return user


@pytest.fixture
def roles(tree, django_user_model):
    """One user per role: contributors from Varde and Aalborg, consultants for Syddanmark and Nordjylland, an editor."""
    from portal.roles.models import RoleGroup
    from portal.roles.setup import ensure_editor_group

    def group(role, page):
        return RoleGroup.objects.get(role=role, page=page).group

    return {
        "varde_contributor": _member(django_user_model, "varde", group(RoleGroup.CONTRIBUTOR, tree.varde)),
        "varde_colleague": _member(django_user_model, "varde2", group(RoleGroup.CONTRIBUTOR, tree.varde)),
        "aalborg_contributor": _member(django_user_model, "aalborg", group(RoleGroup.CONTRIBUTOR, tree.aalborg)),
        "syd_consultant": _member(django_user_model, "syd", group(RoleGroup.CONSULTANT, tree.syd)),
        "nord_consultant": _member(django_user_model, "nord", group(RoleGroup.CONSULTANT, tree.nord)),
        "editor": _member(django_user_model, "redaktion", ensure_editor_group()),
        "reader": django_user_model.objects.create_user("laeser", "laeser@example.org", "hemmeligt-kodeord-1"),
    }
