"""Follow-up: stories whose results are a year old are listed for their jobcenter and consultant, and their owner
gets exactly one reminder."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from stories.models import ReviewReminder, StoryPage
from tests import factories as f


def remind(capture):
    with capture(execute=True):
        call_command("send_review_reminders", stdout=io.StringIO())


@pytest.fixture
def stale(tree, roles):
    story = f.StoryPageFactory(parent=tree.varde, title="Gammel historie", owner=roles["varde_contributor"])
    StoryPage.objects.filter(pk=story.pk).update(last_reviewed=timezone.localdate() - timedelta(days=400))
    return StoryPage.objects.get(pk=story.pk)


@pytest.fixture
def fresh(tree, roles):
    story = f.StoryPageFactory(parent=tree.varde, title="Ny historie", owner=roles["varde_contributor"])
    StoryPage.objects.filter(pk=story.pk).update(last_reviewed=timezone.localdate() - timedelta(days=30))
    return story


def test_the_reminder_command_sends_one_mail_however_often_it_runs(
    stale, fresh, roles, django_capture_on_commit_callbacks
):
    remind(django_capture_on_commit_callbacks)
    remind(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [roles["varde_contributor"].email]
    assert message.subject == "Er resultaterne stadig aktuelle? Gammel historie"
    assert "/mine-historier/" in message.body
    assert ReviewReminder.objects.filter(story=stale).count() == 1


def test_a_story_never_reviewed_counts_from_its_first_publication(tree, roles, django_capture_on_commit_callbacks):
    story = f.StoryPageFactory(parent=tree.varde, title="Aldrig gennemgået", owner=roles["varde_contributor"])
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=timezone.now() - timedelta(days=500))
    remind(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == ["Er resultaterne stadig aktuelle? Aldrig gennemgået"]


def test_when_the_owner_has_left_the_jobcenters_contributors_are_reminded(
    stale, roles, django_capture_on_commit_callbacks
):
    owner = roles["varde_contributor"]
    owner.is_active = False
    owner.save()
    remind(django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == [roles["varde_colleague"].email]


def test_the_jobcenter_sees_its_stories_due_for_follow_up_and_can_confirm_the_results(client, stale, fresh, roles):
    client.force_login(roles["varde_contributor"])
    page = client.get("/mine-historier/").content.decode()
    due = page[page.index("Skal følges op") : page.index("</section>", page.index("Skal følges op"))]
    assert "Gammel historie" in due and "Ny historie" not in due

    response = client.post(f"/mine-historier/historie/{stale.pk}/opfoelgning/", {"handling": "aktuel"}, follow=True)
    assert "markeret som gennemgået i dag" in response.content.decode()
    stale.refresh_from_db()
    assert stale.last_reviewed == timezone.localdate()
    assert stale.live and not stale.has_unpublished_changes
    assert "Skal følges op" not in client.get("/mine-historier/").content.decode()


def test_marking_a_story_ended_is_a_review_too(client, stale, roles):
    client.force_login(roles["varde_colleague"])
    client.post(f"/mine-historier/historie/{stale.pk}/opfoelgning/", {"handling": "afsluttet"})
    stale.refresh_from_db()
    assert stale.status == "ended" and stale.last_reviewed == timezone.localdate()
    assert "Afsluttet" in client.get(stale.url).content.decode()


def test_another_jobcenter_cannot_follow_up_on_the_story(client, stale, roles):
    client.force_login(roles["aalborg_contributor"])
    assert client.post(f"/mine-historier/historie/{stale.pk}/opfoelgning/", {"handling": "aktuel"}).status_code == 403
    stale.refresh_from_db()
    assert stale.last_reviewed != timezone.localdate()


def test_a_story_without_a_submission_can_have_its_results_corrected_by_its_jobcenter(client, stale, roles):
    client.force_login(roles["varde_contributor"])
    response = client.post(f"/mine-historier/historie/{stale.pk}/ret/")
    assert response.status_code == 302
    form = client.get(response["Location"]).content.decode()
    assert 'value="Gammel historie"' in form


def test_the_regions_consultant_sees_the_stories_due_on_the_dashboard(client, stale, roles, tree):
    north_story = f.StoryPageFactory(parent=tree.aalborg, title="Nordens gamle historie")
    StoryPage.objects.filter(pk=north_story.pk).update(last_reviewed=timezone.localdate() - timedelta(days=400))
    client.force_login(roles["syd_consultant"])
    dashboard = client.get("/admin/").content.decode()
    assert "Historier, der skal følges op" in dashboard
    assert "Gammel historie" in dashboard and "Jobcenter Varde" in dashboard
    assert "Nordens gamle historie" not in dashboard
