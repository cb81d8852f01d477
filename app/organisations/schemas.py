"""What the API reads and writes of organisations."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from app.fields import Id, Line
from app.models import OrganisationKind
from app.schemas import Schema


class OrganisationCreate(Schema):
    name: Line = Field(min_length=1, max_length=200, description="e.g. Tỉnh Quảng Ninh, Thành phố Hạ Long")
    kind: OrganisationKind
    parent_id: Id | None = Field(default=None, description="a district's province; none for a province")

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("không được để trống (must not be blank)")
        return value


class OrganisationRead(Schema):
    id: int
    name: str
    kind: OrganisationKind
    parent_id: int | None
    created_at: datetime


class StationBrief(Schema):
    id: int
    name: str
    organisation_id: int | None


class OrganisationTree(OrganisationRead):
    """An organisation with the districts under it and the stations directly under each."""

    stations: list[StationBrief]
    districts: list[OrganisationTree] = []


class StationAssignment(Schema):
    station_id: Id
