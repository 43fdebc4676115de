"""The admin in Danish: the consultant's daily screens show no English, every catalog the admin uses is translated,
the translations keep their placeholders, and the compiled catalogs are the ones in the repository."""

import gettext
import io
import json
import re
from pathlib import Path

import polib
import pytest
import wagtail.admin
import wagtail_factories
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from portal.shared.translations import admin_catalogs, coverage, placeholder_errors, project_catalog_path
from tests.english_text import english_in
from tests.submission.helpers import submitted_story

pytestmark = pytest.mark.django_db
TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.fixture
def in_review(client, roles, tree, django_capture_on_commit_callbacks):
    """A story from Varde waiting for the Syddanmark consultant's review; an image and a document they uploaded."""
    story = submitted_story(client, roles["varde_contributor"], tree, django_capture_on_commit_callbacks)
    owned = {"uploaded_by_user": roles["syd_consultant"], "collection": Collection.get_first_root_node()}
    wagtail_factories.ImageFactory(title="Kaffemøde", **owned)
    wagtail_factories.DocumentFactory(title="Evaluering", **owned)
    return story


def consultant_views(story, tree):
    task_state = story.current_workflow_state.current_task_state
    action = "wagtailadmin_pages:workflow_action"
    return {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{tree.varde.pk}/",
        "page search": "/admin/pages/search/?q=mikroaktivering",
        "page editor": f"/admin/pages/{story.pk}/edit/",
        "approve dialog": reverse(action, args=(story.pk, "approve", task_state.pk)),
        "request changes dialog": reverse(action, args=(story.pk, "reject", task_state.pk)),
        "document": "/admin/documents/edit/{document}/",
        "history": f"/admin/pages/{story.pk}/history/",
        "workflow history": f"/admin/pages/{story.pk}/workflow_history/",
        "preview": f"/admin/pages/{story.pk}/view_draft/",
        "images": "/admin/images/",
        "image": "/admin/images/{image}/",
        "documents": "/admin/documents/",
        "snippets: adaptations": "/admin/snippets/stories/storyadaptation/",
        "snippets: offered stories": "/admin/snippets/events/storycandidate/",
        "stories": "/admin/historier/",
        "locked pages report": "/admin/reports/locked/",
        "workflows report": "/admin/reports/workflow/",
        "workflow tasks report": "/admin/reports/workflow_tasks/",
        "aging pages report": "/admin/reports/aging-pages/",
        "site history report": "/admin/reports/site-history/",
        "account": "/admin/account/",
    }


def editor_views(story, tree):
    return {
        "dashboard": "/admin/",
        "target groups": "/admin/snippets/taxonomy/targetgroup/",
        "target group": f"/admin/snippets/taxonomy/targetgroup/edit/{tree.unge.pk}/",
        "method editor": f"/admin/pages/{tree.mentor.pk}/edit/",
        "story editor": f"/admin/pages/{story.pk}/edit/",
        "new story": f"/admin/pages/add/stories/storypage/{tree.varde.pk}/",
        "images": "/admin/images/",
        "documents": "/admin/documents/",
        "jobcentres": "/admin/jobcentre/",
        "site history report": "/admin/reports/site-history/",
        "page types report": "/admin/reports/page-types-usage/",
        "account": "/admin/account/",
    }


@pytest.mark.parametrize("role, views", [("syd_consultant", consultant_views), ("editor", editor_views)])
def test_the_daily_admin_views_show_no_english(client, roles, tree, in_review, role, views):
    client.force_login(roles[role])
    media = {"image": get_image_model().objects.get().pk, "document": Document.objects.get().pk}
    english = {}
    for name, url in views(in_review, tree).items():
        response = client.get(url.format(**media))
        assert response.status_code == 200, (name, url, response.status_code)
        html = response.json()["html"] if response["Content-Type"].startswith("application/json") else response.text
        english[name] = english_in(html)
    assert {name: texts for name, texts in english.items() if texts} == {}


def test_the_review_actions_read_as_danish_phrases(client, roles, in_review):
    client.force_login(roles["syd_consultant"])
    editor = client.get(f"/admin/pages/{in_review.pk}/edit/").text
    assert "Godkend og udgiv" in editor and "Ønsk ændringer" in editor and "og udgiv og" not in editor
    task_state = in_review.current_workflow_state.current_task_state
    dialog = client.get(reverse("wagtailadmin_pages:workflow_action", args=(in_review.pk, "approve", task_state.pk)))
    assert dialog.json()["html"].count("Godkend og udgiv") == 2  # the dialog's heading and its button


def test_the_editor_and_the_consultant_see_their_admin_in_danish_even_when_the_browser_asks_for_english(client, roles):
    for user in (roles["editor"], roles["syd_consultant"]):
        client.force_login(user)
        html = client.get("/admin/", headers={"accept-language": "en"}).text
        assert '<html lang="da"' in html and "Søg i alle sider…" in html, user
        assert english_in(html) == []


def test_an_editor_who_chooses_english_gets_english(client, roles):
    UserProfile.objects.create(user=roles["editor"], preferred_language="en")
    client.force_login(roles["editor"])
    assert "Search all pages…" in client.get("/admin/").text


def test_the_admin_password_reset_mail_is_danish(client, roles):
    response = client.post("/admin/password_reset/", {"email": roles["syd_consultant"].email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "Nulstilling af adgangskode"
    assert "Følg linket herunder for at nulstille din adgangskode" in message.body
    assert english_in(message.body) == []


def test_the_javascript_catalog_serves_every_string_of_wagtails_javascript_in_danish(client, roles):
    client.force_login(roles["syd_consultant"])
    script = client.get(reverse("wagtailadmin_javascript_catalog")).text
    served = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL).group(1))
    source = polib.pofile(str(next(c.source for c in admin_catalogs() if c.domain == "djangojs")))
    untranslated = [entry.msgid for entry in source if not served.get(entry.msgid)]
    assert untranslated == []
    assert served["Collapse all"] == "Fold alle sammen"
    assert served["%(num)s error"] == ["%(num)s fejl", "%(num)s fejl"]


def test_every_catalog_the_admin_uses_is_danish():
    rows = {row.catalog.label: row for row in map(coverage, admin_catalogs())}
    assert {"wagtail.admin", "wagtail.admin (JavaScript)", "wagtail", "wagtail.images", "taggit"} <= set(rows)
    assert {label: row.missing for label, row in rows.items() if row.missing} == {}


def test_translations_keep_every_placeholder_and_tag_of_their_source():
    errors = []
    for domain in ("django", "djangojs"):
        errors += [e for entry in polib.pofile(str(project_catalog_path(domain))) for e in placeholder_errors(entry)]
    assert errors == []


def test_the_placeholder_rule_catches_a_lost_placeholder_a_changed_tag_and_a_wrong_plural():
    lost = polib.POEntry(msgid="Page '%(page_title)s' deleted.", msgstr="Siden er slettet.")
    tag = polib.POEntry(msgid='Why not <a href="%(url)s">add one</a>?', msgstr='<a href="%(link)s">Tilføj en</a>.')
    plural = polib.POEntry(
        msgid="%(count)s page", msgid_plural="%(count)s pages", msgstr_plural={0: "%(count)s side", 1: "sider"}
    )
    spelled_out = polib.POEntry(
        msgid="Moved down 1 place.", msgid_plural="Moved down %(counter)s places.",
        msgstr_plural={0: "Flyttet én plads ned.", 1: "Flyttet %(counter)s pladser ned."},
    )
    assert [len(placeholder_errors(entry)) for entry in (lost, tag, plural, spelled_out)] == [1, 1, 1, 0]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_compiled_catalog_matches_its_source(domain):
    po_path = project_catalog_path(domain)
    committed = gettext.GNUTranslations(po_path.with_suffix(".mo").open("rb"))._catalog
    expected = gettext.GNUTranslations(io.BytesIO(polib.pofile(str(po_path)).to_binary()))._catalog
    committed.pop("", None), expected.pop("", None)  # the header: gettext's msgfmt and polib write it differently
    assert committed == expected, "run `manage.py compile_translations` and commit the .mo files"


# Wagtail templates with hard-coded English, copied into templates/ with that English made translatable. Each copy
# must be Wagtail's template with exactly these changes, so an upgrade of Wagtail that changes one is noticed here.
TEMPLATE_FIXES = {
    "wagtailadmin/home.html": [('value="Search"', "value=\"{% trans 'Search' %}\"")],
    "wagtailadmin/shared/header.html": [('value="Search"', "value=\"{% trans 'Search' %}\"")],
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}\n", "{# Actions divider #}\n{% load i18n %}\n"),
        ('aria-label="Actions"', "aria-label=\"{% trans 'Actions' %}\""),
    ],
}


@pytest.mark.parametrize("name", TEMPLATE_FIXES)
def test_the_translatable_copies_of_wagtail_templates_follow_wagtail(name):
    original = (Path(wagtail.admin.__file__).parent / "templates" / name).read_text()
    for old, new in TEMPLATE_FIXES[name]:
        assert original.count(old) == 1, f"Wagtail changed {name}: copy it again and make its English translatable"
        original = original.replace(old, new)
    note, _newline, copy = (TEMPLATES / name).read_text().partition("\n")
    assert note.startswith("{#") and copy == original
