"""Attachments are judged on content: signatures, ZIP structure, text that decodes, and a
name whose extension agrees."""

import io
import struct
import zipfile

import pytest

from zwerm.collaboration.services.deliverables_files import UNREADABLE_ZIP, extension_of, sniff
from zwerm.collaboration.tests.deliverables.conftest import DOCX, ODS, ODT, PDF, PNG, XLSX, ZIP


@pytest.mark.parametrize(("data", "name", "content_type"), [
    (PDF, "rapport.pdf", "application/pdf"),
    (PNG, "schema.PNG", "image/png"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "foto.jpeg", "image/jpeg"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "foto.jpg", "image/jpeg"),
    (b"naam;aantal\nbeton;3\n", "tabel.csv", "text/csv"),
    ("# Kop\n\nTekst met één accent.".encode(), "notities.md", "text/markdown"),
    (b"\xef\xbb\xbfplain text\twith tab\r\n", "lees.txt", "text/plain"),
    (DOCX, "verslag.docx", "application/vnd.openxmlformats-officedocument."
     "wordprocessingml.document"),
    (XLSX, "cijfers.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (ODT, "tekst.odt", "application/vnd.oasis.opendocument.text"),
    (ODS, "blad.ods", "application/vnd.oasis.opendocument.spreadsheet"),
    (ZIP, "bundel.zip", "application/zip"),
])
def test_allowed_kinds(data, name, content_type):
    kind = sniff(data, name)
    assert kind is not None and kind.content_type == content_type


@pytest.mark.parametrize(("data", "name"), [
    (b"<html><script>alert(1)</script></html>", "page.html"),  # text, but not an allowed name
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.svg"),
    (b"MZ\x90\x00\x03" + b"\x00" * 20, "rapport.pdf"),  # an executable named .pdf
    (PDF, "rapport.exe"),  # a PDF named like something else
    (PNG, "rapport.pdf"),  # a PNG named .pdf
    (DOCX, "verslag.xlsx"),  # a DOCX named .xlsx
    (ZIP, "verslag.docx"),  # a plain ZIP named .docx
    (b"PK\x03\x04broken", "kapot.zip"),  # a signature without a real archive
    (b"\x00\x01\x02binary", "data.txt"),  # control characters are not text
    (b"\xff\xfe\x00t\x00e", "utf16.txt"),  # not UTF-8
    (b"no extension at all", "README"),
    (b"GIF89a......", "anim.gif"),
])
def test_refused(data, name):
    assert sniff(data, name) is None


def test_extension_of_ignores_paths_and_case():
    assert extension_of("C:\\Users\\x\\Rapport.PDF") == "pdf"
    assert extension_of("a/b/c.tar.gz") == "gz"
    assert extension_of("noext") == ""


def _archive_with_mimetype(*, method: int = 0, flags: int = 0) -> bytes:
    """An ODF-like archive whose "mimetype" member claims another compression method or the
    encrypted flag, both in the local header and in the central directory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    data = bytearray(buffer.getvalue())
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<HH", data, local + 6, flags, method)
    struct.pack_into("<HH", data, central + 8, flags, method)
    return bytes(data)


@pytest.mark.parametrize("archive", [
    _archive_with_mimetype(method=99),  # a compression method zipfile lacks
    _archive_with_mimetype(flags=1),  # an encrypted member
])
def test_an_archive_that_cannot_be_read_is_refused(archive):
    with pytest.raises(UNREADABLE_ZIP):
        zipfile.ZipFile(io.BytesIO(archive)).read("mimetype")
    assert sniff(archive, "verslag.odt") is None
