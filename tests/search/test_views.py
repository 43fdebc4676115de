"""/soeg/ as a practitioner and another system use it: HTML with facets, JSON, suggestions, and graceful failure."""

import pytest
from django.core.management import call_command
from django.test import Client

from tests import factories as f

pytestmark = pytest.mark.parametrize("engine", ["database"], indirect=True)


def test_search_page_shows_results_with_facets_and_counts(client, corpus):
    response = client.get("/soeg/?q=misbrug&maalgruppe=borgere-med-misbrug")
    assert response.status_code == 200
    content = response.content.decode()
    assert "2 resultater for »misbrug«" in content
    assert "Hold for borgere med misbrug" in content
    assert 'name="maalgruppe" value="borgere-med-misbrug" checked' in content
    assert 'Unge under 30 <span class="facet-count">(1' in content  # other groups keep their counts
    assert '<meta name="robots" content="noindex' in content
    assert response["X-Robots-Tag"] == "noindex"


def test_search_page_without_a_query_lists_everything(client, corpus):
    content = client.get("/soeg/").content.decode()
    assert "Alt indhold (9)" in content


def test_json_api(client, corpus):
    data = client.get("/soeg/?q=misbrug&type=historie&format=json").json()
    assert data["total"] == 3
    assert data["engine"] == "database"
    assert {r["title"] for r in data["results"]} == {
        "En kop kaffe som første skridt",
        "Hold for borgere med misbrug",
        "Særlige tegn",
    }
    first = data["results"][0]
    assert set(first) >= {"id", "type", "title", "url", "snippet_html", "jobcenter", "target_groups"}
    assert first["url"].startswith("http://localhost/")  # PORTAL_SITE_URL in the test settings
    types = {o["value"]: o for o in data["facets"]["type"]}
    assert types["historie"] == {"value": "historie", "label": "Historie", "count": 3, "selected": True}
    assert types["arrangement"]["count"] == 1
    assert (data["page"], data["pages"], data["next"], data["previous"]) == (1, 1, None, None)


def test_json_by_accept_header_and_pagination_links(client, corpus):
    data = client.get("/soeg/?side=1", HTTP_ACCEPT="application/json").json()
    assert data["total"] == 9 and data["pages"] == 1
    for n in range(12):
        f.StoryPageFactory(parent=corpus["varde"].get_parent(), title=f"Ekstra {n}")
    call_command("rebuild_search_index", "--no-progress")
    data = client.get("/soeg/", HTTP_ACCEPT="application/json").json()
    assert data["pages"] == 3
    assert data["next"] == "http://localhost/soeg/?side=2&format=json"


def test_bad_parameters_are_ignored_not_fatal(client, corpus):
    response = client.get("/soeg/?q=misbrug&side=abc&sortering=tilfældig&maalgruppe=<script>&aar=1'--")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_no_results_suggests_dropping_a_choice_and_nearby_taxonomy(client, corpus):
    content = client.get("/soeg/?q=misbrug&region=nordjylland").content.decode()
    assert "Vi fandt desværre intet" in content
    assert "Uden »Region: Region Nordjylland«</a>: 4 resultater" in content
    assert 'href="?q=misbrug"' in content
    assert "Målgruppen" in content and "Borgere med misbrug" in content


def test_suggestions_while_typing(client, corpus):
    data = client.get("/soeg/forslag/?q=unge").json()
    assert "Unge under 30" in data["suggestions"]
    assert "Unge med mentor" in data["suggestions"]
    assert client.get("/soeg/forslag/?q=u").json()["suggestions"] == []


def test_anonymous_results_are_briefly_cacheable_but_never_for_a_logged_in_user(admin_client, corpus):
    assert "public" in Client().get("/soeg/?q=misbrug")["Cache-Control"]
    assert "private" in admin_client.get("/soeg/?q=misbrug")["Cache-Control"]


@pytest.mark.parametrize("kind", ["opensearch", "elasticsearch"])
def test_an_engine_that_is_down_degrades_to_the_database_search(client, corpus, settings, kind):
    settings.PORTAL_SEARCH_ENGINE = kind
    settings.PORTAL_SEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.PORTAL_SEARCH_TIMEOUT = 0.5
    response = client.get("/soeg/?q=misbrug")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Søgemaskinen svarer ikke lige nu" in content
    assert "Hold for borgere med misbrug" in content
    assert client.get("/soeg/?q=misbrug&format=json").json()["engine"] == "database"
    assert client.get("/soeg/forslag/?q=unge").status_code == 200


def test_json_addresses_come_from_the_site_address_not_the_host_header(client, corpus, settings):
    settings.PORTAL_SITE_URL = "https://godehistorier.example.dk"
    for n in range(12):
        f.StoryPageFactory(parent=corpus["varde"].get_parent(), title=f"Ekstra {n}")
    call_command("rebuild_search_index", "--no-progress")
    response = client.get("/soeg/?format=json", HTTP_HOST="localhost:6666")
    data = response.json()
    assert "localhost:6666" not in response.text
    assert data["next"] == "https://godehistorier.example.dk/soeg/?side=2&format=json"
    assert data["results"] and all(r["url"].startswith("https://godehistorier.example.dk/") for r in data["results"])
