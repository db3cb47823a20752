"""What an uploaded attachment really is, judged by its content, not by its name.

Pure functions over bytes (no database). The allow-list: PDF, PNG, JPEG, CSV, plain text,
Markdown, ODF text and spreadsheet, DOCX, XLSX and ZIP. The file name's extension must
agree with what the content turns out to be, so a script renamed to ``.pdf`` or an HTML page
renamed to ``.txt`` is refused rather than served under a misleading name.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    key: str
    content_type: str
    extension: str  # the extension the stored file gets
    extensions: frozenset[str]  # extensions an original name may carry


def _kind(key: str, content_type: str, *extensions: str) -> FileKind:
    return FileKind(key, content_type, extensions[0], frozenset(extensions))


PDF = _kind("pdf", "application/pdf", "pdf")
PNG = _kind("png", "image/png", "png")
JPEG = _kind("jpeg", "image/jpeg", "jpg", "jpeg")
CSV = _kind("csv", "text/csv", "csv")
MARKDOWN = _kind("markdown", "text/markdown", "md", "markdown")
TEXT = _kind("text", "text/plain", "txt", "text")
ODT = _kind("odt", "application/vnd.oasis.opendocument.text", "odt")
ODS = _kind("ods", "application/vnd.oasis.opendocument.spreadsheet", "ods")
DOCX = _kind(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
)
XLSX = _kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
ZIP = _kind("zip", "application/zip", "zip")

KINDS = (PDF, PNG, JPEG, CSV, MARKDOWN, TEXT, ODT, ODS, DOCX, XLSX, ZIP)
ALLOWED_EXTENSIONS = sorted({ext for kind in KINDS for ext in kind.extensions})

_TEXT_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def extension_of(name: str) -> str:
    base = (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _is_text(data: bytes) -> bool:
    """UTF-8 (with or without BOM) without control characters other than tab and newlines."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not any(ord(char) in _TEXT_CONTROL for char in text)


#: What ``zipfile`` raises for an archive it cannot read: a broken or truncated one
#: (BadZipFile, OSError, ValueError, KeyError), one too large (LargeZipFile), a member with a
#: compression method it lacks (NotImplementedError) or an encrypted member (RuntimeError).
UNREADABLE_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError,
                  NotImplementedError, RuntimeError)


def _zip_kind(data: bytes) -> FileKind | None:
    """The ODF or Office kind a ZIP archive holds, plain ZIP, or None when unreadable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype == ODT.content_type:
                    return ODT
                if mimetype == ODS.content_type:
                    return ODS
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
            return ZIP
    except UNREADABLE_ZIP:
        return None


def sniff(data: bytes, name: str) -> FileKind | None:
    """The allowed kind this content is, given the name's extension; None when refused.

    Binary formats are recognised by their signature (and, for the ZIP family, by the
    archive's structure); text is recognised by decoding, and the extension then says
    whether it is CSV, Markdown or plain text.
    """
    extension = extension_of(name)
    found: FileKind | None
    if data.startswith(b"%PDF-"):
        found = PDF
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        found = PNG
    elif data.startswith(b"\xff\xd8\xff"):
        found = JPEG
    elif data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        found = _zip_kind(data)
    elif _is_text(data):
        found = next((kind for kind in (CSV, MARKDOWN, TEXT) if extension in kind.extensions),
                     None)
    else:
        found = None
    if found is None or extension not in found.extensions:
        return None
    return found
