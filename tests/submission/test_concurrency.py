"""Two colleagues from the same jobcenter edit the same draft: nobody's work is silently overwritten."""

import pytest
from django.test import Client
from wagtail.models import Revision

from stories.models import StoryPage
from tests.submission.helpers import fill_in, form_data, open_step, start_submission, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_colleagues(roles, tree):
    first, second = Client(), Client()
    first.force_login(roles["varde_contributor"])
    second.force_login(roles["varde_colleague"])
    submission = start_submission(first)
    fill_in(first, submission, tree)
    return first, second, submission


def _story():
    return StoryPage.objects.get().get_latest_revision_as_object()


def test_the_second_colleague_saving_the_same_step_is_told_and_loses_nothing(two_colleagues, roles):
    first, second, submission = two_colleagues
    mine, theirs = open_step(first, submission, "om"), open_step(second, submission, "om")
    assert (
        first.post(step_url(submission, "om"), {**mine, "summary": "Resumé fra den første.", "gem": "1"}).status_code
        == 302
    )
    revisions = Revision.objects.count()

    response = second.post(step_url(submission, "om"), {**theirs, "summary": "Resumé fra den anden.", "gem": "1"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "har gemt historien, mens du skrev" in html and "Kort resumé" in html
    assert "Resumé fra den anden." in html  # what the second typed is still on the page
    assert Revision.objects.count() == revisions and _story().summary == "Resumé fra den første."

    # Having been told, the second saves again from the page they got back: now theirs is kept, knowingly.
    again = form_data(html)
    assert second.post(step_url(submission, "om"), {**again, "gem": "1"}).status_code == 302
    assert _story().summary == "Resumé fra den anden."


def test_colleagues_saving_different_steps_both_keep_their_work(two_colleagues):
    first, second, submission = two_colleagues
    about, results = open_step(first, submission, "om"), open_step(second, submission, "resultater")
    first.post(step_url(submission, "om"), {**about, "title": "Ny titel fra den første", "gem": "1"})
    response = second.post(step_url(submission, "resultater"), {**results, "lessons": "Råd fra den anden.", "gem": "1"})
    assert response.status_code == 302
    story = _story()
    assert story.title == "Ny titel fra den første"
    assert story.lessons == "<p>Råd fra den anden.</p>"


def test_two_colleagues_starting_the_same_new_story_do_not_overwrite_each_other(roles, tree):
    first, second = Client(), Client()
    first.force_login(roles["varde_contributor"])
    second.force_login(roles["varde_colleague"])
    submission = start_submission(first)
    mine, theirs = open_step(first, submission, "om"), open_step(second, submission, "om")
    assert mine["revision"] == theirs["revision"] == ""
    first.post(step_url(submission, "om"), {**mine, "title": "Den førstes titel", "gem": "1"})
    response = second.post(step_url(submission, "om"), {**theirs, "title": "Den andens titel", "gem": "1"})
    assert response.status_code == 409 and "Den andens titel" in response.content.decode()
    assert StoryPage.objects.get().title == "Den førstes titel"
