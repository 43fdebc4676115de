"""Uploaded images made safe to store: bounded pixels (checked from the header, before any decoding), upright (EXIF
orientation applied), at most MAX_IMAGE_SIDE pixels on the longest side, and re-encoded without metadata (EXIF
location, camera serial, author, comments, colour profiles)."""

import io
import warnings

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: a modern phone photo is 12–50; larger is refused, never decoded
MAX_IMAGE_SIDE = 3200  # the longest side kept: larger images are scaled down before they are stored
JPEG_QUALITY = 90

NOT_AN_IMAGE = "Filen er ikke et billede, der kan læses. Vælg en JPEG-, PNG- eller WebP-fil."
TOO_MANY_PIXELS = (
    "Billedet er for stort ({size}). Det må højst have {limit} megapixels. Gør billedet mindre, og prøv igen."
)


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.0f}"


def too_many_pixels(width=None, height=None):
    size = f"{width} × {height} pixels" if width and height else "for mange pixels"
    return ValidationError(
        TOO_MANY_PIXELS.format(size=size, limit=_megapixels(MAX_IMAGE_PIXELS)), code="too_many_pixels"
    )


def open_bounded(file):
    """The image opened lazily (only its header read), or a Danish ValidationError when it is not an image or has
    more than MAX_IMAGE_PIXELS pixels. A decompression bomb (a small file that claims a huge image) is refused here,
    before a single pixel is decoded."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above ~89 and refuses above ~179 megapixels; our own limit is lower, checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)
    except Image.DecompressionBombError as error:
        raise too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="type") from error
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise too_many_pixels(width, height)
    return image


def _scaled(size, longest):
    ratio = min(1.0, longest / max(size))
    return max(1, round(size[0] * ratio)), max(1, round(size[1] * ratio))


def normalised(image):
    """The pixels of an image opened by `open_bounded`: decoded (JPEG at a reduced scale where it is much larger
    than needed, to bound memory), scaled down to MAX_IMAGE_SIDE, turned upright by its EXIF orientation, and with
    every piece of metadata dropped."""
    try:
        if image.format == "JPEG":
            image.draft(None, _scaled(image.size, MAX_IMAGE_SIDE))
        image.load()
        # Scaled first (in place, so the full-size pixels are freed), then turned by the orientation tag, which is
        # read before the metadata goes: a photo tagged "rotate 90°" is stored upright.
        if max(image.size) > MAX_IMAGE_SIDE:
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
        ImageOps.exif_transpose(image, in_place=True)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="type") from error
    transparency = image.info.get("transparency")
    image.info = {} if transparency is None else {"transparency": transparency}
    return image


def encoded(image, format):
    """The image saved in its format, with nothing but its pixels (no EXIF, XMP, ICC profile or comment)."""
    options = {"quality": JPEG_QUALITY} if format == "JPEG" else {}
    if format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=format, exif=b"", **options)
    return buffer.getvalue()
