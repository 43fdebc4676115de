"""generate_corpus: a large corpus that the portal serves and finds like hand-made content, grown additively."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from methods.models import MethodPage
from portal.benchmark import corpus
from portal.events.models import EventPage
from portal.taxonomy.models import JobcenterPage
from stories.models import StoryPage


@pytest.fixture
def small_ratios(monkeypatch, settings, tmp_path):
    """The 50,000-story proportions, scaled down so that a test corpus of 150 stories holds every kind of page."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(corpus, "STORIES_PER_JOBCENTER", 50)
    monkeypatch.setattr(corpus, "STORIES_PER_METHOD", 75)
    monkeypatch.setattr(corpus, "STORIES_PER_EVENT", 150)


def generate(stories):
    out = io.StringIO()
    call_command("generate_corpus", stories=stories, batch_size=40, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def generated(model):
    return model.objects.filter(slug__startswith="bench-")


@pytest.mark.django_db
def test_the_corpus_is_served_searched_and_grown_additively(small_ratios, client):
    report = generate(150)
    assert StoryPage.objects.live().count() == 150
    assert (generated(JobcenterPage).count(), generated(MethodPage).count(), generated(EventPage).count()) == (3, 2, 1)
    assert "Generated" in report and "Search indexes rebuilt" in report
    assert all(not problem for problem in Page.find_problems())

    story = generated(StoryPage).order_by("path").last()
    page = client.get(story.url)
    assert page.status_code == 200 and story.title in page.text
    jobcenter = generated(JobcenterPage).first()
    # Found by the portal's search, facets included: the index was rebuilt after the bulk writes.
    district = jobcenter.title.removeprefix("Jobcenter ")
    results = client.get("/soeg/", {"q": district, "format": "json"}).json()
    assert results["total"] >= StoryPage.objects.child_of(jobcenter).count() > 0
    event = generated(EventPage).get()
    assert event.programme.count() == 3 and client.get(event.url).status_code == 200

    generate(150)  # nothing missing: nothing added
    assert StoryPage.objects.count() == 150 and generated(JobcenterPage).count() == 3
    generate(190)  # only the difference
    assert StoryPage.objects.live().count() == 190
    assert len(set(StoryPage.objects.values_list("url_path", flat=True))) == 190
    assert all(not problem for problem in Page.find_problems())
