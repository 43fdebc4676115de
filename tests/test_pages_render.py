"""Every public page type renders in Danish with the information a practitioner came for."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from wagtail.rich_text import RichText

from portal.home.portal_settings import PortalSettings
from stories.models import StoryResult
from tests import factories as f


@pytest.fixture
def story(tree):
    story = f.StoryPageFactory(
        parent=tree.varde,
        title="Mikroaktivering i Varde",
        summary="Aktivering på få timer om ugen.",
        target_groups=[tree.aktivitetsparate],
        methods=[tree.parallel],
        tags=["optrapning"],
        status="ended",
        period_start=date(2007, 1, 1),
        period_end=date(2008, 7, 1),
        dose_start_hours=2,
        dose_progression="Op til 15 timer over et halvt år.",
        practice=[
            ("paragraph", RichText("<p>Vi startede med en kop kaffe.</p>")),
            (
                "steps",
                {"heading": "Forløbet", "steps": [{"title": "Første møde", "text": RichText("<p>Uden krav</p>")}]},
            ),
            (
                "quote",
                {"quote": "Rytmen betød alt.", "role": "Jobkonsulent, Jobcenter Varde", "speaker_kind": "practitioner"},
            ),
            ("tip", {"title": "Godt råd", "text": RichText("<p>Skriv optrapningen ned.</p>")}),
            ("video", {"url": "https://www.youtube.com/watch?v=abc123", "title": "Sådan gjorde vi", "transcript": ""}),
        ],
        contact_name="Fiktiv teamleder",
        contact_email="teamleder@varde.example.dk",
    )
    story.results = [
        StoryResult(
            figure="25 %",
            outcome="i job eller uddannelse",
            base="af 40 borgere",
            period="efter 12 måneder",
            documentation="monitoring",
        )
    ]
    story.save_revision().publish()
    return story


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_page_answers_what_works_for_whom(client, tree, story):
    f.EventPageFactory(parent=tree.syd, title="Den gode histories dag 2027")
    content = get_ok(client, "/")
    assert '<html lang="da">' in content
    assert 'action="/soeg/"' in content
    assert "Aktivitetsparate" in content and "Parallelle indsatser" in content
    assert "Mikroaktivering i Varde" in content
    assert "Den gode histories dag 2027" in content


def test_story_page_tells_what_for_whom_result_and_whom_to_call(client, story):
    content = get_ok(client, story.url)
    for expected in [
        "Mikroaktivering i Varde",
        "Jobcenter Varde",
        "Region Syddanmark",
        "Aktivitetsparate",
        "Parallelle indsatser",
        "Vi startede med en kop kaffe.",
        "Første møde",
        "Rytmen betød alt.",
        "Skriv optrapningen ned.",
        "25 %",
        "af 40 borgere",
        "efter 12 måneder",
        "Løbende opfølgning",
        "Timer om ugen ved start",
        "Fiktiv teamleder",
        "teamleder@varde.example.dk",
        "Afsluttet (januar 2007 – juli 2008)",
        "optrapning",
    ]:
        assert expected in content, expected


def test_video_loads_nothing_from_the_host_until_clicked(client, story):
    content = get_ok(client, story.url)
    assert "<iframe" not in content
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abc123"' in content
    assert 'href="https://www.youtube.com/watch?v=abc123"' in content


def test_method_page_shows_evidence_and_its_stories(client, tree, story):
    content = get_ok(client, tree.parallel.url)
    assert "Dokumenteret effekt" in content
    assert "Sådan gør I" in content
    assert "Mikroaktivering i Varde" in content


def test_index_and_taxonomy_pages_render(client, tree, story):
    assert "Mikroaktivering i Varde" in get_ok(client, "/historier/")
    assert "Parallelle indsatser" in get_ok(client, "/metoder/")
    assert "Over fem år" in get_ok(client, "/maalgrupper/")
    assert "Jobcenter Aalborg" in get_ok(client, "/regioner/")
    assert "Jobcenter Varde" in get_ok(client, tree.syd.url)
    jobcenter = get_ok(client, tree.varde.url)
    assert "Varde Kommune" in jobcenter and "jobcenter@kommune.example.dk" in jobcenter


def test_event_pages_render(client, tree):
    event = f.EventPageFactory(parent=tree.syd, title="Den gode histories dag")
    assert "Den gode histories dag" in get_ok(client, "/arrangementer/")
    assert "Kulturhuset" in get_ok(client, event.url)


def test_standard_page_renders(client, tree):
    page = f.StandardPageFactory(parent=tree.home)
    assert "Om portalen" in get_ok(client, page.url)


def test_breadcrumbs_lead_back_home(client, story):
    content = get_ok(client, story.url)
    assert 'aria-label="Brødkrumme"' in content
    assert ">Forside</a>" in content


def test_not_found_page_is_friendly_danish(client, tree):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in response.content.decode()


def test_server_error_page_is_danish(client, tree):
    from portal.shared.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Der opstod en fejl hos os" in response.content.decode()


def test_was_redirects_to_the_accessibility_statement(client, tree):
    portal_settings = PortalSettings.load()
    portal_settings.accessibility_statement_url = "https://www.was.digst.dk/example"
    portal_settings.save()
    response = client.get("/was")
    assert response.status_code == 302
    assert response["Location"] == "https://www.was.digst.dk/example"
    assert "Tilgængelighedserklæring" in get_ok(client, "/")


def test_robots_and_sitemap(client, story):
    robots = get_ok(client, "/robots.txt")
    assert "Disallow: /soeg/" in robots and "Sitemap:" in robots
    assert story.url in get_ok(client, "/sitemap.xml")


def test_search_finds_stories_and_is_not_indexed_by_robots(client, story):
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    content = get_ok(client, "/soeg/?q=kaffe")
    assert "Mikroaktivering i Varde" in content
    assert 'content="noindex' in content
    assert "Vi fandt desværre intet" in get_ok(client, "/soeg/?q=xyzzyq")


def test_no_cookies_are_set_for_an_anonymous_visitor(client, story):
    for url in ["/", story.url, "/historier/", "/soeg/?q=kaffe"]:
        assert not client.get(url).cookies, url


def test_the_health_check_answers_without_the_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sundhed/")
    assert response.status_code == 200 and response.text == "ok"
    assert "no-store" in response["Cache-Control"]  # never cached by a proxy or the page cache
