"""The old answers (StorySubmission.data) are moved into the stories (0006) before the column goes (0007)."""

import io

import pytest
from django.core.management import call_command

from stories.models import StoryPage, StorySubmission
from tests.migrating import migrate_to, root_rows  # noqa: F401  (root_rows: a fixture)
from tests.submission.helpers import fill_in, start_submission, submit

# The migrations run for real; the rows Wagtail's own migrations create are put back first.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("root_rows")]
BEFORE, AFTER = ("stories", "0005_adaptations"), ("stories", "0007_remove_storysubmission_data")


def test_unsubmitted_answers_become_a_draft_story_and_later_corrections_a_revision(client, roles, tree):
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    fill_in(client, submission, tree)
    submit(client, submission)
    submitted = StoryPage.objects.get()
    revisions = submitted.revisions.count()

    old = migrate_to(BEFORE)
    OldSubmission = old.get_model("stories", "StorySubmission")
    corrected = OldSubmission.objects.get(pk=submission.pk)
    corrected.data = {"om": {"title": ["Rettet titel"], "summary": ["Rettet resumé"]}}
    corrected.save()  # saved after the story's newest revision: corrections the old form would have lost
    OldSubmission.objects.create(
        jobcenter_id=tree.varde.pk,
        created_by_id=roles["varde_colleague"].pk,
        data={
            "om": {
                "title": ["Halvfærdig historie"],
                "summary": ["Borgeren 010190-1234 fik et job"],  # refused by the old form, stored as typed
                "target_groups": [str(tree.aktivitetsparate.pk)],
                "tags": ["praktik, mentor"],
                "period_start": ["ikke en dato"],
            },
            "indsats": {
                "practice": ["Først ringede vi.\n\nSå mødtes vi."],
                "partner-TOTAL_FORMS": ["3"],
                "partner-0-kind": ["employer"],
                "partner-0-name": ["Autoværkstedet"],
            },
        },
    )
    migrate_to(AFTER)

    story = StoryPage.objects.get(pk=submitted.pk).get_latest_revision_as_object()
    assert story.title == "Rettet titel" and story.summary == "Rettet resumé"
    assert StoryPage.objects.get(pk=submitted.pk).revisions.count() == revisions + 1
    assert "Vi fandt virksomheder" in str(story.practice)  # what the correction did not touch is kept

    draft = StorySubmission.objects.get(created_by=roles["varde_colleague"]).page.specific
    assert draft.get_parent().pk == tree.varde.pk and not draft.live
    draft = draft.get_latest_revision_as_object()
    assert draft.title == "Halvfærdig historie" and draft.summary == "" and draft.period_start is None
    assert [group.pk for group in draft.target_groups.all()] == [tree.aktivitetsparate.pk]
    assert sorted(tag.name for tag in draft.tags.all()) == ["mentor", "praktik"]
    assert draft.partners.get().name == "Autoværkstedet"
    assert draft.practice[0].value.source == "<p>Først ringede vi.</p><p>Så mødtes vi.</p>"
    assert client.get(f"/mine-historier/{draft.submission.public_id}/om/").status_code == 200
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert "010190-1234" not in dump.getvalue()
