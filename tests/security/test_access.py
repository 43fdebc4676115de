"""Nothing unpublished or belonging to another jobcenter is reachable by URL for someone without the right."""

import pytest
from django.test import Client
from wagtail.models import Page

from portal.themes.models import ThemeIndexPage, ThemeItem, ThemePage
from stories.models import StorySubmission
from tests import factories as f

VISITORS = ["anonymous", "reader", "aalborg_contributor", "nord_consultant"]


def visitor(roles, who):
    client = Client()
    if who != "anonymous":
        client.force_login(roles[who])
    return client


@pytest.fixture
def drafts(tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Hemmelig kladde", live=False)
    event = f.EventPageFactory(parent=tree.syd, title="Hemmeligt arrangement", live=False)
    themes = tree.home.add_child(instance=ThemeIndexPage(title="Temaer", slug="temaer"))
    theme = ThemePage(title="Hemmeligt tema", slug="hemmeligt", lead="Kladde.", live=False)
    theme.items = [ThemeItem(item=tree.mentor)]
    themes.add_child(instance=theme)
    return {"story": story, "event": event, "theme": theme}


@pytest.mark.parametrize("who", VISITORS)
def test_unpublished_pages_are_not_found_on_the_site(roles, drafts, who):
    client = visitor(roles, who)
    for page in drafts.values():
        url = page.get_url()
        assert client.get(url).status_code == 404, url
        page.save_revision().publish()  # the same address answers once the page is published
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", VISITORS)
def test_unpublished_pages_are_in_no_listing_search_feed_or_sitemap(roles, drafts, tree, who):
    client = visitor(roles, who)
    for url in [
        "/",
        "/historier/",
        "/arrangementer/",
        tree.syd.url,
        "/soeg/?q=hemmelig",
        "/feeds/historier/",
        "/sitemap.xml",
        "/temaer/",
    ]:
        content = client.get(url).content.decode()
        assert "Hemmelig" not in content, url


def test_a_published_story_shows_its_live_version_not_the_waiting_changes(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Offentlig titel")
    draft = story.get_latest_revision_as_object()
    draft.title = "Ændring der venter på konsulenten"
    draft.save_revision()
    content = client.get(story.url).content.decode()
    assert "Offentlig titel" in content and "venter på konsulenten" not in content


@pytest.mark.parametrize("who", VISITORS)
def test_previews_and_the_admin_are_closed_to_those_without_rights(roles, drafts, tree, who):
    client = visitor(roles, who)
    story = drafts["story"]
    for url in [
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{story.pk}/edit/preview/",
        f"/admin/pages/{story.pk}/revisions/",
    ]:
        status = client.get(url).status_code
        if who == "nord_consultant":  # enters the admin, but not another region's pages
            assert status in (302, 403), url
        else:
            assert status == 302, url  # to the login page


@pytest.mark.parametrize("who", ["anonymous", "reader", "aalborg_contributor", "varde_contributor"])
def test_another_jobcenters_submission_is_closed(roles, tree, who):
    owner = visitor(roles, "varde_contributor")
    owner.post("/mine-historier/ny/")
    submission = StorySubmission.objects.get()
    client = visitor(roles, who)
    step = f"/mine-historier/{submission.public_id}/om/"
    response = client.get(step)
    if who == "varde_contributor":
        assert response.status_code == 200  # their own jobcenter's draft
    elif who == "anonymous":
        assert response["Location"].startswith("/log-ind/")
    else:
        assert response.status_code == 403
        assert '<html lang="da">' in response.content.decode() and "Du har ikke adgang" in response.content.decode()
        assert client.post(step, {"title": "Overtaget"}).status_code == 403
    submission.refresh_from_db()
    assert submission.page is None and not Page.objects.filter(title="Overtaget").exists()  # nothing was written


def test_a_stale_form_is_refused_in_danish_with_advice_on_keeping_the_text(roles, tree):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(roles["varde_contributor"])
    response = client.post("/mine-historier/ny/")  # no CSRF token, as after a long pause or a logout elsewhere
    assert response.status_code == 403
    text = response.content.decode()
    assert '<html lang="da">' in text and "Formularen kunne ikke sendes" in text and "tilbage-knap" in text
    assert not StorySubmission.objects.exists()
