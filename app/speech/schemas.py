from __future__ import annotations

from pydantic import Field

from app.schemas import Schema


class SpokenRequest(Schema):
    text: str = Field(max_length=20_000)
    station_id: int | None = None


class SpokenForm(Schema):
    text: str
    spoken: str


class Abbreviations(Schema):
    entries: dict[str, str] = Field(
        description="ABBREVIATION → spoken words; an empty value turns a built-in one off"
    )
