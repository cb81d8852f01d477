from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, StrictBool

from app.fields import Id, Line, NotNull, Password
from app.models import Role
from app.schemas import Schema

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,63}$"


class UserRead(Schema):
    id: int
    username: str
    full_name: str
    role: Role
    station_id: int | None
    organisation_id: int | None
    area_id: int | None
    is_active: bool
    created_at: datetime


class UserCreate(Schema):
    username: str = Field(pattern=USERNAME_PATTERN, description="3–64 chữ thường, số, . _ -")
    full_name: Line = Field(default="", max_length=200)
    role: Role
    station_id: Id | None = None
    organisation_id: Id | None = Field(
        default=None, description="a province or district account (no station, no area; installation admin)")
    area_id: Id | None = None
    password: Password | None = None


class UserCreated(UserRead):
    password: str | None = Field(
        default=None, description="The generated password, shown once when none was given."
    )


class UserUpdate(Schema):
    full_name: NotNull[Annotated[Line, Field(max_length=200)]] = None
    role: NotNull[Role] = None
    area_id: Id | None = Field(default=None, description="null = no area")
    is_active: NotNull[StrictBool] = None
    password: NotNull[Password] = None
