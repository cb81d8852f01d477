from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic.json_schema import WithJsonSchema
from pydantic_core import PydanticCustomError

from app.fields import Id, Line, Text, names_and_values
from app.schemas import Schema

ABBREVIATION_PATTERN = r"^[^\s\x00-\x1f\x7f-\x9f\ufffe\uffff]{1,32}$"


def _abbreviation(key: str) -> str:
    if not re.fullmatch(ABBREVIATION_PATTERN, key):
        raise PydanticCustomError(
            "abbreviation", "chữ viết tắt “{key}” không hợp lệ: từ 1 đến 32 ký tự, không có khoảng trắng "
            "(1 to 32 characters, no spaces)", {"key": key[:40]})
    return key


# a station's own: 1 to 32 characters without spaces (the built-in ones may have spaces: "KCB BHYT")
Abbreviation = Annotated[str, AfterValidator(_abbreviation),
                         WithJsonSchema({"type": "string", "pattern": ABBREVIATION_PATTERN})]


class SpokenRequest(Schema):
    text: Text = Field(max_length=20_000)
    station_id: Id | None = None


class ListenRequest(SpokenRequest):
    text: Text = Field(min_length=1, max_length=20_000,
                       description="At most 2,000 characters are spoken: a longer text is refused (422 ListenTooLong)")


class SpokenForm(Schema):
    text: str
    spoken: str


class Abbreviations(Schema):
    entries: dict[Annotated[Line, Field(min_length=1, max_length=64)], Annotated[Line, Field(max_length=200)]] = Field(
        max_length=2000, json_schema_extra=names_and_values,
        description="ABBREVIATION → spoken words; an empty value turns a built-in one off"
    )


class AbbreviationsUpdate(Schema):
    entries: dict[Abbreviation, Annotated[Line, Field(max_length=200)]] = Field(
        max_length=2000, json_schema_extra=names_and_values,
        description="ABBREVIATION → spoken words; an empty value turns a built-in one off",
    )
