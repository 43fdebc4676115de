"""The good-stories day from call to programme to materials, as contributors, consultants and practitioners see it."""

from datetime import time, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.events.models import EventMaterial, EventPage, ProgrammeItem, StoryCandidate, with_regions
from portal.search.documents import DocumentBuilder
from stories.models import StoryPage
from tests import factories as f
from tests.submission.helpers import fill_in, start_submission, step_url


def open_call(tree, **fields):
    fields = {"status": "call_open", "title": "Dagen i Kolding", **fields}
    return f.EventPageFactory(parent=tree.syd, **fields)


def story(tree, title="En kop kaffe", parent=None, live=True):
    page = f.StoryPageFactory(parent=parent or tree.varde, title=title)
    if not live:
        page.unpublish()
    return page


# The call for stories


def test_a_contributor_offers_a_story_to_an_open_call_when_submitting(client, tree, roles):
    event = open_call(tree)
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree)
    review = client.get(step_url(submission, "indsend")).content.decode()
    assert "Vil I fortælle historien på en god histories dag?" in review
    assert "Dagen i Kolding" in review

    response = client.post(step_url(submission, "indsend"), {"no_personal_data": "on", "present_at": event.pk})
    assert response.status_code == 302
    candidate = StoryCandidate.objects.get()
    assert candidate.event == event
    assert candidate.story.title == "Mikroaktivering i Varde: to timer om ugen"
    assert candidate.offered_by == roles["varde_contributor"]


def test_a_closed_call_or_a_passed_deadline_is_not_offered(client, tree, roles):
    f.EventPageFactory(parent=tree.syd, status="programme", title="Program er lagt")
    open_call(tree, call_deadline=timezone.localdate() - timedelta(days=1))
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree)
    review = client.get(step_url(submission, "indsend")).content.decode()
    assert "Vil I fortælle historien" not in review
    assert client.post(step_url(submission, "indsend"), {"no_personal_data": "on"}).status_code == 302
    assert not StoryCandidate.objects.exists()


def test_the_event_page_invites_stories_while_the_call_is_open(client, tree):
    event = open_call(tree, call_text="<p>Vi leder efter parallelle indsatser.</p>")
    content = client.get(event.url).content.decode()
    assert "Indkaldelse af historier" in content
    assert "Vi leder efter parallelle indsatser." in content
    event.status = "programme"
    event.save_revision().publish()
    assert "Vi leder efter parallelle indsatser." not in client.get(event.url).content.decode()


def test_consultants_see_the_candidates_for_their_own_regions_events_only(client, tree, roles):
    event = open_call(tree)
    offered = story(tree, "Historien der blev meldt")
    StoryCandidate.objects.create(event=event, story=offered, offered_by=roles["varde_contributor"])
    north = f.EventPageFactory(parent=tree.nord, status="call_open", title="Nordens dag")
    StoryCandidate.objects.create(event=north, story=story(tree, "Nordens historie", parent=tree.aalborg))

    client.force_login(roles["syd_consultant"])
    listing = client.get("/admin/snippets/events/storycandidate/")
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "Historien der blev meldt" in content
    assert "Jobcenter Varde" in content
    assert "Nordens historie" not in content

    client.force_login(roles["varde_contributor"])
    assert client.get("/admin/snippets/events/storycandidate/").status_code in (302, 403)


def test_a_consultant_runs_events_under_their_own_region(tree, roles):
    consultant = roles["syd_consultant"]
    assert tree.syd.permissions_for_user(consultant).can_add_subpage()
    assert EventPage in tree.syd.specific_class.allowed_subpage_models()
    event = f.EventPageFactory(parent=tree.syd)
    assert event.permissions_for_user(consultant).can_publish()
    other = f.EventPageFactory(parent=tree.nord)
    assert not other.permissions_for_user(consultant).can_edit()


def test_an_events_region_is_always_the_region_it_sits_under(client, tree):
    """The region is not stored: it is the parent page, wherever the event is created or moved to, in the listing's
    region filter, the region page and the search document alike."""
    assert [model._meta.label for model in EventPage.allowed_parent_page_models()] == ["taxonomy.RegionPage"]
    assert EventPage not in tree.events_index.specific_class.allowed_subpage_models()
    event = f.EventPageFactory(parent=tree.syd, title="Dagen der flyttede")
    assert event.region == tree.syd
    assert "region" not in {field.name for field in EventPage._meta.get_fields()}

    f.EventPageFactory(parent=tree.syd, title="Syds egen dag")  # the listing offers a region with events
    event.move(tree.nord, pos="last-child")
    event = EventPage.objects.get(pk=event.pk)
    assert event.region == tree.nord == event.get_parent().specific
    assert [e.region for e in with_regions([event])] == [tree.nord]
    under_nord, under_syd = EventPage.objects.child_of(tree.nord), EventPage.objects.child_of(tree.syd)
    assert [page.pk for page in under_nord] == [event.pk] and event.pk not in {p.pk for p in under_syd}
    assert "Dagen der flyttede" in client.get(tree.events_index.url, {"region": "nordjylland"}).text
    assert "Dagen der flyttede" not in client.get(tree.events_index.url, {"region": "syddanmark"}).text
    assert "Dagen der flyttede" in client.get(tree.nord.url).text
    assert "Dagen der flyttede" not in client.get(tree.syd.url).text
    document = DocumentBuilder().event(event)
    assert document.facets["region"] == ["nordjylland"] and document.display["region"] == tree.nord.title


# The programme


def add_programme(event, told):
    items = [
        ProgrammeItem(page=event, sort_order=0, starts_at=time(9, 30), kind="talk", title="Velkomst"),
        ProgrammeItem(
            page=event,
            sort_order=1,
            starts_at=time(10, 0),
            kind="story",
            story=told,
            presenter_role="jobkonsulent",
            presenter_jobcenter=told.get_parent().specific,
        ),
        ProgrammeItem(page=event, sort_order=2, starts_at=time(10, 45), kind="break", title="Kaffe"),
    ]
    ProgrammeItem.objects.bulk_create(items)


def test_the_programme_is_shown_in_order_once_published(client, tree):
    event = open_call(tree)
    told = story(tree, "Mikroaktivering")
    add_programme(event, told)
    assert "Velkomst" not in client.get(event.url).content.decode()
    assert client.get(f"{event.url}program/").status_code == 404

    event.status = "programme"
    event.save_revision().publish()
    content = client.get(event.url).content.decode()
    assert content.index("Velkomst") < content.index("Mikroaktivering") < content.index("Kaffe")
    assert f'href="{told.url}"' in content
    assert "Jobkonsulent, Jobcenter Varde" in content

    printable = client.get(f"{event.url}program/").content.decode()
    assert "Program for Dagen i Kolding" in printable
    assert printable.index("09.30") < printable.index("10.00") < printable.index("10.45")
    assert 'class="portal-header' not in printable


def test_a_story_not_yet_published_is_left_off_the_public_programme(client, tree):
    event = open_call(tree, status="programme")
    add_programme(event, story(tree, "Hemmelig kladde", live=False))
    content = client.get(event.url).content.decode()
    assert "Velkomst" in content
    assert "Hemmelig kladde" not in content


def test_a_programme_item_for_a_story_needs_the_story():
    item = ProgrammeItem(starts_at=time(9, 0), kind="story")
    with pytest.raises(Exception, match="Vælg den historie"):
        item.clean()


# After the day


def test_after_the_day_the_event_and_its_stories_point_at_each_other_with_the_materials(client, tree):
    event = open_call(
        tree, start=timezone.now() - timedelta(days=3), end=timezone.now() - timedelta(days=3) + timedelta(hours=6)
    )
    told = story(tree, "Mikroaktivering")
    untold = story(tree, "En anden historie")
    add_programme(event, told)
    slides = get_document_model()(title="Slides fra Varde")
    slides.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"), save=False)
    slides.save()
    EventMaterial.objects.create(page=event, title="Slides fra Varde", document=slides, story=told)
    EventMaterial.objects.create(page=event, title="Optagelse af dagen", link="https://video.example.dk/dagen")
    event.status = "held"
    event.save_revision().publish()

    content = client.get(event.url).content.decode()
    assert "Historierne fra dagen" in content and "Mikroaktivering" in content
    assert "En anden historie" not in content
    assert slides.url in content and "https://video.example.dk/dagen" in content

    story_page = client.get(told.url).content.decode()
    assert "Præsenteret på" in story_page
    assert f'href="{event.url}"' in story_page
    assert "Slides fra Varde" in story_page
    assert "Præsenteret på" not in client.get(untold.url).content.decode()


def test_the_event_listing_has_past_and_upcoming_per_region(client, tree):
    past = f.EventPageFactory(
        parent=tree.syd,
        title="Sidste års dag",
        start=timezone.now() - timedelta(days=300),
        end=timezone.now() - timedelta(days=299),
    )
    f.EventPageFactory(parent=tree.syd, title="Næste dag i Syd")
    f.EventPageFactory(parent=tree.nord, title="Næste dag i Nord")
    content = client.get(tree.events_index.url).content.decode()
    assert content.index("Kommende") < content.index("Næste dag i Syd") < content.index("Afholdte")
    assert content.index("Afholdte") < content.index(past.title)
    assert "Næste dag i Nord" in content

    syd_only = client.get(tree.events_index.url, {"region": "syddanmark"}).content.decode()
    assert "Næste dag i Syd" in syd_only and "Næste dag i Nord" not in syd_only


def test_the_home_page_shows_the_next_event(client, tree):
    f.EventPageFactory(parent=tree.syd, title="Næste gode histories dag")
    assert "Næste gode histories dag" in client.get("/").content.decode()


def test_each_event_has_a_calendar_file(client, tree):
    event = open_call(tree, venue="Kulturhuset", address="Kolding")
    response = client.get(f"{event.url}kalender/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    entry = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert str(entry["SUMMARY"]) == "Dagen i Kolding"
    assert entry.decoded("DTSTART") == event.start.replace(microsecond=0)
    assert str(entry["LOCATION"]) == "Kulturhuset, Kolding"
    assert event.url in str(entry["URL"])


def test_stories_on_a_programme_stay_deletable(tree):
    event = open_call(tree)
    told = story(tree, "Mikroaktivering")
    add_programme(event, told)
    Page.objects.get(pk=told.pk).delete()
    assert not StoryPage.objects.filter(pk=told.pk).exists()
    assert event.programme.get(kind="story").story is None


def test_a_region_without_events_lists_none_and_an_unknown_one_is_ignored(client, tree):
    """The listing's region filter means what the search's region facet means."""
    f.EventPageFactory(parent=tree.syd, title="Dagen i Syddanmark")
    assert "Dagen i Syddanmark" not in client.get(tree.events_index.url, {"region": "nordjylland"}).text
    assert "Dagen i Syddanmark" in client.get(tree.events_index.url, {"region": "atlantis"}).text
