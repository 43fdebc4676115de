"""Checks on files uploaded from the public site: type by content, size, CPR numbers in the name, clean names;
images bounded, upright and re-encoded without metadata (portal.shared.images); PDFs scanned and stripped
(portal.shared.pdfs)."""

import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import get_valid_filename

from portal.shared.images import encoded, normalised, open_bounded
from portal.shared.pdfs import UnreadablePdf, open_pdf, pdf_text_findings, without_metadata
from portal.shared.privacy import cpr_error, find_cpr_numbers
from portal.shared.slugs import danish_slugify

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_PDF_BYTES = 20 * 1024 * 1024
IMAGE_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


def clean_file_name(name, extension):
    """A safe ASCII file name with the given extension (Danish letters transliterated)."""
    stem = os.path.splitext(os.path.basename(name))[0]
    stem = get_valid_filename(danish_slugify(stem))[:60] or "fil"
    return f"{stem}.{extension}"


def _refuse_cpr_in_name(upload):
    found = find_cpr_numbers(upload.name)
    if found:
        raise ValidationError(f"Filnavnet: {cpr_error(found).message}", code="cpr_number")


def _size_in_mb(limit):
    return limit // (1024 * 1024)


def clean_image(upload):
    """A validated JPEG, PNG or WebP, bounded in pixels, upright, scaled down and without metadata (see
    portal.shared.images), as a new upload with a clean name."""
    _refuse_cpr_in_name(upload)
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(f"Billedet må højst fylde {_size_in_mb(MAX_IMAGE_BYTES)} MB.", code="too_large")
    image = open_bounded(upload)
    if image.format not in IMAGE_FORMATS:
        raise ValidationError("Billedet skal være en JPEG-, PNG- eller WebP-fil.", code="type")
    extension, content_type = IMAGE_FORMATS[image.format]
    content = encoded(normalised(image), image.format)
    return SimpleUploadedFile(clean_file_name(upload.name, extension), content, content_type=content_type)


def checked_pdf_content(upload):
    """The scanned and stripped content of an uploaded PDF, or a Danish ValidationError: not readable, encrypted,
    too many pages, or a CPR number in its text, annotations or metadata (the message names the page)."""
    try:
        reader = open_pdf(upload)
        findings = pdf_text_findings(upload, reader=reader)
    except UnreadablePdf as error:
        raise ValidationError(str(error), code="unreadable") from error
    if findings:
        first = findings[0]
        raise ValidationError(
            f"Bilaget indeholder et CPR-nummer ({first.masked}) på {first.place}. Portalen må aldrig "
            "offentliggøre CPR-numre: fjern nummeret fra PDF-filen, og vedlæg den igen.",
            code="cpr_number",
        )
    return without_metadata(reader)


def clean_pdf(upload):
    """A validated PDF, checked for CPR numbers inside and rewritten without metadata, with a clean name."""
    _refuse_cpr_in_name(upload)
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(f"Bilaget må højst fylde {_size_in_mb(MAX_PDF_BYTES)} MB.", code="too_large")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError("Bilaget skal være en PDF-fil.", code="type")
    content = checked_pdf_content(upload)
    return SimpleUploadedFile(clean_file_name(upload.name, "pdf"), content, content_type="application/pdf")
