"""The region's consultant reviews a submitted story: the checklist, approving, and asking for changes."""

import socket

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.roles.forms import QUALITY_CRITERIA
from stories.models import StoryPage, StorySubmission
from tests.submission.helpers import fill_in, open_step, start_submission, step_url, submit, submitted_story
from tests.upload_files import pdf as pdf_file

pytestmark = pytest.mark.django_db
CHECKLIST = {name: "on" for name, _label in QUALITY_CRITERIA}


@pytest.fixture
def submitted(client, roles, tree, django_capture_on_commit_callbacks):
    story = submitted_story(client, roles["varde_contributor"], tree, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    return story


def action_url(story, action):
    task_state = story.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(story.pk, action, task_state.pk))


def test_the_consultant_approves_with_the_quality_checklist_and_the_contributor_hears(
    client, roles, submitted, django_capture_on_commit_callbacks
):
    client.force_login(roles["syd_consultant"])
    modal = client.get(action_url(submitted, "approve"))
    assert "Historien siger, hvad der blev gjort" in modal.json()["html"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(submitted, "approve"), CHECKLIST)
    submitted.refresh_from_db()
    assert submitted.live
    assert client.get(submitted.url).status_code == 200
    assert [message.to for message in mail.outbox] == [["varde@example.org"]]
    assert mail.outbox[0].subject.startswith("Jeres historie er udgivet")
    assert submitted.full_url in mail.outbox[0].body

    client.force_login(roles["varde_contributor"])
    assert "Udgivet" in client.get(reverse("stories:my_stories")).content.decode()


def test_the_consultant_previews_the_submitted_story_with_its_methods(client, roles, tree, submitted):
    # A preview renders the revision, whose methods are held in memory (modelcluster), not in a query set.
    client.force_login(roles["syd_consultant"])
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[submitted.pk]))
    assert response.status_code == 200
    assert submitted.title in response.text and tree.parallel.title in response.text


def test_approving_without_the_checklist_is_refused(client, roles, submitted):
    client.force_login(roles["syd_consultant"])
    response = client.post(
        action_url(submitted, "approve"), {"comment": "Fin"}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert "Tjek kriteriet, før historien udgives." in response.json()["html"]
    submitted.refresh_from_db()
    assert not submitted.live


def test_the_approve_dialog_shows_the_personal_data_warnings(client, roles, tree, django_capture_on_commit_callbacks):
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree, {"indsats": {"blok-0-text": "Mette Hansen havde angst, men kom i gang."}})
    submit(client, submission)
    client.force_login(roles["syd_consultant"])
    html = client.get(action_url(StoryPage.objects.get(), "approve")).json()["html"]
    assert "Tjek disse mulige personoplysninger" in html and "Mette Hansen" in html


def test_changes_requested_reach_the_contributor_who_corrects_and_resubmits(
    client, roles, tree, submitted, django_capture_on_commit_callbacks
):
    client.force_login(roles["syd_consultant"])
    response = client.post(action_url(submitted, "reject"), {}, headers={"x-requested-with": "XMLHttpRequest"})
    assert "Skriv, hvad der skal ændres" in response.json()["html"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(submitted, "reject"), {"comment": "Tilføj, hvordan resultatet blev målt."})
    assert mail.outbox[0].to == ["varde@example.org"]
    assert mail.outbox[0].subject.startswith("Ændringer ønsket")
    assert "Tilføj, hvordan resultatet blev målt." in mail.outbox[0].body

    client.force_login(roles["varde_contributor"])
    listing = client.get(reverse("stories:my_stories")).content.decode()
    assert "Ændringer ønsket" in listing and "Tilføj, hvordan resultatet blev målt." in listing
    client.post(reverse("stories:submission_reopen", args=[submitted.pk]))
    submission = StorySubmission.objects.get()
    form = client.get(step_url(submission, "om")).content.decode()
    assert 'value="Mikroaktivering i Varde: to timer om ugen"' in form
    client.post(
        step_url(submission, "resultater"),
        {**open_step(client, submission, "resultater"), "results_summary": "Målt ved opfølgning efter 12 måneder."},
    )
    submit(client, submission)
    assert StoryPage.objects.count() == 1
    state = StoryPage.objects.get().current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Målt ved opfølgning" in StoryPage.objects.get().get_latest_revision_as_object().results_summary


def test_a_consultant_from_another_region_cannot_review(client, roles, submitted):
    client.force_login(roles["nord_consultant"])
    assert client.get(action_url(submitted, "approve")).status_code in (302, 403)
    client.post(action_url(submitted, "approve"), CHECKLIST)
    submitted.refresh_from_db()
    assert not submitted.live


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_mail_server_that_is_down_loses_no_submission(
    client, roles, tree, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, submission)
    assert response.status_code == 302
    assert StoryPage.objects.get().current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_an_attachment_is_private_until_its_story_is_published(client, roles, tree, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree)
    pdf = SimpleUploadedFile("evaluering.pdf", pdf_file(pages=("Evaluering",)), content_type="application/pdf")
    client.post(
        step_url(submission, "kontakt"),
        {**open_step(client, submission, "kontakt"), "attachment": pdf, "attachment_title": "Evaluering"},
    )
    submit(client, submission)
    document = get_document_model().objects.get()
    story = StoryPage.objects.get()

    for role in ("aalborg_contributor", "reader"):
        client.force_login(roles[role])
        assert client.get(document.url).status_code in (302, 403)
    client.logout()
    assert client.get(document.url).status_code in (302, 403)

    client.force_login(roles["syd_consultant"])
    assert client.get(document.url).status_code == 200
    client.post(action_url(story, "approve"), CHECKLIST)
    client.logout()
    assert client.get(document.url).status_code == 200
    assert "Evaluering" in client.get(StoryPage.objects.get().url).content.decode()
