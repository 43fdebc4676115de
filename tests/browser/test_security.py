"""In a real browser: the Content-Security-Policy holds on every page type; script a contributor types never runs."""

import pytest
from django.test import Client

from methods.models import MethodPage
from portal.taxonomy.models import TargetGroup
from stories.models import StoryPage, StorySubmission
from tests.browser.test_accessibility import PAGES
from tests.submission.helpers import fill_in, start_submission, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAYLOADS = [
    "<script>window.__xss = (window.__xss || 0) + 1</script>",
    '<img src=x onerror="window.__xss = (window.__xss || 0) + 1">',
    '"><svg onload="window.__xss = (window.__xss || 0) + 1">',
    "javascript:window.__xss=1",
    '</textarea><iframe srcdoc="<script>parent.__xss=1</script>">',
]


def test_no_page_breaks_the_content_security_policy(strict_page, demo_site):
    report = {}
    for name, path in PAGES.items():
        response = strict_page.goto(demo_site + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        strict_page.wait_for_load_state("networkidle")
        violations = strict_page.evaluate("window.__cspViolations")
        if violations:
            report[name] = violations
    assert report == {}


def test_an_editors_userbar_keeps_to_the_policy_too(strict_page, demo_site, django_user_model):
    django_user_model.objects.create_superuser("redaktoer", "redaktoer@example.org", "hemmeligt-kodeord-1")
    strict_page.goto(demo_site + "/log-ind/")
    strict_page.fill("#id_username", "redaktoer")
    strict_page.fill("#id_password", "hemmeligt-kodeord-1")
    strict_page.click('main button:has-text("Log ind")')
    for path in ["/", PAGES["historie"], PAGES["arrangement"]]:
        strict_page.goto(demo_site + path)
        strict_page.wait_for_load_state("networkidle")
        assert strict_page.locator("wagtail-userbar").count() == 1, path
        assert strict_page.evaluate("window.__cspViolations") == [], path


def test_the_policy_blocks_injected_inline_script(strict_page, demo_site):
    strict_page.goto(demo_site + "/")
    strict_page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        " document.body.appendChild(s); }"
    )
    assert strict_page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in strict_page.evaluate("window.__cspViolations"))


def demo_contributor(django_user_model):
    from portal.roles.models import RoleGroup

    group = RoleGroup.objects.get(role=RoleGroup.CONTRIBUTOR, page__slug="jobcenter-varde").group
    user = django_user_model.objects.create_user("xss", "xss@example.org", "hemmeligt-kodeord-1")
    user.groups.add(group)
    return user


def test_script_typed_into_every_field_of_a_submission_never_runs(page, demo_site, django_user_model):
    """Escaping, not the policy, must stop it: this page ignores the Content-Security-Policy."""
    payload = " ".join(PAYLOADS)
    text = {
        "om": ["title", "summary", "tags"],
        "indsats": [
            "problem",
            "blok-0-text",
            "dose_progression",
            "parallel_tracks",
            "partner-0-name",
            "partner-0-contribution",
        ],
        "resultater": [
            "results_summary",
            "success_factors",
            "challenges",
            "lessons",
            "resultat-0-outcome",
            "resultat-0-base",
            "resultat-0-period",
        ],
        "kontakt": ["contact_role"],
    }
    overrides = {step: {field: f"{field} {payload}" for field in fields} for step, fields in text.items()}
    for step, field in [
        ("indsats", "partner-0-name"),
        ("indsats", "partner-0-contribution"),
        ("resultater", "resultat-0-outcome"),
        ("resultater", "resultat-0-base"),
        ("resultater", "resultat-0-period"),
        ("kontakt", "contact_role"),
    ]:
        overrides[step][field] = '<img src=x onerror="window.__xss=1">'[: 100 if "period" in field else 120]
    overrides["om"]["title"] = "XSS-prøve " + PAYLOADS[0]
    overrides["om"]["tags"] = "prøve, <b>fed</b>"
    overrides["om"]["target_groups"] = [TargetGroup.objects.get(slug="borgere-med-misbrug").pk]
    overrides["om"]["methods"] = [MethodPage.objects.get(slug="mentor").pk]
    client = Client()
    client.force_login(demo_contributor(django_user_model))
    submission = start_submission(client)
    fill_in(client, submission, None, overrides)
    assert submit(client, submission).status_code == 302
    story = StorySubmission.objects.get(pk=submission.pk).page.specific
    story.get_latest_revision().publish()
    story = StoryPage.objects.get(pk=story.pk)

    for url in [story.url, "/", "/historier/", "/soeg/?q=XSS-pr%C3%B8ve", "/feeds/historier/"]:
        page.goto(demo_site + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, url
    page.goto(demo_site + story.url)
    assert "<script>window.__xss" in page.inner_text("h1")  # shown as text, not run


def test_the_admin_dashboard_and_page_editor_ask_no_third_party(page, demo_site, django_user_model):
    """No Gravatar avatar, no update check, no web font or script from elsewhere: every request stays on the portal."""
    from urllib.parse import urlparse

    django_user_model.objects.create_superuser("chef", "chef@example.org", "hemmeligt-kodeord-1")
    origin = urlparse(demo_site).netloc
    foreign, local = [], []
    page.on("request", lambda r: (local if urlparse(r.url).netloc == origin else foreign).append(r.url))
    page.goto(demo_site + "/admin/login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", "hemmeligt-kodeord-1")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    story = StoryPage.objects.live().first()
    for path in ["/admin/", f"/admin/pages/{story.pk}/edit/"]:
        page.goto(demo_site + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("main, #main").count() >= 1, path
    assert any("/admin/pages/" in url for url in local)  # the editor was really loaded
    assert foreign == []
