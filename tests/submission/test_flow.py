"""A jobcenter contributor submits a story through the guided form; it reaches the region's consultant."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from stories.models import StoryPage, StorySubmission
from tests.submission.helpers import fill_in, start_submission, step_url, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor(client, roles):
    client.force_login(roles["varde_contributor"])
    return client


def test_a_submitted_story_becomes_a_draft_under_the_jobcenter_in_the_regions_review(contributor, tree, roles):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    response = submit(contributor, submission)
    assert response.status_code == 302

    story = StoryPage.objects.get()
    assert story.get_parent().pk == tree.varde.pk
    assert not story.live
    draft = story.get_latest_revision_as_object()
    assert draft.title == "Mikroaktivering i Varde: to timer om ugen"
    assert [group.pk for group in draft.target_groups.all()] == [tree.aktivitetsparate.pk]
    assert draft.partners.get().name == "Lokalt autoværksted"
    assert draft.results.get().figure == "25 %"
    assert sorted(tag.name for tag in draft.tags.all()) == ["mentor", "praktik"]
    assert "<p>Vi fandt virksomheder med små opgaver.</p>" in str(draft.practice)
    state = story.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Region Syddanmark" in state.workflow.name

    page = contributor.get(reverse("stories:my_stories"))
    assert "Modtaget" in page.content.decode()


def test_the_regions_consultants_are_told_of_a_submission_in_danish(
    contributor, tree, roles, django_capture_on_commit_callbacks
):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    with django_capture_on_commit_callbacks(execute=True):
        submit(contributor, submission)
    assert [message.to for message in mail.outbox] == [["syd@example.org"]]
    assert mail.outbox[0].subject == "Ny historie til gennemgang: Mikroaktivering i Varde: to timer om ugen"
    assert "Jobcenter Varde har indsendt" in mail.outbox[0].body


def test_submitting_twice_creates_one_story(contributor, tree):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    submit(contributor, submission)
    second = submit(contributor, submission)
    assert second.status_code == 302
    assert StoryPage.objects.count() == 1
    assert WorkflowState.objects.count() == 1


def test_a_draft_is_kept_between_steps_and_can_be_resumed_in_a_new_session(client, roles, tree):
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    client.post(step_url(submission, "om"), {"title": "Halvfærdig historie", "gem": "1"})
    client.logout()

    client.force_login(roles["varde_contributor"])
    listing = client.get(reverse("stories:my_stories")).content.decode()
    assert "Halvfærdig historie" in listing and "Kladde" in listing
    form = client.get(step_url(submission, "om")).content.decode()
    assert 'value="Halvfærdig historie"' in form


def test_a_colleague_from_the_same_jobcenter_can_continue_the_draft(client, roles, tree):
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    client.force_login(roles["varde_colleague"])
    assert client.get(step_url(submission, "om")).status_code == 200


def test_an_invalid_step_shows_a_danish_error_summary_and_keeps_what_was_typed(contributor, tree):
    submission = start_submission(contributor)
    response = contributor.post(step_url(submission, "om"), {"title": "", "summary": "Et resumé, der ikke må tabes."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert 'href="#id_title"' in html and "Skriv en titel på historien." in html
    assert "Vælg mindst én målgruppe." in html
    assert "Et resumé, der ikke må tabes." in html
    submission.refresh_from_db()
    assert submission.page is None  # without a title nothing can be stored; what was typed is on the page

    # With a title the step is saved as a draft (the story itself), missing fields and all, and still shows them.
    response = contributor.post(
        step_url(submission, "om"), {"title": "Et udkast", "summary": "Et resumé, der ikke må tabes.", "naeste": "1"}
    )
    assert response.status_code == 400 and "Vælg mindst én målgruppe." in response.content.decode()
    submission.refresh_from_db()
    assert submission.page.get_latest_revision_as_object().summary == "Et resumé, der ikke må tabes."


def test_the_review_step_sends_back_to_an_unfinished_step(contributor, tree):
    submission = start_submission(contributor)
    contributor.post(step_url(submission, "om"), {"title": "Kun en titel", "gem": "1"})
    html = contributor.get(step_url(submission, "indsend")).content.decode()
    assert "Historien er ikke færdig" in html
    response = submit(contributor, submission)
    assert response.status_code == 400
    assert not WorkflowState.objects.exists()  # the draft story exists, but nothing is sent for review


def test_submitting_requires_confirming_that_no_citizen_can_be_identified(contributor, tree):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    response = contributor.post(step_url(submission, "indsend"), {})
    assert response.status_code == 400
    assert "Bekræft, at historien ikke kan identificere en borger." in response.content.decode()
    assert not WorkflowState.objects.exists()


def test_someone_who_is_not_a_contributor_is_told_how_to_get_access(client, roles):
    client.force_login(roles["reader"])
    response = client.get(reverse("stories:my_stories"))
    assert response.status_code == 403
    assert "ikke knyttet til et jobcenter" in response.content.decode()


def test_an_anonymous_visitor_is_asked_to_log_in(client, tree):
    response = client.get(reverse("stories:my_stories"))
    assert response.status_code == 302 and response["Location"].startswith("/log-ind/")
    assert 'lang="da"' in client.get("/log-ind/").content.decode()


def test_submission_pages_are_danish_and_not_indexed(contributor, tree):
    submission = start_submission(contributor)
    html = contributor.get(step_url(submission, "om")).content.decode()
    assert 'lang="da"' in html and 'name="robots" content="noindex"' in html
    assert StorySubmission.objects.count() == 1
