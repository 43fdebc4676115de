"""The personal-data guard also holds for editors in the Wagtail admin: at save, submit and publish."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from stories.models import StoryPage
from tests import factories as f

pytestmark = pytest.mark.django_db
CPR = "010190-1234"
EMPTY = {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}


def story_form(tree, **overrides):
    data = {
        "title": "Mentor til unge",
        "slug": "mentor-til-unge",
        "summary": "Unge fik en mentor.",
        "status": "ongoing",
        "period_start": "2024-01-01",
        "problem": rich_text("<p>Unge faldt fra.</p>"),
        "practice": streamfield([("paragraph", rich_text("<p>Vi gav dem en mentor.</p>"))]),
        "contact_name": "Fiktiv kontakt",
        "contact_role": "Mentor",
        "contact_email": "mentor@kommune.example.dk",
        "partners": EMPTY,
        "results": EMPTY,
        "attachments": EMPTY,
    }
    data.update(overrides)
    form_data = nested_form_data(data)
    form_data["target_groups"] = [tree.unge.pk]
    return form_data


def add_story(client, tree, action="action-draft", **overrides):
    data = story_form(tree, **overrides)
    if action:
        data[action] = "1"
    return client.post(f"/admin/pages/add/stories/storypage/{tree.varde.pk}/", data)


@pytest.mark.parametrize(
    "overrides",
    [
        {"summary": f"Borgeren {CPR} fik en mentor."},
        {"problem": rich_text(f"<p>Journal {CPR}</p>")},
        {"practice": streamfield([("paragraph", rich_text(f"<p>Se {CPR.replace('-', '')}</p>"))])},
        {"contact_phone": CPR},
        {"tags": f"mentor, {CPR}"},
        {
            "partners": {
                **EMPTY,
                "TOTAL_FORMS": 1,
                "0": {"kind": "employer", "name": f"Værksted ({CPR})", "contribution": "", "ORDER": 1},
            }
        },
    ],
    ids=["text", "rich-text", "streamfield", "contact", "tags", "inline-row"],
)
@pytest.mark.parametrize("action", ["action-draft", "action-publish"])
def test_an_editor_cannot_save_or_publish_a_cpr_number(admin_client, tree, overrides, action):
    response = add_story(admin_client, tree, action=action, **overrides)
    assert response.status_code == 200
    assert "Feltet indeholder et CPR-nummer (010190-xxxx)" in response.content.decode()
    assert not StoryPage.objects.exists()


def test_publishing_a_story_with_warnings_needs_the_editors_acknowledgement(admin_client, tree):
    practice = streamfield([("paragraph", rich_text("<p>Mette Hansen har angst og fik en mentor.</p>"))])
    refused = add_story(admin_client, tree, action="action-publish", practice=practice)
    assert refused.status_code == 200
    assert "kan indeholde personhenførbare oplysninger" in refused.content.decode()
    assert not StoryPage.objects.exists()

    saved_as_draft = add_story(admin_client, tree, action="action-draft", practice=practice)
    assert saved_as_draft.status_code == 302  # a draft may hold a warning; publishing needs the check

    StoryPage.objects.all().delete()
    published = add_story(
        admin_client, tree, action="action-publish", practice=practice, acknowledge_privacy_warnings="on"
    )
    assert published.status_code == 302
    assert StoryPage.objects.get().live


def test_the_model_refuses_a_cpr_number_whatever_saves_it(tree):
    story = f.StoryPageFactory.build(summary=f"Borger {CPR}", target_groups=None)
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "summary" in error.value.message_dict
