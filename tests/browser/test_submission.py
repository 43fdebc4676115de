"""The guided submission in a real browser: no WCAG violations on its steps (errors shown), and keyboard use."""

import json

import pytest
from django.contrib.auth import get_user_model

from portal.roles.models import RoleGroup
from tests.browser.test_accessibility import axe_violations

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
