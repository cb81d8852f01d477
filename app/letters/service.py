"""Read an uploaded letter into a draft (no database: the draft becomes a script when posted)."""

from __future__ import annotations

from typing import BinaryIO

from app.letters import files
from app.letters.exceptions import LetterTooLarge, UnreadableLetter
from app.letters.reader import read_letter
from app.letters.schemas import LetterDraft
from app.scripts.schemas import MAX_BODY_CHARS

MAX_LETTER_BYTES = 10_000_000


def read_upload(filename: str, stream: BinaryIO, *, limit: int = MAX_LETTER_BYTES) -> LetterDraft:
    """The draft a .docx or .pdf letter gives; a named 4xx error for anything else."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise LetterTooLarge(limit)
    kind = files.kind_of(filename)
    if not data:
        raise UnreadableLetter("Tệp rỗng: hãy chọn lại tệp văn bản.", detail_en="The file is empty.")
    lines = files.docx_lines(data) if kind == "docx" else files.pdf_lines(data)
    fields = read_letter(lines, MAX_BODY_CHARS)
    if not fields.body.strip() and not fields.title:
        raise UnreadableLetter("Văn bản không có nội dung chữ nào.", detail_en="The letter holds no text.")
    return LetterDraft(title=fields.title, body=fields.body, source_ref=fields.source_ref,
                       source_number=fields.number, source_date=fields.issued_on, subject=fields.subject,
                       kind=fields.kind, file_kind=kind, notes=fields.notes)
