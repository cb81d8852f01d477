"""A station's report for a period: what the relay points actually played, beside the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Area, Station, User
from app.reports import bulletins as bulletin_queries
from app.reports import proof, queries
from app.reports.groupings import GROUPINGS
from app.reports.periods import Period
from app.reports.queries import Figures


@dataclass
class Row:
    key: Any
    label: str
    figures: Figures


@dataclass
class Breakdown:
    name: str
    title_vi: str
    title_en: str
    rows: list[Row]


@dataclass
class MonthPoint:
    year: int
    month: int
    figures: Figures

    @property
    def label(self) -> str:
        return f"{self.month:02d}/{self.year}"


@dataclass
class ProgrammeTime:
    """Whole programmes (slot instances): the station's own production, planned and played."""

    planned: int
    aired: int
    ms_planned: int
    ms_aired: int


@dataclass
class Report:
    station_id: int
    station_name: str
    timezone: str
    period: Period
    prepared_by: str
    prepared_at: datetime
    totals: Figures
    programmes: ProgrammeTime
    breakdowns: list[Breakdown]
    areas: Breakdown
    months: list[MonthPoint]
    bulletins: list[bulletin_queries.Bulletin]
    relays: list[proof.RelayProof]
    area_proof: list[proof.AreaProof]
    airings: list[bulletin_queries.AiringLine] = field(default_factory=list)

    @property
    def has_as_run(self) -> bool:
        return any(r.due for r in self.relays) or self.totals.airings_aired > 0


def prepared_by_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.full_name or user.username


def build(session: Session, station: Station, period: Period, *, prepared_by: str = "", lang: str = "vi",
          with_airings: bool = False, now: datetime | None = None) -> Report:
    """Every figure of the report; `with_airings` adds the list of single airings (for exports)."""
    sid, first, last = station.id, period.first, period.last
    inst = queries.instances(sid, first, last)
    breakdowns = []
    for grouping in GROUPINGS:
        names = grouping.labels(session, sid, lang)
        rows = [Row(key, names.get(key, str(key)), figures)
                for key, figures in queries.grouped(session, inst, grouping.key())]
        breakdowns.append(Breakdown(grouping.name, grouping.title_vi, grouping.title_en,
                                    sorted(rows, key=lambda r: -r.figures.ms_planned)))
    area_names = dict(session.execute(select(Area.id, Area.name).where(Area.station_id == sid)).all())
    area_rows = [Row(a, area_names.get(a, str(a)), f) for a, f in queries.by_area(session, sid, first, last)]
    monthly = queries.by_month(session, inst)
    relays = proof.relays(session, sid, first, last, station.timezone)
    return Report(
        station_id=sid, station_name=station.name, timezone=station.timezone, period=period,
        prepared_by=prepared_by, prepared_at=now or datetime.now(UTC),
        totals=queries.totals(session, inst),
        programmes=ProgrammeTime(*queries.programme_time(session, sid, first, last)),
        breakdowns=breakdowns,
        areas=Breakdown("area", "Theo khu phố", "By area", sorted(area_rows, key=lambda r: r.label)),
        months=[MonthPoint(y, m, monthly.get((y, m), Figures())) for y, m in period.months()],
        bulletins=bulletin_queries.bulletins(session, inst), relays=relays, area_proof=proof.areas(relays),
        airings=bulletin_queries.airings(session, inst) if with_airings else [],
    )
