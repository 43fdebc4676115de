"""Corrections after "Ændringer ønsket": nothing the contributor saved and nothing the consultant wrote is lost."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from stories.models import StoryPage, StorySubmission
from stories.submission.richtext import parse_html
from tests import factories as f
from tests.submission.helpers import fill_in, open_step, start_submission, step_url, submit

pytestmark = pytest.mark.django_db

CONSULTANT_TEXT = (
    '<p>Vi startede med <b>to timer</b> om ugen og <a href="https://example.dk/mikro">læste om metoden</a>.</p>'
    "<ul><li>Først en samtale</li><li>Så en <i>kort</i> praktik</li></ul>"
)
CONSULTANT_LESSONS = (
    "<h3>Tre råd</h3><ol><li>Start <b>småt</b></li><li>Følg op</li></ol>"
    '<p>Se <a linktype="page" id="{}">mentor</a>.</p>'
)


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), "green").save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name="vaerksted.png")


@pytest.fixture
def sent_back(client, roles, tree, django_capture_on_commit_callbacks):
    """A submitted story the consultant formatted (rich text, a quote in the middle, an image) and sent back."""
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree)
    submit(client, submission)
    story = StoryPage.objects.get().get_latest_revision_as_object()
    image = get_image_model().objects.create(title="Værkstedet", file=_png())
    story.practice = [
        {"type": "paragraph", "value": CONSULTANT_TEXT, "id": "a1"},
        {
            "type": "quote",
            "value": {"quote": "Det var første gang, han glædede sig.", "role": "Mentor", "speaker_kind": "other"},
            "id": "q1",
        },
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Et værksted", "caption": "Praktikstedet"},
            "id": "i1",
        },
        {"type": "paragraph", "value": "<p>Til sidst <b>evaluerede</b> vi.</p>", "id": "a2"},
    ]
    story.lessons = CONSULTANT_LESSONS.format(tree.mentor.pk)
    story.save_revision(user=roles["syd_consultant"])
    client.force_login(roles["syd_consultant"])
    task_state = story.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "reject", task_state.pk))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": "Skriv mere om første dag."})
    client.force_login(roles["varde_contributor"])
    return StorySubmission.objects.get(), image


def _blocks(story):
    return [(block.block_type, block.id) for block in story.practice]


def test_a_correction_saved_for_later_is_what_reopening_shows(client, sent_back):
    submission, _image = sent_back
    listing = client.get(reverse("stories:my_stories")).content.decode()
    assert "Ændringer ønsket" in listing and "Skriv mere om første dag." in listing
    form = open_step(client, submission, "om")
    response = client.post(
        step_url(submission, "om"), {**form, "summary": "Rettet resumé efter konsulentens ønske.", "gem": "1"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("stories:my_stories")

    listing = client.get(reverse("stories:my_stories")).content.decode()
    assert "Dine rettelser blev gemt" in listing  # and "Ret historien" still opens the form:
    assert step_url(submission, "om") in listing
    assert "Rettet resumé efter konsulentens ønske." in client.get(step_url(submission, "om")).content.decode()
    # The follow-up button (a POST that used to rebuild the form from the story) keeps the correction too.
    client.post(reverse("stories:submission_reopen", args=[submission.page_id]))
    assert "Rettet resumé efter konsulentens ønske." in client.get(step_url(submission, "om")).content.decode()

    assert submit(client, submission).status_code == 302
    story = StoryPage.objects.get()
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert story.get_latest_revision_as_object().summary == "Rettet resumé efter konsulentens ønske."


def test_the_consultants_own_edit_is_not_called_the_contributors_corrections(client, sent_back, roles):
    submission, _image = sent_back
    story = StoryPage.objects.get().get_latest_revision_as_object()
    story.summary = "Konsulenten rettede et komma."
    story.save_revision(user=roles["syd_consultant"])

    listing = client.get(reverse("stories:my_stories")).content.decode()
    assert "Ændringer ønsket" in listing
    assert "Dine rettelser blev gemt" not in listing


def test_rich_text_block_order_and_an_image_survive_a_correction_through_the_form(client, sent_back, tree):
    submission, image = sent_back
    before = StoryPage.objects.get().get_latest_revision_as_object()
    form = open_step(client, submission, "indsats")
    assert form["blok-TOTAL"] == "4"
    assert (
        "**to timer**" in form["blok-0-text"] and "[læste om metoden](https://example.dk/mikro)" in form["blok-0-text"]
    )
    form["blok-3-text"] += " Det tog en måned."  # the contributor corrects the last text block only
    assert client.post(step_url(submission, "indsats"), {**form, "naeste": "1"}).status_code == 302
    # and saves the results step without touching it
    assert (
        client.post(step_url(submission, "resultater"), open_step(client, submission, "resultater")).status_code == 302
    )

    after = StoryPage.objects.get().get_latest_revision_as_object()
    assert (
        _blocks(after)
        == _blocks(before)
        == [("paragraph", "a1"), ("quote", "q1"), ("image", "i1"), ("paragraph", "a2")]
    )
    assert parse_html(after.practice[0].value.source) == parse_html(CONSULTANT_TEXT)
    assert after.practice[1].value["quote"] == "Det var første gang, han glædede sig."
    assert after.practice[2].value["image"].pk == image.pk and after.practice[2].value["caption"] == "Praktikstedet"
    assert after.practice[3].value.source == "<p>Til sidst <b>evaluerede</b> vi. Det tog en måned.</p>"
    assert parse_html(after.lessons) == parse_html(CONSULTANT_LESSONS.format(tree.mentor.pk))


def test_blocks_can_be_moved_removed_and_added_without_javascript(client, sent_back):
    submission, _image = sent_back
    form = open_step(client, submission, "indsats")
    response = client.post(step_url(submission, "indsats"), {**form, "blok": "op:1"})  # the quote moves up
    assert response.status_code == 302 and response["Location"].endswith("#blok-0")
    assert [b[0] for b in _blocks(StoryPage.objects.get().get_latest_revision_as_object())] == [
        "quote",
        "paragraph",
        "image",
        "paragraph",
    ]
    form = open_step(client, submission, "indsats")
    client.post(step_url(submission, "indsats"), {**form, "blok": "fjern:3"})
    response = client.post(
        step_url(submission, "indsats"), {**open_step(client, submission, "indsats"), "blok": "ny:tip"}
    )
    assert "ny=tip" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert 'name="blok-3-type" value="tip"' in html
    form = open_step(client, submission, "indsats") | {
        "blok-TOTAL": "4",
        "blok-3-type": "tip",
        "blok-3-id": "",
        "blok-3-title": "Godt råd",
        "blok-3-text": "Ring **dagen før**.",
    }
    client.post(step_url(submission, "indsats"), {**form, "gem": "1"})
    story = StoryPage.objects.get().get_latest_revision_as_object()
    assert [b[0] for b in _blocks(story)] == ["quote", "paragraph", "image", "tip"]
    assert story.practice[3].value["text"].source == "<p>Ring <b>dagen før</b>.</p>"


def test_a_published_storys_results_are_corrected_through_the_form_and_the_live_story_waits(client, roles, tree):
    """Follow-up ("Ret resultaterne"): the live story keeps showing until the consultant publishes the correction."""
    story = f.StoryPageFactory(
        parent=tree.varde, title="Udgivet historie", results_summary="<p>Gamle tal.</p>", target_groups=[tree.misbrug]
    )
    story.save_revision().publish()
    client.force_login(roles["varde_contributor"])
    response = client.post(reverse("stories:submission_reopen", args=[story.pk]), {"trin": "resultater"})
    submission = StorySubmission.objects.get(page=story)
    assert response["Location"] == step_url(submission, "resultater")
    form = open_step(client, submission, "resultater")
    assert form["results_summary"] == "Gamle tal."
    changed = {**form, "results_summary": "Nye tal efter 12 måneder.", "gem": "1"}
    client.post(step_url(submission, "resultater"), changed)
    story.refresh_from_db()
    assert story.live and story.results_summary == "<p>Gamle tal.</p>"  # the public story is unchanged
    assert story.get_latest_revision_as_object().results_summary == "<p>Nye tal efter 12 måneder.</p>"
    assert submit(client, submission).status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert story.get_latest_revision_as_object().last_reviewed == timezone.localdate()


def test_the_form_cannot_bring_in_another_image_or_copy_an_image_block(client, sent_back):
    submission, image = sent_back
    other = get_image_model().objects.create(title="Et andet billede", file=_png())
    form = open_step(client, submission, "indsats")
    posted = {
        **form,
        "blok-TOTAL": "6",
        "blok-4-type": "image",  # an image block the story does not have, naming another image
        "blok-4-id": "",
        "blok-4-image": str(other.pk),
        "blok-4-alt_text": "Snydt ind",
        "blok-5-type": "image",  # the story's image block posted a second time
        "blok-5-id": "i1",
        "blok-5-alt_text": "Kopi",
        "gem": "1",
    }
    assert client.post(step_url(submission, "indsats"), posted).status_code == 302
    story = StoryPage.objects.get().get_latest_revision_as_object()
    assert [block.block_type for block in story.practice] == ["paragraph", "quote", "image", "paragraph"]
    assert story.practice[2].value["image"].pk == image.pk
