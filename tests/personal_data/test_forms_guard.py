"""Through the public guided form and the Wagtail admin, as a user (or an attacker) would type it: no disguised CPR
number gets through, the message is at the field, and afterwards the number is nowhere in the database or the logs."""

import io
import logging
import re

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text

from stories.models import StoryPage
from tests.personal_data.test_policy_rules import cpr_numbers, danish_words, disguised
from tests.submission.helpers import ANSWERS, start_submission, step_url
from tests.test_admin_privacy import add_story

pytestmark = pytest.mark.django_db
# Few examples: each is a full request through the site (the rules themselves get the profile's count).
THROUGH_THE_SITE = settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])


def trace(cpr):
    """The ten digits with anything but a digit (markup, entities, separators) between them."""
    return re.compile(r"\D{0,12}".join(cpr))


def nowhere(cpr, caplog):
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    found = trace(cpr)
    return not found.search(dump.getvalue()) and not any(found.search(r.getMessage()) for r in caplog.records)


ADMIN_VARIANTS = {
    "rich-text-bold": {"problem": rich_text("<p>Journal <b>010280</b>-1234</p>")},
    "rich-text-entity": {"problem": rich_text("<p>Journal 010280&#8209;1234</p>")},
    # Typed literally into Draftail, stored as "010280&amp;#8209;1234": decoded until stable.
    "rich-text-entity-typed": {"problem": rich_text("<p>Journal 010280&amp;#8209;1234</p>")},
    "rich-text-link-address": {"problem": rich_text('<p>Se <a href="https://example.dk/sag/0102801234">sagen</a></p>')},
    "rich-text-mailto": {"problem": rich_text('<p><a href="mailto:010280-1234@example.dk">Skriv</a></p>')},
    "summary-variation-selector": {"summary": "Borgeren 010280\ufe0f1234 fik en mentor."},
    "tag-with-two-spaces": {"tags": "mentor, cpr 010280  1234"},
    "tags-split-by-spaces": {"tags": "mentor 01\u221202\ufeff80 12\u2011\uff134"},
    "title-derived-slug": {"title": "Forløb 01.02.80-1234 i Varde", "slug": "forloeb-010280-1234-i-varde"},
    "summary-soft-hyphen": {"summary": "Borgeren 010280\u00ad1234 fik en mentor."},
    "contact-slash": {"contact_phone": "010280/1234"},
}


@pytest.mark.parametrize("overrides", ADMIN_VARIANTS.values(), ids=ADMIN_VARIANTS.keys())
@pytest.mark.parametrize("action", ["action-draft", "action-publish"])
def test_the_admin_refuses_each_variant_and_stores_nothing(admin_client, tree, overrides, action, caplog):
    caplog.set_level(logging.DEBUG)
    response = add_story(admin_client, tree, action=action, **overrides)
    assert response.status_code == 200
    assert "Feltet indeholder et CPR-nummer (010280-xxxx)" in response.content.decode()
    assert not StoryPage.objects.exists() and not Revision.objects.exists()
    assert not Tag.objects.filter(name__contains="1234").exists()
    assert nowhere("0102801234", caplog)


@THROUGH_THE_SITE
@given(
    data=st.data(), cpr=cpr_numbers(), field=st.sampled_from(["title", "summary", "tags", "problem", "contact_role"])
)
def test_no_disguised_number_gets_through_the_admin(admin_client, tree, data, cpr, field):
    text = data.draw(danish_words) + " " + data.draw(disguised(cpr)) + " " + data.draw(danish_words)
    value = rich_text(f"<p>{text}</p>") if field == "problem" else text
    response = add_story(admin_client, tree, action="action-publish", **{field: value})
    assert response.status_code == 200, ascii(text)
    assert f"CPR-nummer ({cpr[:6]}-xxxx)" in response.content.decode()
    assert not StoryPage.objects.exists()


@pytest.fixture
def contributor(client, roles):
    client.force_login(roles["varde_contributor"])
    return client


@THROUGH_THE_SITE
@given(data=st.data(), cpr=cpr_numbers(), field=st.sampled_from(["title", "summary", "tags"]))
def test_no_disguised_number_gets_through_the_public_form(contributor, tree, data, cpr, field):
    submission = start_submission(contributor)
    text = data.draw(danish_words) + " " + data.draw(disguised(cpr)) + " " + data.draw(danish_words)
    answers = {**ANSWERS["om"], "target_groups": [tree.aktivitetsparate.pk], "gem": "1", field: text}
    response = contributor.post(step_url(submission, "om"), answers)
    assert response.status_code == 400, ascii(text)
    assert "Feltet indeholder et CPR-nummer" in response.content.decode()
    assert not StoryPage.objects.exists() and not Revision.objects.exists()
    assert not Tag.objects.exists()
