"""The text lines of an uploaded letter: .docx through python-docx, .pdf through pypdf."""

from __future__ import annotations

import io
import logging
import zipfile

from app.letters.exceptions import ScannedLetter, UnreadableLetter, UnsupportedLetter

MAX_PDF_PAGES = 60
MIN_TEXT_CHARS = 40  # fewer letters than this over the whole PDF: a scan with no text layer
DOCX_MAGIC, PDF_MAGIC = b"PK\x03\x04", b"%PDF-"
log = logging.getLogger("loa.letters")


def kind_of(filename: str) -> str:
    """'docx' or 'pdf', from the name (the readers then check the first bytes); else UnsupportedLetter."""
    name = filename.lower()
    if name.endswith(".docx"):
        return "docx"
    if name.endswith(".pdf"):
        return "pdf"
    raise UnsupportedLetter(filename)


def _unreadable(kind: str) -> UnreadableLetter:
    return UnreadableLetter(
        f"Không đọc được tệp {kind.upper()}: tệp bị hỏng hoặc không đúng định dạng. Hãy mở tệp trên máy, "
        f"lưu lại thành .{kind} rồi tải lên lần nữa.",
        detail_en=f"The {kind} file cannot be read (damaged or not really a {kind}): save it again and retry.",
    )


def docx_lines(data: bytes) -> list[str]:
    """Paragraphs and table cells in document order (the header of a letter is often a table)."""
    from docx import Document
    from docx.table import Table

    if not data.startswith(DOCX_MAGIC):
        raise _unreadable("docx")
    try:
        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        lines.extend(p.text for p in cell.paragraphs)
            else:
                lines.append(block.text)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        log.info("unreadable docx: %s", exc)
        raise _unreadable("docx") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on a damaged part
        log.info("unreadable docx: %r", exc)
        raise _unreadable("docx") from None
    return lines


def pdf_lines(data: bytes) -> list[str]:
    """The text layer of every page; a PDF without one (a scan) is refused with that reason."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5] == PDF_MAGIC:
        raise _unreadable("pdf")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableLetter(
                "Tệp PDF có mật khẩu nên không đọc được. Hãy xin bản không đặt mật khẩu.",
                detail_en="The PDF is password-protected: ask for a copy without a password.")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise UnreadableLetter(
                f"Tệp PDF có {len(pages)} trang, quá {MAX_PDF_PAGES} trang của một văn bản; hãy tách phần cần dùng.",
                detail_en=f"The PDF has {len(pages)} pages, over {MAX_PDF_PAGES}: upload the part you need.")
        texts = [page.extract_text() or "" for page in pages]
    except UnreadableLetter:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        log.info("unreadable pdf: %s", exc)
        raise _unreadable("pdf") from None
    except Exception as exc:  # pypdf raises many kinds on a damaged stream
        log.info("unreadable pdf: %r", exc)
        raise _unreadable("pdf") from None
    if sum(len("".join(t.split())) for t in texts) < MIN_TEXT_CHARS:
        raise ScannedLetter(len(texts))
    return [line for t in texts for line in t.splitlines()]
