"""Uploads in Wagtail's admin follow the public form's rules: images bounded in pixels (a Danish error, never a
server error), upright, scaled down and without metadata; PDFs with a CPR number refused, stored without
metadata. Through Wagtail's own add views (single and multiple upload)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.upload_files import claimed_png, pdf, png, sideways_photo

pytestmark = pytest.mark.django_db
CPR = "010190-1234"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor(client, roles):
    client.force_login(roles["editor"])
    client.cookies.load({"django_language": "da"})
    return client


def _stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def _add_image(client, name, content, content_type="image/png"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(
        reverse("wagtailimages:add"), {"title": "Et værksted", "file": upload}, HTTP_ACCEPT_LANGUAGE="da"
    )


def test_a_decompression_bomb_is_refused_in_danish_in_the_admin(editor, media):
    response = _add_image(editor, "bombe.png", claimed_png(20000, 20000))
    assert response.status_code == 200  # the form again, with the error
    assert "Billedet er for stort" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert _stored_files(media) == []


def test_a_huge_png_is_refused_in_the_admin_multiple_upload(editor, media):
    upload = SimpleUploadedFile("stor.png", claimed_png(12000, 12000), content_type="image/png")
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": upload}, HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Billedet er for stort (12000 × 12000 pixels)" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert _stored_files(media) == []


def test_an_admin_upload_is_stored_upright_without_exif(editor, media):
    response = _add_image(editor, "foto.jpg", sideways_photo(), "image/jpeg")
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 60)
    with image.file.open() as stored:
        upright = Image.open(stored)
        upright.load()
    red, _green, blue = upright.getpixel((35, 5))
    assert red > 200 and blue < 80
    assert not upright.getexif()


def test_a_large_admin_upload_is_scaled_down(editor, media):
    response = _add_image(editor, "panorama.png", png((6400, 1600)))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (3200, 800)


def _add_document(client, content):
    upload = SimpleUploadedFile("evaluering.pdf", content, content_type="application/pdf")
    return client.post(reverse("wagtaildocs:add"), {"title": "Evaluering", "file": upload}, HTTP_ACCEPT_LANGUAGE="da")


def test_an_admin_pdf_with_a_cpr_number_is_refused_naming_the_page(editor, media):
    response = _add_document(editor, pdf(pages=("Forside", f"Borger {CPR}")))
    assert response.status_code == 200
    assert "Bilaget indeholder et CPR-nummer (010190-xxxx) på side 2" in response.content.decode()
    assert not get_document_model().objects.exists()
    assert _stored_files(media) == []


def test_an_admin_pdf_is_stored_without_metadata(editor, media):
    response = _add_document(editor, pdf(metadata={"/Author": "Karen Jensen"}))
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open() as stored:
        data = stored.read()
    assert not PdfReader(io.BytesIO(data)).metadata
    assert b"Karen" not in data
