"""Portalindstillinger: what an editor sets for the whole portal (the accessibility statement's address, the contact
e-mail, the portal's short texts) is edited in Wagtail's settings view and shown at once, also through the page
cache; a CPR number is refused there like everywhere else."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client

from portal.home.portal_settings import ABOUT_TEXT, ACCESSIBILITY_STATEMENT_URL, HOME_HEADING, TAGLINE, PortalSettings
from portal.roles.setup import EDITOR_MODEL_PERMISSIONS

EDIT_URL = "/admin/settings/home/portalsettings/"
CHANGED = {
    "accessibility_statement_url": "https://www.was.digst.dk/ny-erklaering",
    "contact_email": "redaktion@portal.example.dk",
    "tagline": "Jobcentrenes vidensbank",
    "home_heading": "Det virker – sådan gjorde vi",
    "about_text": "Et fælles sted for det, der virker.",
    "search_intro": "Find historier, metoder og arrangementer.",
}


@pytest.fixture
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def edit_form(editor_client):
    """The settings' edit view, reached as the Settings menu reaches it."""
    response = editor_client.get(EDIT_URL)
    assert response.status_code == 302
    return response["Location"]


def test_a_fresh_database_shows_what_the_portal_always_showed(client, tree):
    home = client.get("/").text
    assert HOME_HEADING in home and TAGLINE in home and ABOUT_TEXT in home
    assert "Kontakt redaktionen" not in home
    assert client.get("/was")["Location"] == ACCESSIBILITY_STATEMENT_URL
    assert 'class="font-lead"' not in client.get("/soeg/").text  # no intro on the search page until one is set


def test_an_editor_changes_the_settings_and_visitors_see_it_at_once(client, tree, roles, page_cache):
    assert ("home", "change_portalsettings") in EDITOR_MODEL_PERMISSIONS
    visitor = Client()
    assert visitor.get("/").status_code == 200
    assert visitor.get("/")["X-Page-Cache"] == "hit"  # the old front page is in the cache
    assert visitor.get("/soeg/").status_code == 200

    client.force_login(roles["editor"])
    assert "Portalindstillinger" in client.get("/admin/").text  # in the Settings menu
    url = edit_form(client)
    assert client.get(url).status_code == 200
    response = client.post(url, CHANGED)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    home = visitor.get("/")
    assert home["X-Page-Cache"] == "miss"
    text = home.text
    assert CHANGED["home_heading"] in text and CHANGED["tagline"] in text and CHANGED["about_text"] in text
    assert HOME_HEADING not in text and ABOUT_TEXT not in text
    assert f'href="mailto:{CHANGED["contact_email"]}">Kontakt redaktionen</a>' in text
    assert CHANGED["search_intro"] in visitor.get("/soeg/").text
    assert visitor.get("/was")["Location"] == CHANGED["accessibility_statement_url"]


def test_a_cpr_number_in_the_settings_is_refused(client, tree, roles):
    client.force_login(roles["editor"])
    url = edit_form(client)
    response = client.post(url, {**CHANGED, "about_text": "Ring til os om borger 010280-1234."})
    assert response.status_code == 200
    assert "about_text" in response.context["form"].errors
    assert PortalSettings.load().about_text == ABOUT_TEXT
    assert "010280-1234" not in client.get("/").text

    portal_settings = PortalSettings.load()
    portal_settings.search_intro = "CPR 010280-1234"
    with pytest.raises(ValidationError):
        portal_settings.save()  # the guard before saving, for whatever saves without the form
    assert PortalSettings.load().search_intro == ""


def test_a_consultant_cannot_change_them(client, tree, roles):
    client.force_login(roles["syd_consultant"])
    PortalSettings.load()
    response = client.post(f"{EDIT_URL}{PortalSettings.objects.get().pk}/", CHANGED)
    assert response.status_code in (302, 403)
    assert PortalSettings.load().tagline == TAGLINE


@pytest.mark.parametrize(
    "link",
    ["http://testserver/was", "https://portal.example.dk/was/", "ftp://www.was.digst.dk/erklaering"],
)
def test_the_statement_link_must_lead_away_over_http(client, tree, roles, link):
    """/was leads to the statement: a link back to an address /was would send visitors round in a circle, and a
    browser does not open ftp."""
    client.force_login(roles["editor"])
    url = edit_form(client)
    response = client.post(url, {**CHANGED, "accessibility_statement_url": link})
    assert response.status_code == 200
    assert response.context["form"].errors["accessibility_statement_url"]
    assert PortalSettings.objects.get().accessibility_statement_url == ACCESSIBILITY_STATEMENT_URL


def test_was_answers_a_head_request_like_a_get(client, tree):
    assert client.head("/was").status_code == client.get("/was").status_code == 302
