"""A council's own Word template as the document the papers are built on.

Its body goes (whatever sample text it holds), its last section's properties stay (page size,
margins, the headers and footers they point at: logo, address), and so do its styles, used by
name. A .dotx is read as the .docx it would make: only the main part's content type differs.
Bytes that are not a Word file are refused in one line that says what is wrong with them.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.oxml.ns import qn

from clerk_tui.errors import ClerkError

NOT_WORD = "not a Word document (.docx)"
MAIN_PART = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
_DOCUMENT_MAIN = b"wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = b"wordprocessingml.template.main+xml"
_MACROS = b"macroEnabled"


def _refuse(why: str) -> ClerkError:
    return ClerkError(f"{NOT_WORD}: {why}")


def _as_document_package(data: bytes) -> bytes:
    """``data`` checked to be a Word package, a template's (.dotx) relabelled as a document's."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _refuse("it is not a zip archive")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if MAIN_PART not in names or CONTENT_TYPES not in names:
                raise _refuse(f"it holds no {MAIN_PART}")
            types = archive.read(CONTENT_TYPES)
            if _MACROS in types:
                raise _refuse("it is macro-enabled (.docm or .dotm); save it as .docx or .dotx")
            if _TEMPLATE_MAIN not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as relabelled:
                for item in archive.infolist():
                    content = archive.read(item.filename)
                    if item.filename == CONTENT_TYPES:
                        content = content.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN)
                    relabelled.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise _refuse(f"the archive is damaged ({error})") from error


def open_template(data: bytes) -> Document:
    """The template in ``data`` (a .docx or .dotx file's bytes) with its body emptied.

    ClerkError in one line when the bytes are not a Word document or it is damaged."""
    package = _as_document_package(data)
    try:
        document = docx.Document(io.BytesIO(package))
    except ValueError as error:  # python-docx: the main part is not a Word document's
        raise _refuse("its main part is not a Word document's") from error
    # Whatever else a damaged part raises on parsing (lxml's XMLSyntaxError, a KeyError for a
    # missing related part, a zip CRC error): the clerk hears what it means, in one line.
    except Exception as error:
        raise _refuse(f"it is damaged ({type(error).__name__})") from error
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()
    return document
