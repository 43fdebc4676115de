"""Ways around the checks that the page editor and Wagtail's upload forms make: a story is never published by a bulk
action (it has no review and no personal-data confirmation), and Django's own admin offers no images, documents or
tags (Wagtail's forms check those)."""

import pytest
from wagtail.models import Page

from tests import factories as f


@pytest.fixture
def varde_draft(tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Kladde fra Varde", target_groups=[tree.unge])
    story.unpublish()
    return story


@pytest.mark.parametrize("role", ["syd_consultant", "editor"])
def test_a_story_is_not_published_by_a_bulk_action(client, roles, varde_draft, role):
    client.force_login(roles[role])
    url = f"/admin/bulk/wagtailcore/page/publish/?id={varde_draft.pk}&next=/admin/pages/{varde_draft.get_parent().pk}/"
    response = client.post(url, follow=True)
    assert not Page.objects.get(pk=varde_draft.pk).live
    assert "Historier udgives én ad gangen" in response.text


def test_other_pages_are_still_published_in_bulk(client, roles, tree):
    method = f.MethodPageFactory(parent=tree.methods_index, title="Kladde til en metode")
    method.unpublish()
    client.force_login(roles["editor"])
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={method.pk}")
    assert Page.objects.get(pk=method.pk).live


@pytest.mark.parametrize(
    "path",
    [
        "/django-admin/wagtaildocs/document/add/",
        "/django-admin/wagtailimages/image/add/",
        "/django-admin/taggit/tag/add/",
    ],
)
def test_django_admin_offers_no_uploads_or_tags(admin_client, path):
    assert admin_client.get(path).status_code == 404
    assert admin_client.get("/django-admin/").status_code == 200  # the rest of it is still there
