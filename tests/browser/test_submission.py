"""The guided submission in a real browser: no WCAG violations on its steps (errors shown), and keyboard use."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from methods.models import MethodPage
from portal.roles.models import RoleGroup
from portal.taxonomy.models import TargetGroup
from stories.models import StoryPage, StorySubmission
from tests.browser.test_accessibility import axe_violations
from tests.submission.helpers import fill_in, start_submission, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "hemmeligt-kodeord-1"


@pytest.fixture
def contributor_page(page, demo_site):
    user = get_user_model().objects.create_user("varde", "varde@example.org", PASSWORD)
    user.groups.add(RoleGroup.objects.get(role=RoleGroup.CONTRIBUTOR, page__slug="jobcenter-varde").group)
    page.goto(demo_site + "/mine-historier/")
    assert "/log-ind/" in page.url
    page.fill("#id_username", "varde")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert page.url.endswith("/mine-historier/")
    return page


def test_login_my_stories_and_every_step_with_errors_have_no_wcag_violations(contributor_page, demo_site):
    page = contributor_page
    report = {"mine historier": axe_violations(page)}
    with page.expect_navigation():
        page.click("text=Indsend en ny historie")
    step_urls = [page.url.rsplit("/", 2)[0] + f"/{slug}/" for slug in ("om", "indsats", "resultater", "kontakt")]
    for url in step_urls:
        page.goto(url)
        report[url + " (tom)"] = axe_violations(page)
        if "/resultater/" in url:  # every field is optional here: a half-filled result row is the error
            page.fill("#id_resultat-0-figure", "25 %")
        with page.expect_navigation():
            page.click("button[name=naeste]")
        assert page.locator("[data-error-summary]").count() == 1, url
        report[url + " (fejl)"] = axe_violations(page)
    page.goto(step_urls[0].replace("/om/", "/indsend/"))
    report["gennemse"] = axe_violations(page)
    assert {name: v for name, v in report.items() if v} == {}, json.dumps(report, indent=2, ensure_ascii=False)


def test_the_first_step_can_be_filled_in_and_corrected_with_the_keyboard_alone(contributor_page):
    page = contributor_page
    page.focus("button:has-text('Indsend en ny historie')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.focus("#id_title")
    page.keyboard.type("Mikroaktivering for unge")
    page.keyboard.press("Tab")
    page.keyboard.type("Borgeren 0101901234 fik to timer om ugen.")
    with page.expect_navigation():
        page.focus("button[name=naeste]")
        page.keyboard.press("Enter")
    # The error summary takes focus and links to the field with the CPR number.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert "CPR-nummer" in page.text_content("[data-error-summary]")
    page.focus("[data-error-summary] a[href='#id_summary']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_summary"
    assert page.input_value("#id_title") == "Mikroaktivering for unge"


def _sent_back_story(demo_user):
    """A story the contributor submitted and the region's consultant sent back with a comment (through the real
    views), with the consultant's formatting in it."""
    client = Client()
    client.force_login(demo_user)
    submission = start_submission(client)
    overrides = {
        "om": {
            "target_groups": [TargetGroup.objects.get(slug="borgere-med-misbrug").pk],
            "methods": [MethodPage.objects.get(slug="mentor").pk],
        }
    }
    fill_in(client, submission, None, overrides)
    assert submit(client, submission).status_code == 302
    consultant = get_user_model().objects.create_user("syd", "syd@example.org", PASSWORD)
    consultant.groups.add(RoleGroup.objects.get(role=RoleGroup.CONSULTANT, page__slug="syddanmark").group)
    story = StoryPage.objects.get(pk=StorySubmission.objects.get(pk=submission.pk).page_id)
    draft = story.get_latest_revision_as_object()
    draft.practice = [
        {"type": "paragraph", "value": "<p>Vi startede med <b>to timer</b> om ugen.</p>", "id": "a1"},
        {"type": "quote", "value": {"quote": "Det virkede.", "role": "Mentor", "speaker_kind": "other"}, "id": "q1"},
        {"type": "paragraph", "value": "<p>Til sidst evaluerede vi.</p>", "id": "a2"},
    ]
    draft.save_revision(user=consultant)
    client.force_login(consultant)
    task_state = story.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "reject", task_state.pk)),
        {"comment": "Skriv, hvordan I evaluerede."},
    )
    return story


def _open_practice_step(page):
    """From "Mine historier": "Ret historien", then step 2 in the step indicator."""
    with page.expect_navigation():
        page.click("text=Ret historien")
    with page.expect_navigation():
        page.click(".step-indicator >> text=Indsatsen")


def test_a_correction_saved_for_later_is_there_when_the_story_is_opened_again(contributor_page, demo_site):
    page = contributor_page
    story = _sent_back_story(get_user_model().objects.get(username="varde"))
    page.goto(demo_site + "/mine-historier/")
    assert "Ændringer ønsket" in page.text_content("main")
    assert "Skriv, hvordan I evaluerede." in page.text_content("main")
    assert not axe_violations(page), json.dumps(axe_violations(page), indent=2, ensure_ascii=False)
    _open_practice_step(page)
    assert not axe_violations(page), json.dumps(axe_violations(page), indent=2, ensure_ascii=False)
    assert page.input_value("#id_blok-0-text") == "Vi startede med **to timer** om ugen."
    assert page.input_value("#id_blok-1-quote") == "Det virkede."
    page.fill("#id_blok-2-text", "Til sidst evaluerede vi med en spørgeskemaundersøgelse efter 12 måneder.")
    with page.expect_navigation():
        page.click("button[name=gem]")
    assert "Kladden er gemt" in page.text_content("main")
    assert "Dine rettelser blev gemt" in page.text_content("main")

    _open_practice_step(page)
    assert "spørgeskemaundersøgelse" in page.input_value("#id_blok-2-text")
    assert page.input_value("#id_blok-0-text") == "Vi startede med **to timer** om ugen."
    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.practice] == ["paragraph", "quote", "paragraph"]
    assert "<b>to timer</b>" in draft.practice[0].value.source
