"""Constrained types for every id, number, list, text and time a client sends.

Every request schema and every path or query parameter uses these, so a value the database
cannot hold (an id past PostgreSQL's `integer`, a NUL byte, a clock time with a zone) is
refused with a 422 naming the field, and the OpenAPI document says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from typing import Annotated, Any, TypeVar
from zoneinfo import available_timezones

from pydantic import AfterValidator, BeforeValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue, SkipJsonSchema, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

MAX_ID = 2**31 - 1  # PostgreSQL `integer`, the type of every id column
MAX_IDS = 500  # ids in one list (a ward has tens of areas, not thousands)
MAX_NAMES = 100  # names in one list (slots)



def _not_bool(value: Any) -> Any:
    # pydantic reads true as 1 and false as 0 for an int
    if isinstance(value, bool):
        raise PydanticCustomError("int_not_bool", "hãy gửi một số, không phải true/false (a number, not a boolean)")
    return value


# the bounds come before the check: after it, pydantic would write them as "ge"/"le", not JSON Schema's
Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_not_bool)]
Offset = Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(_not_bool)]
# 2**53: what a JSON number holds exactly (a client that parses into a double loses larger ones)
ByteCount = Annotated[int, Field(ge=0, le=2**53), BeforeValidator(_not_bool)]
IdList = Annotated[list[Id], Field(max_length=MAX_IDS)]

# XML 1.0 (the RSS feed) and PostgreSQL `text` refuse some of these; no person types the rest.
_LINE_FORBIDDEN = r"\x00-\x1f\x7f-\x9f\ufffe\uffff"
_TEXT_FORBIDDEN = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"  # keeps tab, newline, return
LINE_PATTERN = f"^[^{_LINE_FORBIDDEN}]*$"
TEXT_PATTERN = f"^[^{_TEXT_FORBIDDEN}]*$"
_LINE_BAD = re.compile(f"[{_LINE_FORBIDDEN}]")
_TEXT_BAD = re.compile(f"[{_TEXT_FORBIDDEN}]")


@dataclass(frozen=True)
class _NoControlCharacters:
    """Refuse control characters (all of them in a line; all but tab and newlines in a text)."""

    multiline: bool

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        out = handler(schema)
        out["pattern"] = TEXT_PATTERN if self.multiline else LINE_PATTERN
        return out

    def _check(self, value: str) -> str:
        bad = (_TEXT_BAD if self.multiline else _LINE_BAD).search(value)
        if bad:
            raise PydanticCustomError(
                "control_characters",
                "có ký tự điều khiển không hợp lệ (mã {code}) ở vị trí {position}: hãy xóa nó đi "
                "(control characters are not allowed)",
                {"code": f"U+{ord(bad.group()):04X}", "position": bad.start() + 1},
            )
        return value


Line = Annotated[str, _NoControlCharacters(multiline=False)]
"""One line of text: a title, a name, a label, a code."""
TEXT_CHECK = _NoControlCharacters(multiline=True)
Text = Annotated[str, TEXT_CHECK]
"""Text that may run over several lines: a script body, an announcement, a reason."""

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
CLOCK_PATTERN = _CLOCK.pattern


def _clock_time(value: Any) -> Any:
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise PydanticCustomError("time_with_zone", "giờ không kèm múi giờ (a local time, without a zone)")
        return value
    if not isinstance(value, str) or not _CLOCK.match(value):
        raise PydanticCustomError(
            "clock_time", "hãy ghi giờ địa phương dạng HH:MM, không kèm múi giờ (local time as HH:MM)")
    return value


ClockTime = Annotated[
    time,
    BeforeValidator(_clock_time),
    WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN, "examples": ["06:30"]}),
]
"""A local clock time, HH:MM or HH:MM:SS; the station's zone says where (a zone here is refused)."""

T = TypeVar("T")


def _not_null(value: T | None) -> T:
    if value is None:
        raise PydanticCustomError("not_null", "không được để null: bỏ trường này đi nếu không đổi "
                                              "(omit the field to leave it unchanged; null is not a value)")
    return value


NotNull = Annotated[T | SkipJsonSchema[None], AfterValidator(_not_null)]
"""An optional field of an update that may be left out but not set to null."""


@lru_cache(maxsize=1)
def timezones() -> frozenset[str]:
    """The IANA zone names this machine knows (those `ZoneInfo` loads)."""
    return frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    if value not in timezones():
        raise PydanticCustomError("unknown_timezone",
                                  "không biết múi giờ “{zone}”: hãy dùng tên IANA như Asia/Ho_Chi_Minh "
                                  "(an IANA zone name)", {"zone": value[:64]})
    return value


Timezone = Annotated[
    str,
    AfterValidator(_known_timezone),
    WithJsonSchema({"type": "string", "enum": sorted(timezones()), "examples": ["Asia/Ho_Chi_Minh"]}),
]
"""An IANA time zone name, e.g. Asia/Ho_Chi_Minh."""

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$")


def _iso_day(value: Any) -> Any:
    # pydantic alone would also read 0 or "0.5" as a Unix time stamp
    if isinstance(value, date) or (isinstance(value, str) and _DAY.match(value)):
        return value
    raise PydanticCustomError("iso_date", "hãy ghi ngày dạng YYYY-MM-DD (a date as YYYY-MM-DD)")


def _iso_instant(value: Any) -> Any:
    if isinstance(value, datetime) or (isinstance(value, str) and _INSTANT.match(value)):
        return value
    raise PydanticCustomError("iso_datetime", "hãy ghi thời điểm dạng RFC 3339 kèm múi giờ, ví dụ "
                                              "2026-11-30T06:30:00+07:00 (a date-time with its offset)")


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise PydanticCustomError("iso_datetime", "thời điểm phải kèm múi giờ, ví dụ +07:00 hoặc Z "
                                                  "(a date-time with its offset)")
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]
"""A calendar date, YYYY-MM-DD."""
Instant = Annotated[datetime, BeforeValidator(_iso_instant), AfterValidator(_aware)]
"""A moment: an RFC 3339 date-time with its offset (a time without a zone is ambiguous)."""


def names_and_values(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of a dict field whose keys have a pattern: pydantic writes
    `patternProperties`, which leaves other keys unconstrained; say every key must match."""
    for pattern, values in schema.pop("patternProperties", {}).items():
        schema.setdefault("propertyNames", {})["pattern"] = pattern
        schema["additionalProperties"] = values

MIN_PASSWORD_LENGTH = 8
Password = Annotated[Line, Field(min_length=MIN_PASSWORD_LENGTH, max_length=200)]
"""A new password: 8 to 200 characters on one line."""


def form_id(raw: object) -> int | None:
    """An id typed or posted in a form, or None when it is none (blank, not digits, out of range)."""
    value = str(raw) if isinstance(raw, str | int) else ""
    if not (value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID))):
        return None  # "²".isdigit() is true, and int() of 4,300 digits raises
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def not_blank(value: str | None) -> str | None:
    """A text field's validator: stripped, and refused when only blanks are left."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise ValueError("không được để trống hoặc chỉ có khoảng trắng (must not be blank)")
    return value
