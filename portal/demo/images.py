"""Illustrations made by the project itself (no downloads): calm abstract shapes in a story's colour."""

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def _illustration(colour: str, seed: str) -> bytes:
    width, height = 1200, 600
    image = PILImage.new("RGB", (width, height), "#f2f2f2")
    draw = ImageDraw.Draw(image)
    digest = hashlib.sha256(seed.encode()).digest()
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    for i in range(6):
        x = digest[i] * width // 256
        y = digest[i + 6] * height // 256
        radius = 80 + digest[i + 12] % 160
        shade = tuple(min(255, c + 30 * i) for c in rgb)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    draw.rectangle((0, height - 40, width, height), fill=rgb)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(title: str, colour: str, description: str):
    """The demo image with this title, created once."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    slug = hashlib.sha1(title.encode()).hexdigest()[:10]
    image = Image(title=title, description=description)
    image.file = ImageFile(BytesIO(_illustration(colour, title)), name=f"demo-{slug}.png")
    image.save()
    return image


def demo_slides(title: str, lines: list[str]):
    """A one-page PDF 'slide' with this title, created once: material from a demo event."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    page = PILImage.new("RGB", (1280, 720), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1280, 110), fill="#004993")
    draw.text((60, 40), title, fill="white", font_size=40)
    for i, line in enumerate(lines):
        draw.text((60, 170 + i * 70), f"•  {line}", fill="#1a1a1a", font_size=32)
    buffer = BytesIO()
    page.save(buffer, format="PDF")
    slug = hashlib.sha1(title.encode()).hexdigest()[:10]
    document = Document(title=title)
    document.file.save(f"demo-slides-{slug}.pdf", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document
