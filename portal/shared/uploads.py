"""Checks on files uploaded from the public site: type by content, size, CPR numbers in the name, clean names,
and images re-encoded without their metadata (EXIF location, camera serial, author)."""

import io
import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import get_valid_filename
from PIL import Image, UnidentifiedImageError

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
        raise ValidationError(f"Filnavnet «{upload.name}»: {cpr_error(found).message}", code="cpr_number")


def _size_in_mb(limit):
    return limit // (1024 * 1024)


def clean_image(upload):
    """A validated JPEG, PNG or WebP with its metadata removed, as a new upload with a clean name."""
    _refuse_cpr_in_name(upload)
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(f"Billedet må højst fylde {_size_in_mb(MAX_IMAGE_BYTES)} MB.", code="too_large")
    try:
        image = Image.open(upload)
        image.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError("Filen er ikke et billede. Vælg en JPEG-, PNG- eller WebP-fil.", code="type") from error
    if image.format not in IMAGE_FORMATS:
        raise ValidationError("Billedet skal være en JPEG-, PNG- eller WebP-fil.", code="type")
    extension, content_type = IMAGE_FORMATS[image.format]
    # Re-encode the pixels only: no EXIF, XMP, ICC comments or GPS position survives.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    if image.mode == "P" and image.getpalette():
        clean.putpalette(image.getpalette())
    buffer = io.BytesIO()
    clean.save(buffer, format=image.format, **({"quality": 90} if image.format == "JPEG" else {}))
    return SimpleUploadedFile(clean_file_name(upload.name, extension), buffer.getvalue(), content_type=content_type)


def clean_pdf(upload):
    """A validated PDF with a clean name."""
    _refuse_cpr_in_name(upload)
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(f"Bilaget må højst fylde {_size_in_mb(MAX_PDF_BYTES)} MB.", code="too_large")
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError("Bilaget skal være en PDF-fil.", code="type")
    return SimpleUploadedFile(clean_file_name(upload.name, "pdf"), upload.read(), content_type="application/pdf")
