from __future__ import annotations

from typing import Annotated

from pydantic import Field

from app.fields import Id, Line, Text, names_and_values
from app.schemas import Schema


class SpokenRequest(Schema):
    text: Text = Field(max_length=20_000)
    station_id: Id | None = None


class ListenRequest(SpokenRequest):
    text: Text = Field(min_length=1, max_length=20_000)


class SpokenForm(Schema):
    text: str
    spoken: str


class Abbreviations(Schema):
    entries: dict[Annotated[Line, Field(min_length=1, max_length=64)], Annotated[Line, Field(max_length=200)]] = Field(
        max_length=2000, json_schema_extra=names_and_values,
        description="ABBREVIATION → spoken words; an empty value turns a built-in one off"
    )
