"""PDFs read with pypdf: their text (page by page), annotations and metadata (document information and XMP) scanned
for CPR numbers, and a copy written without any metadata.

The cost is bounded: at most MAX_PDF_PAGES pages (a longer PDF is refused, since it could not be checked in full),
and the scan stops and refuses the file when it has taken longer than MAX_PDF_SCAN_SECONDS (checked between pages).
An encrypted PDF that cannot be opened without a password is refused: its text cannot be checked."""

import io
import logging
import time
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from portal.shared.privacy import find_cpr_numbers, mask

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 300
MAX_PDF_SCAN_SECONDS = 20
PAGE_KEYS_DROPPED = ("/Metadata", "/PieceInfo", "/AA")  # per-page XMP, application data, page actions


class UnreadablePdf(ValueError):
    """A PDF that cannot be checked; its message is Danish and says why."""


@dataclass(frozen=True)
class Finding:
    place: str  # "side 3", "metadata (Author)", "XMP-metadata", "kommentar på side 2"
    cpr: str

    @property
    def masked(self):
        return mask(self.cpr)


def open_pdf(file):
    """A PdfReader over the file, or UnreadablePdf (not a PDF, broken, encrypted, too many pages)."""
    file.seek(0)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadablePdf(
                "Bilaget er beskyttet med en adgangskode, så portalen kan ikke kontrollere det. "
                "Gem en udgave uden adgangskode, og prøv igen."
            )
        pages = len(reader.pages)
    except UnreadablePdf:
        raise
    except Exception as error:  # pypdf raises many kinds on a broken or hostile file
        logger.info("An uploaded PDF could not be read: %s", type(error).__name__)
        raise UnreadablePdf("Bilaget kan ikke læses som en PDF-fil. Gem det som PDF igen, og prøv igen.") from error
    if pages > MAX_PDF_PAGES:
        raise UnreadablePdf(
            f"Bilaget har {pages} sider. Det må højst have {MAX_PDF_PAGES} sider, så det kan kontrolleres for "
            "personoplysninger. Del det op, eller vedlæg et uddrag."
        )
    return reader


def _text(value):
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _metadata_findings(reader):
    info = reader.metadata or {}
    for key, value in info.items():
        for cpr in find_cpr_numbers(_text(value)):
            yield Finding(f"metadata ({str(key).lstrip('/')})", cpr)
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is not None:
        xmp = metadata.get_object().get_data().decode("utf-8", "replace")
        for cpr in find_cpr_numbers(xmp):
            yield Finding("XMP-metadata", cpr)


def _page_findings(number, page):
    for cpr in find_cpr_numbers(page.extract_text() or ""):
        yield Finding(f"side {number}", cpr)
    annotations = page.get("/Annots")
    for annotation in annotations.get_object() if annotations is not None else []:
        annotation = annotation.get_object()
        for key in ("/Contents", "/T", "/TU", "/V"):
            if key in annotation:
                for cpr in find_cpr_numbers(_text(annotation[key])):
                    yield Finding(f"kommentar eller formularfelt på side {number}", cpr)
    page_xmp = page.get("/Metadata")
    if page_xmp is not None:
        for cpr in find_cpr_numbers(page_xmp.get_object().get_data().decode("utf-8", "replace")):
            yield Finding(f"metadata på side {number}", cpr)


def pdf_text_findings(file, reader=None):
    """Every CPR number in a PDF's metadata, text and annotations, with where it stands ("side 3"). Raises
    UnreadablePdf when the PDF cannot be checked in full. For the upload checks and the scan of stored files."""
    reader = reader or open_pdf(file)
    started = time.monotonic()
    try:
        findings = list(_metadata_findings(reader))
        for number, page in enumerate(reader.pages, start=1):
            if time.monotonic() - started > MAX_PDF_SCAN_SECONDS:
                raise UnreadablePdf(
                    "Bilaget tager for lang tid at gennemlæse for personoplysninger. Gem det som en enklere "
                    "PDF (fx «Udskriv som PDF»), og prøv igen."
                )
            findings += _page_findings(number, page)
    except UnreadablePdf:
        raise
    except Exception as error:
        logger.info("An uploaded PDF could not be scanned: %s", type(error).__name__)
        raise UnreadablePdf("Bilaget kan ikke læses som en PDF-fil. Gem det som PDF igen, og prøv igen.") from error
    return findings


def without_metadata(reader):
    """The PDF's pages written anew: no document information (author, title, producer), no XMP, no per-page
    metadata, no embedded files, outlines, document-level scripts or page actions (only pages are copied)."""
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    for page in writer.pages:
        for key in PAGE_KEYS_DROPPED:
            page.pop(NameObject(key), None)
    writer.metadata = None
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
