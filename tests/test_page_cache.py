"""Anonymous page views come from the cache until published content changes; logged-in users are never cached."""

import pytest
from django.core.cache import cache

from tests import factories as f


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_the_second_anonymous_view_is_served_from_the_cache(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde")
    first = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(story.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "script-src 'self'" in second["Content-Security-Policy"]  # security headers still on a hit
    assert second["X-Frame-Options"] == "DENY"


def test_publishing_and_unpublishing_empty_the_cache(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Første titel")
    client.get("/historier/")
    assert client.get("/historier/")["X-Page-Cache"] == "hit"

    draft = story.get_latest_revision_as_object()
    draft.title = "Anden titel"
    draft.save_revision().publish()
    listing = client.get("/historier/")
    assert listing["X-Page-Cache"] == "miss" and "Anden titel" in listing.content.decode()

    client.get(story.url)
    story.unpublish()
    assert client.get(story.url).status_code == 404
    assert "Anden titel" not in client.get("/historier/").content.decode()


def test_renaming_a_target_group_empties_the_cache(client, tree):
    f.StoryPageFactory(parent=tree.varde, target_groups=[tree.misbrug])
    client.get("/historier/")
    assert client.get("/historier/")["X-Page-Cache"] == "hit"
    tree.misbrug.name = "Borgere i misbrugsbehandling"
    tree.misbrug.save()
    response = client.get("/historier/")
    assert response["X-Page-Cache"] == "miss" and "Borgere i misbrugsbehandling" in response.content.decode()


def test_logged_in_users_and_their_pages_are_never_cached(client, tree, roles):
    story = f.StoryPageFactory(parent=tree.varde)
    client.force_login(roles["varde_contributor"])
    for url in [story.url, story.url, "/mine-historier/", "/mine-historier/"]:
        assert "X-Page-Cache" not in client.get(url)
    client.logout()
    assert client.get(story.url)["X-Page-Cache"] == "miss"  # nothing the contributor saw was stored


def test_search_results_are_cached_per_format_and_the_admin_never(client, tree):
    f.StoryPageFactory(parent=tree.varde, title="Misbrug og kaffe", target_groups=[tree.misbrug])
    client.get("/soeg/?q=misbrug")
    assert client.get("/soeg/?q=misbrug", HTTP_ACCEPT="application/json")["X-Page-Cache"] == "miss"
    assert client.get("/soeg/?q=misbrug", HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
    assert client.get("/soeg/?q=misbrug")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_errors_are_not_cached(client, tree):
    assert "X-Page-Cache" not in client.get("/findes-ikke/")


def test_derived_values_follow_publishing_even_with_the_page_cache_off(client, tree, settings, django_user_model):
    """The menu and the search's facet labels are kept between publishes, for logged-in users too."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde", target_groups=[tree.misbrug])
    user = django_user_model.objects.create_user("laeser", password="hemmeligt-kodeord-1")
    client.force_login(user)
    assert "Sådan bruges portalen" not in client.get("/").text

    guide = f.StandardPageFactory(
        parent=tree.home, title="Sådan bruges portalen", slug="vejledning", show_in_menus=True, live=False
    )
    guide.save_revision().publish()
    assert "<span>Sådan bruges portalen</span>" in client.get("/").text  # the menu is read again after the publish

    search = "/soeg/?maalgruppe=borgere-med-misbrug"
    assert "Borgere med misbrug" in client.get(search).text
    tree.misbrug.name = "Borgere med et misbrug"
    tree.misbrug.save()  # renaming a target group empties the derived values too
    assert "Borgere med et misbrug" in client.get(search).text
