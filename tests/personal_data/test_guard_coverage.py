"""What the hostile tester found outside pages (fix-f1-cpr): every text of images and documents, every model of the
portal's own apps (snippets, inline rows) is guarded by default, links in rich text are read, and in the admin the
message stands at the field (never an HTTP 500)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.events.models import EventMaterial, ProgrammeItem
from portal.search.models import SynonymGroup
from portal.shared.privacy_guard import NOT_GUARDED, every_portal_model_is_guarded, guarded_models
from portal.taxonomy.models import TargetGroup
from stories.models import StoryPage
from tests import factories as f

pytestmark = pytest.mark.django_db
MESSAGE = "Feltet indeholder et CPR-nummer (010280-xxxx)"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _png(name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# --- 1. Images: every text field ------------------------------------------------------------------------------------


def test_an_image_description_is_refused_by_the_model(media):
    image = get_image_model()(title="Foto", description="Borger 010280-1234", file=_png())
    with pytest.raises(ValidationError) as refused:
        image.save()
    assert "description" in refused.value.message_dict
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    "field, data",
    [("description", {"description": "Borger 010280-1234"}), ("tags", {"tags": "cpr 010280 1234"})],
    ids=["description", "tags-split-by-taggit"],
)
def test_the_admin_image_form_shows_a_number_in_the_description_or_tags_at_the_field(admin_client, media, field, data):
    response = admin_client.post("/admin/images/add/", {"title": "Foto", "file": _png(), **data})
    assert response.status_code == 200  # not a 500
    assert MESSAGE in response.content.decode()
    assert response.context["form"].errors.get(field)
    assert not get_image_model().objects.exists() and not Tag.objects.exists()


def test_the_admin_document_form_shows_a_number_in_the_tags_at_the_field(admin_client, media):
    pdf = SimpleUploadedFile("notat.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    response = admin_client.post("/admin/documents/add/", {"title": "Notat", "file": pdf, "tags": "010280~1234"})
    assert response.status_code == 200
    assert response.context["form"].errors.get("tags")


# --- 2. Snippets and every other model of the portal's apps ---------------------------------------------------------

# Every model the guard covers. A new model of the portal fails this test until it is added here (and mixes in
# GuardedModel, system check portal.E002) or is put in privacy_guard.NOT_GUARDED with a reason.
GUARDED = {
    "events.EventIndexPage",
    "events.EventMaterial",
    "events.EventPage",
    "events.ProgrammeItem",
    "events.StoryCandidate",
    "home.HomeFeaturedMethod",
    "home.HomeFeaturedStory",
    "home.HomePage",
    "home.PortalSettings",
    "home.StandardPage",
    "methods.MethodCombination",
    "methods.MethodIndexPage",
    "methods.MethodPage",
    "methods.MethodReference",
    "portal_search.SynonymGroup",
    "roles.RegionalReviewTask",
    "roles.RoleGroup",
    "stories.StoryAdaptation",
    "stories.StoryAttachment",
    "stories.StoryIndexPage",
    "stories.StoryPage",
    "stories.StoryPartner",
    "stories.StoryResult",
    "stories.StorySubmission",
    "stories.StoryTag",
    "taggit.Tag",
    "taxonomy.JobcenterPage",
    "taxonomy.RegionFeatured",
    "taxonomy.RegionIndexPage",
    "taxonomy.RegionPage",
    "taxonomy.TargetGroup",
    "taxonomy.TargetGroupIndexPage",
    "themes.ThemeIndexPage",
    "themes.ThemeItem",
    "themes.ThemePage",
    "wagtaildocs.Document",
    "wagtailimages.Image",
}


def test_every_model_of_the_portal_is_guarded_or_deliberately_left_out():
    from django.apps import apps

    assert {model._meta.label for model in guarded_models()} == GUARDED
    own = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_config.name.split(".")[0] in ("portal", "stories", "methods")
    }
    assert own <= GUARDED | set(NOT_GUARDED)
    assert every_portal_model_is_guarded() == []


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"slug": "hostile-0102801234"}, "slug"),
        ({"description": "Borger 010280\u20111234"}, "description"),
        ({"name": "Borgere 01.02.80 1234"}, "name"),
    ],
    ids=["slug", "description", "name"],
)
def test_a_target_group_snippet_is_refused_by_the_model_and_at_the_field_in_the_admin(admin_client, fields, field):
    data = {"name": "Unge", "slug": "unge", "description": "Unge under 30.", "sort_order": 100, **fields}
    with pytest.raises(ValidationError):
        TargetGroup.objects.create(**data)
    response = admin_client.post("/admin/snippets/taxonomy/targetgroup/add/", data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert response.context["form"].errors.get(field)
    assert not TargetGroup.objects.exists()


def test_a_synonym_group_is_refused_at_the_field_in_the_admin(admin_client):
    with pytest.raises(ValidationError):
        SynonymGroup.objects.create(name="Ledige", words="ledig\nborger 010280-1234")
    response = admin_client.post(
        "/admin/snippets/portal_search/synonymgroup/add/", {"name": "Ledige", "words": "ledig\nborger 010280\u20111234"}
    )
    assert response.status_code == 200 and response.context["form"].errors.get("words")
    assert not SynonymGroup.objects.filter(words__contains="1234").exists()


# --- 3. Links in rich text --------------------------------------------------------------------------------------

LINKS = [
    '<p>Se <a href="https://example.dk/sag/0102801234">sagen</a></p>',
    '<p>Se <a href="https://example.dk/?cpr=010280-1234">sagen</a></p>',
    '<p><a href="mailto:010280-1234@example.dk">Skriv</a></p>',
]


@pytest.mark.parametrize("markup", LINKS, ids=["path", "query", "mailto"])
def test_a_number_in_a_link_address_is_refused_in_story_fields_blocks_and_the_event_body(tree, markup):
    story = f.StoryPageFactory(parent=tree.varde, target_groups=[tree.unge])
    story.problem = markup
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "problem" in refused.value.message_dict
    story.refresh_from_db()
    story.practice = [("paragraph", markup)]
    with pytest.raises(ValidationError):
        story.save(clean=False)
    event = f.EventPageFactory(parent=tree.syd)
    event.body = markup
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "body" in refused.value.message_dict
    assert not StoryPage.objects.filter(problem__contains="example.dk").exists()


# --- 5. Inline rows in the admin: at the field, never a 500 ---------------------------------------------------------


def _event_form(event, programme=(), materials=()):
    return nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "start": "2027-03-01 09:00",
            "end": "2027-03-01 15:00",
            "venue": "Salen",
            "address": "Vejen 1, 6800 Varde",
            "organiser": "Syd",
            "contact_email": "syd@example.dk",
            "status": "planned",
            "body": rich_text("<p>En dag om gode historier.</p>"),
            "call_text": rich_text(""),
            "programme": inline_formset(list(programme)),
            "materials": inline_formset(list(materials)),
        }
    )


@pytest.mark.parametrize(
    "programme, materials, relation, field",
    [
        (
            [{"starts_at": "09:00", "kind": "talk", "title": "Velkomst 010280-1234", "presenter_role": ""}],
            [],
            0,
            "title",
        ),
        (
            [{"starts_at": "09:00", "kind": "talk", "title": "Velkomst", "presenter_role": "Borger 010280 1234"}],
            [],
            0,
            "presenter_role",
        ),
        ([], [{"title": "Slides 010280_1234", "link": "https://example.dk/slides"}], 1, "title"),
        ([], [{"title": "Slides", "link": "https://example.dk/0102801234"}], 1, "link"),
    ],
    ids=["programme-title", "programme-presenter-role", "material-title", "material-link"],
)
def test_a_number_in_an_event_inline_row_is_shown_at_the_row_field(
    admin_client, tree, programme, materials, relation, field
):
    event = f.EventPageFactory(parent=tree.syd)
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", _event_form(event, programme, materials))
    assert response.status_code == 200  # not a 500
    assert MESSAGE in response.content.decode()
    formset = list(response.context["form"].formsets.values())[relation]
    assert formset.forms[0].errors.get(field)
    assert not ProgrammeItem.objects.exists() and not EventMaterial.objects.exists()


def test_the_row_number_in_the_message_is_the_rows_place_in_the_editor(admin_client, tree):
    event = f.EventPageFactory(parent=tree.syd)
    programme = [
        {"starts_at": "09:00", "kind": "talk", "title": "Velkomst", "presenter_role": ""},
        {"starts_at": "10:00", "kind": "talk", "title": "Oplæg 010280\u00b71234", "presenter_role": ""},
    ]
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", _event_form(event, programme))
    assert response.status_code == 200
    formset = list(response.context["form"].formsets.values())[0]
    assert not formset.forms[0].errors and formset.forms[1].errors.get("title")
    assert "række 1" not in response.content.decode()
    assert not ProgrammeItem.objects.exists()
