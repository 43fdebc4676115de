"""The demo corpus: realistic, complete and idempotent."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from methods.models import MethodPage
from portal.events.models import EventPage
from portal.home.portal_settings import PortalSettings
from portal.taxonomy.models import JobcenterPage, RegionPage, TargetGroup
from portal.themes.models import ThemePage
from stories.models import StoryAdaptation, StoryPage
from stories.sections import presented_stories


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [Page, StoryPage, MethodPage, TargetGroup, RegionPage, JobcenterPage, EventPage, get_image_model()]
    }


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", stdout=io.StringIO())


def test_demo_content_is_idempotent(demo):
    before = counts()
    call_command("load_demo_content", stdout=io.StringIO())
    assert counts() == before


def test_demo_corpus_is_large_enough_and_published(demo):
    assert StoryPage.objects.live().count() >= 12
    assert MethodPage.objects.live().count() >= 8
    assert set(MethodPage.objects.values_list("evidence_level", flat=True)) == {"documented", "promising", "experience"}
    held = EventPage.objects.get(status="held")
    assert held.programme.filter(kind="story").count() >= 3 and held.materials.exists()
    assert all(story.live for story in presented_stories(held))
    upcoming = EventPage.objects.get(status="call_open")
    assert upcoming.call_is_open and upcoming.candidates.exists()
    assert ThemePage.objects.live().count() >= 2 and all(theme.items.exists() for theme in ThemePage.objects.all())
    assert StoryAdaptation.objects.filter(status=StoryAdaptation.APPROVED).exists()
    demo_settings = PortalSettings.load()
    assert demo_settings.contact_email and demo_settings.search_intro and demo_settings.accessibility_statement_url


def test_every_demo_story_says_for_whom_what_result_and_whom_to_call(demo):
    for story in StoryPage.objects.all():
        assert story.target_groups.exists(), story
        assert story.results.exists(), story
        assert len(story.practice) > 0, story
        assert story.contact_email.endswith(".example.dk"), story
        assert "fiktiv" in story.contact_name.lower(), story
        assert story.image and story.image.description, story


def test_demo_site_serves_its_pages(demo, client):
    story = StoryPage.objects.get(slug="mikroaktivering-i-varde")
    assert client.get("/").status_code == 200
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Jobcenter Varde" in response.content.decode()


def test_misbrug_finds_the_substance_abuse_stories(demo, client):
    content = client.get("/maalgrupper/borgere-med-misbrug/").content.decode()
    assert "Hold for borgere med misbrug" in content
    search = client.get("/soeg/?q=misbrug").content.decode()
    assert "Hold for borgere med misbrug" in search


def test_ensure_admin_creates_one_administrator(db, monkeypatch, django_user_model, capsys):
    monkeypatch.setenv("PORTAL_ADMIN_USERNAME", "redaktion")
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "et-langt-kodeord-42")
    call_command("ensure_admin")
    call_command("ensure_admin")
    assert django_user_model.objects.filter(username="redaktion", is_superuser=True).count() == 1
    output = capsys.readouterr()
    assert "et-langt-kodeord-42" not in output.out + output.err  # never into deploy logs
    assert "PORTAL_ADMIN_PASSWORD" in output.out
    assert django_user_model.objects.get(username="redaktion").check_password("et-langt-kodeord-42")


def test_ensure_admin_prints_a_password_it_made_once(db, monkeypatch, django_user_model, capsys):
    monkeypatch.delenv("PORTAL_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    printed = capsys.readouterr().out.split("adgangskode '")[1].split("'")[0]
    assert django_user_model.objects.get(username="admin").check_password(printed)
    call_command("ensure_admin")
    assert printed not in capsys.readouterr().out
