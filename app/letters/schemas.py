from __future__ import annotations

from datetime import date

from pydantic import Field

from app.schemas import Schema


class LetterDraft(Schema):
    """What a letter gives a new script; nothing is saved until the officer posts the script."""

    title: str
    body: str
    source_ref: str = Field(description="'Công văn số 15/KH-UBND ngày 12/03/2025': the script's source field")
    source_number: str | None
    source_date: date | None
    subject: str | None = Field(description="the letter's V/v … line, when it has one")
    kind: str | None = Field(description="CÔNG VĂN, KẾ HOẠCH, THÔNG BÁO, …")
    file_kind: str = Field(description="docx or pdf")
    notes: list[str] = Field(description="what was not found or was cut, in Vietnamese")
