"""Uploads through the public form: images bounded in pixels, upright and scaled down; PDFs scanned for CPR numbers
in their text and metadata, stripped of metadata; whatever is refused is answered in Danish at the field and
leaves nothing in the database or in storage."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from portal.shared.images import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE
from portal.shared.uploads import clean_image
from tests.submission.helpers import ANSWERS, current_revision, start_submission, step_url
from tests.upload_files import claimed_png, pdf, png, sideways_photo, xmp_packet

pytestmark = pytest.mark.django_db
CPR = "010190-1234"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def contributor(client, roles):
    client.force_login(roles["varde_contributor"])
    return client


def _started(client, tree):
    """A submission whose story exists (it has a title), at the contact step."""
    submission = start_submission(client)
    data = {**ANSWERS["om"], "revision": current_revision(submission)}
    data |= {"target_groups": [tree.aktivitetsparate.pk], "methods": [tree.parallel.pk]}
    assert client.post(step_url(submission, "om"), data).status_code == 302
    return submission


def _stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def _post_contact(client, submission, **files):
    data = {**ANSWERS["kontakt"], "revision": current_revision(submission), **files}
    return client.post(step_url(submission, "kontakt"), data)


def _image(name, content, content_type="image/png"):
    return {"image": SimpleUploadedFile(name, content, content_type=content_type), "image_alt": "Et værksted"}


def _attachment(content, name="evaluering.pdf"):
    return {
        "attachment": SimpleUploadedFile(name, content, content_type="application/pdf"),
        "attachment_title": "Evaluering",
    }


# --- Images ---------------------------------------------------------------------------------------------------


def test_a_decompression_bomb_png_is_refused_in_danish_and_nothing_is_stored(contributor, tree, media):
    bomb = claimed_png(20000, 20000)
    assert len(bomb) < 2000  # a tiny file that claims 400 megapixels
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_image("bombe.png", bomb))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Billedet er for stort" in html and "højst have 40 megapixels" in html
    assert not get_image_model().objects.exists()
    assert _stored_files(media) == []


def test_a_huge_png_is_refused_with_its_size_and_nothing_is_stored(contributor, tree, media):
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_image("stor.png", claimed_png(12000, 12000)))
    assert response.status_code == 400
    assert "Billedet er for stort (12000 × 12000 pixels)" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert _stored_files(media) == []


def test_a_photo_tagged_rotate_90_is_stored_upright_and_without_exif(contributor, tree, media):
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_image("foto.jpg", sideways_photo(), "image/jpeg"))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 60)
    with image.file.open() as stored:
        upright = Image.open(stored)
        upright.load()
    assert upright.size == (40, 60)
    red, green, blue = upright.getpixel((35, 5))  # the red corner is now at the top right
    assert red > 200 and blue < 80
    red, green, blue = upright.getpixel((5, 5))
    assert blue > 200 and red < 80
    assert not upright.getexif()


def test_a_large_image_is_scaled_down_before_it_is_stored(contributor, tree, media):
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_image("panorama.png", png((4000, 1000))))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (MAX_IMAGE_SIDE, 800)
    with image.file.open() as stored:
        assert Image.open(stored).size == (MAX_IMAGE_SIDE, 800)


@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(1, 60_000), height=st.integers(1, 60_000))
def test_an_image_header_above_the_pixel_limit_is_always_refused_never_a_crash(width, height):
    """The pixel count is checked from the header: whatever size a PNG claims, above the limit the answer is the
    Danish refusal, never an exception; below it the image is accepted or (its claimed rows are not all in the
    file) refused as unreadable."""
    from django.core.exceptions import ValidationError

    upload = SimpleUploadedFile("billede.png", claimed_png(width, height), content_type="image/png")
    try:
        cleaned = clean_image(upload)
    except ValidationError as refused:
        assert refused.code == ("too_many_pixels" if width * height > MAX_IMAGE_PIXELS else "type")
    else:
        assert width * height <= MAX_IMAGE_PIXELS
        assert max(Image.open(cleaned).size) <= MAX_IMAGE_SIDE


@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=20)
@given(
    width=st.integers(1, 120),
    height=st.integers(1, 120),
    orientation=st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8]),
    side=st.integers(16, 100),
)
def test_every_accepted_image_is_upright_bounded_and_without_exif(settings, width, height, orientation, side):
    """With a small longest side (the rule is the same at 3200), for every size and EXIF orientation."""
    import portal.shared.images as images

    original = images.MAX_IMAGE_SIDE
    images.MAX_IMAGE_SIDE = side
    try:
        image = Image.new("RGB", (width, height), "green")
        exif = Image.Exif()
        exif[0x0112] = orientation
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", exif=exif)
        cleaned = clean_image(SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg"))
    finally:
        images.MAX_IMAGE_SIDE = original
    stored = Image.open(io.BytesIO(cleaned.read()))
    upright = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    scale = min(1, side / max(upright))
    assert max(stored.size) == min(side, max(width, height))
    for stored_side, upright_side in zip(stored.size, upright, strict=True):
        assert abs(stored_side - max(1, round(upright_side * scale))) <= 1
    assert not stored.getexif()
    assert cleaned.name == "foto.jpg"


# --- PDFs -----------------------------------------------------------------------------------------------------


def test_a_pdf_with_a_cpr_number_on_page_3_is_refused_naming_the_page(contributor, tree, media):
    submission = _started(contributor, tree)
    content = pdf(pages=("Forside", "Indhold", f"Borger {CPR} startede i praktik"))
    response = _post_contact(contributor, submission, **_attachment(content))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bilaget indeholder et CPR-nummer (010190-xxxx) på side 3" in html
    assert "1234" not in html.split("Bilaget indeholder")[1][:200]
    assert not get_document_model().objects.exists()
    assert _stored_files(media) == []


@pytest.mark.parametrize(
    ("metadata", "xmp", "place"),
    [
        ({"/Author": f"Sagsbehandler {CPR}"}, None, "metadata (Author)"),
        ({"/Title": f"Journal {CPR.replace('-', '')}"}, None, "metadata (Title)"),
        (None, xmp_packet(f"Borger {CPR}"), "XMP-metadata"),
    ],
)
def test_a_pdf_with_a_cpr_number_in_its_metadata_is_refused(contributor, tree, media, metadata, xmp, place):
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_attachment(pdf(metadata=metadata, xmp=xmp)))
    assert response.status_code == 400
    assert f"Bilaget indeholder et CPR-nummer (010190-xxxx) på {place}" in response.content.decode()
    assert not get_document_model().objects.exists()
    assert _stored_files(media) == []


def test_an_accepted_pdf_is_stored_without_its_metadata(contributor, tree, media):
    submission = _started(contributor, tree)
    content = pdf(
        pages=("Evaluering", "Resultater"),
        metadata={"/Author": "Karen Jensen, Varde Jobcenter", "/Title": "Intern evaluering"},
        xmp=xmp_packet("Karen Jensen"),
    )
    assert PdfReader(io.BytesIO(content)).metadata["/Author"] == "Karen Jensen, Varde Jobcenter"
    response = _post_contact(contributor, submission, **_attachment(content))
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open() as stored:
        data = stored.read()
    reader = PdfReader(io.BytesIO(data))
    assert [page.extract_text() for page in reader.pages] == ["Evaluering", "Resultater"]
    assert not reader.metadata
    assert "/Metadata" not in reader.trailer["/Root"]
    assert b"Karen" not in data


def test_a_password_protected_pdf_is_refused_in_danish(contributor, tree, media):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="hemmelig", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_attachment(buffer.getvalue()))
    assert response.status_code == 400
    assert "Bilaget er beskyttet med en adgangskode" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_pdf_with_too_many_pages_is_refused(contributor, tree, media, monkeypatch):
    import portal.shared.pdfs as pdfs

    monkeypatch.setattr(pdfs, "MAX_PDF_PAGES", 3)  # the rule is the same at 300; four pages keep the test small
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_attachment(pdf(pages=("1", "2", "3", "4"))))
    assert response.status_code == 400
    assert "Bilaget har 4 sider. Det må højst have 3 sider" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_broken_pdf_is_refused_in_danish(contributor, tree, media):
    submission = _started(contributor, tree)
    response = _post_contact(contributor, submission, **_attachment(b"%PDF-1.4 evaluering uden indhold"))
    assert response.status_code == 400
    assert "Bilaget kan ikke læses som en PDF-fil" in response.content.decode()


@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(
    day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
    serial=st.integers(0, 9999),
    separator=st.sampled_from(["-", " ", ""]),
    pages=st.integers(1, 5),
    data=st.data(),
)
def test_a_cpr_number_on_any_page_of_a_pdf_is_refused_naming_that_page(day, serial, separator, pages, data):
    """Whatever the date, serial and page, the PDF is refused and the message names the page; the number itself is
    never in the message (only masked)."""
    from django.core.exceptions import ValidationError

    from portal.shared.uploads import clean_pdf

    cpr = f"{day:%d%m%y}{separator}{serial:04d}"
    page = data.draw(st.integers(1, pages))
    texts = [f"Side {number} om forloebet" for number in range(1, pages + 1)]
    texts[page - 1] = f"Borger {cpr} startede"
    upload = SimpleUploadedFile("bilag.pdf", pdf(pages=texts), content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        clean_pdf(upload)
    message = refused.value.messages[0]
    assert f"på side {page}." in message
    assert f"({day:%d%m%y}-xxxx)" in message
    assert f"{serial:04d}" not in message.split("(")[1].split(")")[0]
