"""Editors manage the taxonomy in the Wagtail admin, in Danish, with search and filters."""

import pytest

from portal.taxonomy.models import TargetGroup
from tests import factories as f


def listed(response):
    assert response.status_code == 200
    return {str(obj) for obj in response.context["object_list"]}


def test_target_group_snippet_list_searches_and_filters(admin_client, tree):
    url = "/admin/snippets/taxonomy/targetgroup/"
    assert {"Borgere med misbrug", "Unge under 30", "Aktivitetsparate › Over fem år"} <= listed(admin_client.get(url))
    assert listed(admin_client.get(url + "?q=misbrug")) == {"Borgere med misbrug"}
    assert listed(admin_client.get(f"{url}?parent={tree.aktivitetsparate.pk}")) == {"Aktivitetsparate › Over fem år"}


def test_target_group_can_be_added_in_the_admin(admin_client, db):
    response = admin_client.post(
        "/admin/snippets/taxonomy/targetgroup/add/",
        {
            "name": "Sygedagpengemodtagere",
            "slug": "sygedagpengemodtagere",
            "description": "Sygemeldte borgere.",
            "sort_order": 10,
        },
    )
    assert response.status_code == 302
    assert TargetGroup.objects.filter(slug="sygedagpengemodtagere").exists()


def test_target_group_slug_must_be_unique(admin_client, tree):
    response = admin_client.post(
        "/admin/snippets/taxonomy/targetgroup/add/",
        {"name": "Andre unge", "slug": "unge-under-30", "description": "x", "sort_order": 1},
    )
    assert response.status_code == 200
    assert TargetGroup.objects.filter(slug="unge-under-30").count() == 1


def test_jobcenter_and_story_listings_in_the_admin(admin_client, tree):
    f.StoryPageFactory(parent=tree.varde, title="Mentor i Varde", status="ended")
    assert {"Jobcenter Varde", "Jobcenter Odense", "Jobcenter Aalborg"} <= listed(admin_client.get("/admin/jobcentre/"))
    f.StoryPageFactory(parent=tree.odense, title="Igangværende i Odense", status="ongoing")
    assert listed(admin_client.get("/admin/historier/?status=ended")) == {"Mentor i Varde"}


@pytest.mark.parametrize("language", ["da", "en"])
def test_admin_offers_danish_and_english(admin_client, language):
    response = admin_client.get("/admin/account/")
    assert response.status_code == 200
    assert f'value="{language}"' in response.content.decode()
