"""The Wagtail admin in Chromium: the strings its JavaScript renders (side panels, comments, minimap, the rich text
and StreamField menus) come from the portal's Danish JavaScript catalog, and nothing the consultant sees is English."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from portal.roles.models import RoleGroup
from stories.models import StoryPage
from tests.english_text import english_among

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "hemmeligt-kodeord-1"
# What a sighted user reads (innerText leaves out hidden elements) and what a screen reader announces.
VISIBLE_TEXTS = """() => {
  const texts = [document.body.innerText];
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (!element.checkVisibility()) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) || '');
  }
  return texts.flatMap(text => text.split('\\n')).map(text => text.trim()).filter(Boolean);
}"""


@pytest.fixture
def consultant_page(page, demo_site):
    user = get_user_model().objects.create_user("konsulent", "konsulent@example.org", PASSWORD)
    user.groups.add(RoleGroup.objects.get(role=RoleGroup.CONSULTANT, page__slug="syddanmark").group)
    page.goto(demo_site + "/admin/login/")
    page.fill("#id_username", "konsulent")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    return page


def english_on(page):
    return english_among(page.evaluate(VISIBLE_TEXTS))


def test_the_page_editor_and_its_javascript_speak_danish(consultant_page, demo_site):
    page = consultant_page
    english = {"dashboard": english_on(page)}
    story = StoryPage.objects.descendant_of(Page.objects.get(slug="syddanmark")).first()
    page.goto(f"{demo_site}/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="Fold alle sammen").wait_for()  # rendered by Wagtail's JavaScript
    english["editor"] = english_on(page)

    for panel in ("status", "checks", "preview", "comments"):
        page.click(f"[data-side-panel-toggle={panel}]")
        page.wait_for_timeout(500)
        english[f"side panel {panel}"] = english_on(page)

    page.locator("[data-comment-add]").first.click()
    comment = page.get_by_placeholder("Skriv din kommentar …")
    comment.fill("Kan I skrive mere om dosis?")
    page.get_by_role("button", name="Kommentar", exact=True).click()
    page.get_by_placeholder("Skriv dit svar …").wait_for()
    english["comment"] = english_on(page)

    page.locator(".Draftail-Editor .public-DraftEditor-content").first.click()
    page.keyboard.type("/")
    page.get_by_role("option", name="Punktopstilling").wait_for()
    english["rich text menu"] = english_on(page)
    page.keyboard.press("Escape")

    page.locator("button.c-sf-add-button").first.click()
    page.get_by_placeholder("Søg i mulighederne…").wait_for()
    english["block menu"] = english_on(page)

    assert {where: texts for where, texts in english.items() if texts} == {}
