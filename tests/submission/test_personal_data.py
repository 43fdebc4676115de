"""No CPR number gets into a story through the public form, and uploads are checked and cleaned."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from stories.models import StoryPage
from tests.submission.helpers import ANSWERS, current_revision, fill_in, start_submission, step_url, submit

pytestmark = pytest.mark.django_db
CPR = "010190-1234"


@pytest.fixture
def contributor(client, roles):
    client.force_login(roles["varde_contributor"])
    return client


def _post_step(client, submission, tree, slug, **changes):
    data = {**ANSWERS[slug], "revision": current_revision(submission), **changes}
    if slug == "om":
        data.setdefault("target_groups", [tree.aktivitetsparate.pk])
    return client.post(step_url(submission, slug), data)


@pytest.mark.parametrize(
    "slug, field",
    [
        ("om", "title"),
        ("om", "summary"),
        ("om", "tags"),
        ("indsats", "blok-0-text"),
        ("indsats", "partner-0-contribution"),
        ("resultater", "lessons"),
        ("resultater", "resultat-0-base"),
        ("kontakt", "contact_role"),
    ],
)
def test_a_cpr_number_in_any_field_is_refused_with_a_danish_message_at_that_field(contributor, tree, slug, field):
    submission = start_submission(contributor)
    response = _post_step(contributor, submission, tree, slug, **{field: f"Borgeren {CPR.replace('-', '')} deltog"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Feltet indeholder et CPR-nummer (010190-xxxx)" in html
    assert f'href="#id_{field}"' in html
    assert "Portalen må aldrig offentliggøre CPR-numre" in html


def test_a_cpr_number_in_an_attachments_file_name_is_refused(contributor, tree):
    submission = start_submission(contributor)
    pdf = SimpleUploadedFile(f"journal {CPR}.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = contributor.post(
        step_url(submission, "kontakt"), {**ANSWERS["kontakt"], "attachment": pdf, "attachment_title": "Journal"}
    )
    assert response.status_code == 400
    assert "CPR-nummer" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_file_that_is_not_a_pdf_is_refused_as_attachment(contributor, tree):
    submission = start_submission(contributor)
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = contributor.post(
        step_url(submission, "kontakt"), {**ANSWERS["kontakt"], "attachment": fake, "attachment_title": "Rapport"}
    )
    assert response.status_code == 400
    assert "Bilaget skal være en PDF-fil." in response.content.decode()


def _jpeg_with_metadata():
    image = Image.new("RGB", (40, 30), "orange")
    exif = Image.Exif()
    exif[0x010F] = "KameraFabrikant"  # Make
    exif[0x013B] = "Fotografens Navn"  # Artist
    exif[0x9286] = "Taget hjemme hos borgeren"  # UserComment
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif()  # the upload does carry metadata
    return buffer.getvalue()


def test_an_uploaded_image_loses_its_metadata_and_gets_a_clean_name(contributor, tree):
    submission = start_submission(contributor)
    _post_step(contributor, submission, tree, "om")  # the story exists once it has a title
    upload = SimpleUploadedFile("Billede fra ærø.JPG", _jpeg_with_metadata(), content_type="image/jpeg")
    response = contributor.post(
        step_url(submission, "kontakt"),
        {
            **ANSWERS["kontakt"],
            "revision": current_revision(submission),
            "image": upload,
            "image_alt": "En bænk i et værksted",
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.file.name.rsplit("/", 1)[-1].startswith("billede-fra-aeroe")
    assert image.description == "En bænk i et værksted"
    with image.file.open() as stored:
        assert not Image.open(stored).getexif()
    assert image.collection.name == "Indsendelser (ikke udgivet)"


def test_an_image_needs_a_description(contributor, tree):
    submission = start_submission(contributor)
    upload = SimpleUploadedFile("foto.png", _png(), content_type="image/png")
    response = contributor.post(step_url(submission, "kontakt"), {**ANSWERS["kontakt"], "image": upload})
    assert response.status_code == 400
    assert "Beskriv billedet" in response.content.decode()


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_text_file_posing_as_an_image_is_refused(contributor, tree):
    submission = start_submission(contributor)
    upload = SimpleUploadedFile("foto.jpg", b"just text", content_type="image/jpeg")
    response = contributor.post(
        step_url(submission, "kontakt"), {**ANSWERS["kontakt"], "image": upload, "image_alt": "Foto"}
    )
    assert response.status_code == 400
    assert "Filen er ikke et billede" in response.content.decode()


def test_the_review_step_warns_of_likely_identifying_details_before_submitting(contributor, tree):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree, {"indsats": {"blok-0-text": "Mette Hansen havde angst, men kom i gang."}})
    html = contributor.get(step_url(submission, "indsend")).content.decode()
    assert "Tjek for personoplysninger" in html and "Mette Hansen" in html
    submit(contributor, submission)
    assert StoryPage.objects.count() == 1  # a warning, not a refusal: the consultant decides


# Found by the hostile tester (fix-f1-cpr).


def test_a_cpr_number_only_in_the_derived_slug_is_shown_at_the_title(contributor, tree):
    submission = start_submission(contributor)
    # "(" is no separator, so the title itself passes; the slug derived from it reads "forloeb-010280-1234".
    response = _post_step(contributor, submission, tree, "om", title="Forløb 010280 (1234)")
    assert response.status_code == 400
    assert response.context["editor"].form.errors.get("title")
    assert "Feltet indeholder et CPR-nummer (010280-xxxx)" in response.content.decode()
    assert not StoryPage.objects.exists()


def test_a_refused_save_for_later_shows_only_the_cpr_error(contributor, tree):
    submission = start_submission(contributor)
    data = {"title": "Forløb 010280~1234", "revision": "", "gem": "1"}  # the rest of the step left empty
    response = contributor.post(step_url(submission, "om"), data)
    assert response.status_code == 400
    errors = response.context["editor"].errors()
    assert [message for _anchor, _label, message in errors] == [
        message for _anchor, _label, message in errors if "CPR-nummer (010280-xxxx)" in message
    ]
    assert len(errors) == 1
    assert not StoryPage.objects.exists()


def test_a_cpr_number_only_in_a_tag_slug_is_shown_at_the_tags(contributor, tree):
    submission = start_submission(contributor)
    # "(" is no separator, so the tag as typed passes; the slug taggit derives from it reads "cpr-010280-1234".
    response = _post_step(contributor, submission, tree, "om", tags="mentor, cpr 010280 (1234)")
    assert response.status_code == 400
    assert response.context["editor"].form.errors.get("tags")
    assert not StoryPage.objects.exists()
