"""The policy is wired in once, at the model level: whatever path writes a page, revision, inline row, image,
document, tag or adaptation (here: the ORM, as a management command or the API would), a CPR number is refused and
nothing is written. Derived values (the slug from the title, the stored file name) are checked once derived."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from portal.events.models import EventMaterial
from portal.shared.privacy_guard import every_page_is_guarded
from stories.models import StoryAdaptation, StoryPage, StoryPartner
from tests import factories as f
from tests.personal_data.test_policy_rules import VARIANTS, cpr_numbers, danish_words, disguised

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _story(tree, **fields):
    return f.StoryPageFactory(parent=tree.varde, target_groups=[tree.unge], **fields)


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_each_variant_is_refused_by_the_model_whatever_saves_it(tree, text):
    story = _story(tree)
    story.summary = f"Borgeren {text} fik job."
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "summary" in refused.value.message_dict
    with pytest.raises(ValidationError):
        story.save(clean=False)  # no clean: the pre_save guard still refuses
    with pytest.raises(ValidationError):
        story.save_revision(clean=False)
    story.refresh_from_db()
    assert story.summary == "En historie til test."
    assert not Revision.objects.filter(object_id=str(story.pk)).exists()


def test_the_slug_is_checked_after_it_is_derived_from_the_title(tree):
    story = StoryPage(
        title="Forløb 01.02.80-1234 i Varde",
        slug="",
        summary="Kort.",
        problem="<p>P</p>",
        contact_name="K",
        contact_role="R",
        contact_email="k@example.dk",
    )
    with pytest.raises(ValidationError) as refused:
        tree.varde.add_child(instance=story)  # Wagtail derives the slug from the title while cleaning
    assert story.slug.startswith("forl") and story.slug.endswith("010280-1234-i-varde")  # what was derived ...
    assert {"title", "slug"} <= set(refused.value.message_dict)  # ... is refused too
    assert not StoryPage.objects.exists()


def test_a_slug_typed_as_a_clean_slug_is_refused(tree):
    story = _story(tree)
    story.slug = "forloeb-010280-1234-i-varde"
    with pytest.raises(ValidationError):
        story.save()


def test_inline_rows_tags_and_the_image_of_a_page_are_part_of_the_page(tree, media):
    story = _story(tree)
    with pytest.raises(ValidationError):
        StoryPartner(page=story, kind="employer", name="Værksted 010280\u20131234").save()
    assert not StoryPartner.objects.exists()
    story.partners.add(StoryPartner(kind="employer", name="Værksted 01 02 80 1234"))
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "Samarbejdspartnere, række 1" in str(refused.value)


def test_a_tag_is_refused_by_its_name_and_by_the_slug_taggit_derives(tree):
    with pytest.raises(ValidationError):
        Tag.objects.create(name="cpr 010280  1234")
    with pytest.raises(ValidationError):
        Tag.objects.create(name="cpr", slug="cpr-010280-1234")
    assert not Tag.objects.exists()


@pytest.mark.parametrize(
    "title, name",
    [
        ("Borgeren 01.02.80-1234", "foto.png"),
        ("Foto", "01.02.80-1234.png"),
        ("Foto", "010280\u00b71234.png"),  # a middle dot, which Wagtail stores as "-": 010280-1234.png
    ],
    ids=["title", "file-name", "file-name-as-stored"],
)
def test_images_and_documents_are_refused_by_title_and_file_name(media, title, name):
    image = get_image_model()(title=title, file=ContentFile(_png(), name=name))
    with pytest.raises(ValidationError):
        image.save()
    document = get_document_model()(title=title, file=ContentFile(b"%PDF-1.4", name=name.replace(".png", ".pdf")))
    with pytest.raises(ValidationError):
        document.save()
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()
    assert not list(media.rglob("*.*"))  # nothing reached storage


def test_adaptations_and_event_materials_are_refused(tree, roles):
    story = _story(tree)
    adaptation = StoryAdaptation(story=story, jobcenter=tree.odense, changes="Vi brugte 010280/1234", outcome="Godt")
    with pytest.raises(ValidationError) as refused:
        adaptation.full_clean()
    assert "changes" in refused.value.message_dict
    with pytest.raises(ValidationError):
        adaptation.save()
    event = f.EventPageFactory(parent=tree.syd)
    with pytest.raises(ValidationError):
        EventMaterial(page=event, title="Slides 010280_1234", link="https://example.org").save()
    assert not StoryAdaptation.objects.exists() and not EventMaterial.objects.exists()


def test_every_page_model_is_guarded():
    assert every_page_is_guarded() == []


TEXT_FIELDS = ["title", "summary", "problem", "dose_progression", "lessons", "contact_role", "contact_email"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), cpr=cpr_numbers(), field=st.sampled_from(TEXT_FIELDS))
def test_no_disguised_number_in_any_field_gets_past_the_model(tree, data, cpr, field):
    story = StoryPage.objects.get(pk=_story(tree).pk) if not StoryPage.objects.exists() else StoryPage.objects.first()
    text = data.draw(danish_words) + " " + data.draw(disguised(cpr)) + " " + data.draw(danish_words)
    if field == "problem":
        text = f"<p>{text}</p>"
    setattr(story, field, text)
    with pytest.raises(ValidationError):
        story.save(clean=False)
    dump = io.StringIO()
    call_command("dumpdata", "wagtailcore.page", "stories", "wagtailcore.revision", stdout=dump)
    assert cpr not in "".join(char for char in dump.getvalue() if char.isdigit() or char == " ").replace(" ", "")


@pytest.mark.parametrize(
    "title, name, field",
    [("Borger 010280\u20131234", "foto.png", "title"), ("Foto", "01.02.80-1234.png", "file")],
    ids=["title", "file-name"],
)
def test_the_admin_image_and_document_forms_show_the_message_at_the_field(admin_client, media, title, name, field):
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = SimpleUploadedFile(name, _png(), content_type="image/png")
    response = admin_client.post("/admin/images/add/", {"title": title, "file": image})
    assert response.status_code == 200
    assert "CPR-nummer (010280-xxxx)" in response.content.decode()
    assert response.context["form"].errors.get(field)
    pdf = SimpleUploadedFile(name.replace(".png", ".pdf"), b"%PDF-1.4 x", content_type="application/pdf")
    response = admin_client.post("/admin/documents/add/", {"title": title, "file": pdf})
    assert response.status_code == 200 and response.context["form"].errors.get(field)
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()
