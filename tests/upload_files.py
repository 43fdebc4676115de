"""Files built in the tests: PNGs whose header claims a huge size (decompression bombs), photos with an EXIF
orientation, and real PDFs with text on given pages and metadata."""

import io
import struct
import zlib

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def claimed_png(width, height):
    """A tiny PNG whose header says width × height (greyscale): a few hundred bytes that would decode to
    width × height bytes. With 20000 × 20000 it is a decompression bomb."""
    rows = zlib.compress(b"\x00" * (width + 1) * 4, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")


def png(size=(12, 8), colour="blue"):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def sideways_photo(orientation=6):
    """A JPEG stored 60 wide × 40 high, red at its top-left corner and blue elsewhere, tagged with an EXIF
    orientation: 6 means "rotate 90° clockwise to view", so upright it is 40 wide × 60 high with red at the top
    right."""
    image = Image.new("RGB", (60, 40), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "Fotografens Navn"  # Artist
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def _font(writer):
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    return DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})


def pdf(pages=("Evaluering af forløbet",), metadata=None, xmp=None):
    """A real PDF with one line of text (ASCII) per page, optional document information and an XMP packet."""
    writer = PdfWriter()
    for text in pages:
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = _font(writer)
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = DecodedStreamObject()
        stream.set_data(b"BT /F1 12 Tf 72 770 Td (" + escaped.encode("latin-1") + b") Tj ET")
        page[NameObject("/Contents")] = writer._add_object(stream)
    if metadata:
        writer.add_metadata(metadata)
    if xmp:
        packet = DecodedStreamObject()
        packet.set_data(xmp.encode())
        packet[NameObject("/Type")] = NameObject("/Metadata")
        packet[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(packet)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def xmp_packet(creator):
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{creator}</dc:creator></rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
