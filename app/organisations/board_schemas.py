"""The province status board's answers: one row per station, and one station's details."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from app.relays.schemas import RelayStatus
from app.schemas import Schema
from app.system.schemas import StorageUse

BoardSort = Literal["worst", "name", "organisation"]
StationHealth = Literal["red", "amber", "green", "none"]
ProgrammeOutcome = Literal["upcoming", "aired", "missed", "no_relay", "not_ready"]


class StationBoardRow(Schema):
    """A station at a glance: its relay points by state, today's programmes, open faults."""

    id: int
    name: str
    organisation_id: int | None
    organisation_name: str | None
    relay_points: int = Field(description="relay points in use (token not revoked)")
    online: int = Field(description="relay points heard within 3 minutes")
    late: int = Field(description="relay points heard within 6 hours, not within 3 minutes")
    offline: int = Field(description="relay points silent for more than 6 hours, or never heard")
    programmes_today: int = Field(description="regular programmes of the station's local day (not cancelled)")
    programmes_due: int = Field(description="of those, the ones that should have been playing for two polls")
    programmes_aired: int = Field(description="programmes some relay point reported playing")
    programmes_missed: int = Field(
        description="due programmes a relay point in use owed and none reported playing")
    open_faults: int = Field(description="faults reported by its relay points, not yet resolved")
    relay_min_free_disk_bytes: int | None = Field(
        description="the least free disk space a relay point of the station reported (None: none reported)")
    health: StationHealth = Field(
        description="red: a relay point offline or a programme missed; amber: a relay point late or an open "
                    "fault; green: every relay point online; none: no relay point in use")


class Board(Schema):
    """Every station the reader may see, worst first unless asked otherwise."""

    generated_at: datetime
    sort: BoardSort
    storage: StorageUse | None = Field(
        description="the installation's audio store and data disk (for installation and organisation accounts)")
    stations: list[StationBoardRow]


class BoardProgramme(Schema):
    """One of today's programmes of a station and what became of it."""

    id: int
    slot_name: str
    area_id: int | None = Field(description="the area of an area variant; None for the station-wide programme")
    area_name: str | None
    starts_at: datetime
    status: str
    played_by: int = Field(description="relay points that reported playing it (completed or interrupted)")
    outcome: ProgrammeOutcome = Field(
        description="upcoming: not yet due; aired: a relay point played it; missed: owed and played by none; "
                    "no_relay: no relay point in use hears it; not_ready: its time came but it was never "
                    "rendered")


class StationBoardDetail(Schema):
    """One station of the board: its row, each relay point with its state, today's programmes."""

    station: StationBoardRow
    relay_points: list[RelayStatus]
    programmes: list[BoardProgramme]
