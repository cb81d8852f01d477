from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from app.fields import Day, Line, Text, not_blank
from app.models import ThemeKind
from app.schemas import Schema

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


class ThemeCreate(Schema):
    month: Line = Field(pattern=MONTH_PATTERN, description="the plan's month, YYYY-MM")
    kind: ThemeKind = ThemeKind.theme
    title: Line = Field(min_length=1, max_length=300)
    starts_on: Day | None = Field(default=None, description="inside the month or before it")
    ends_on: Day | None = None
    sources: Text = Field(default="", max_length=2000, description="the documents it comes from, one a line")
    target_bulletins: int = Field(default=0, ge=0, le=1000, description="bulletins wanted in the month; 0: none")

    _strip = field_validator("title")(not_blank)


class ThemeUpdate(Schema):
    kind: ThemeKind | None = None
    title: Line | None = Field(default=None, min_length=1, max_length=300)
    starts_on: Day | None = None
    ends_on: Day | None = None
    sources: Text | None = Field(default=None, max_length=2000)
    target_bulletins: int | None = Field(default=None, ge=0, le=1000)

    _strip = field_validator("title")(not_blank)


class ThemeRead(Schema):
    id: int
    station_id: int
    month: date
    kind: ThemeKind
    title: str
    starts_on: date | None
    ends_on: date | None
    sources: str
    target_bulletins: int


class ThemeFigures(Schema):
    """What aired on one theme in the month (programmes marked aired), and what waits to air."""

    theme: ThemeRead
    scripts_tagged: int = Field(description="scripts filed under the theme, whatever their status")
    scripts_waiting: int = Field(description="approved scripts of the theme that have not aired yet")
    bulletins_aired: int = Field(description="distinct scripts of the theme aired in the month")
    airings: int = Field(description="slot airings of those scripts (area variants of one slot count once)")
    minutes_aired: float
    confirmed_airings: int = Field(description="airings whose programme a relay point reported played")
    gap: bool = Field(description="nothing aired on it yet")


class MonthPlan(Schema):
    station_id: int
    month: str
    source: str = Field(description="where the figures come from")
    themes: list[ThemeFigures]
    untagged_bulletins: int
    untagged_minutes: float
