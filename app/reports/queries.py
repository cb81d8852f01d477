"""The report's SQL: every figure is summed by the database, never by looping over rows here.

"Planned" is what the server aired by its own clock (the `airings` rows written when a programme
ends); "aired" is what at least one relay point reported playing (`relay_plays`, completed or
interrupted). One airing is a script in one slot on one day: area variants of that slot count once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    and_,
    case,
    distinct,
    exists,
    extract,
    func,
    literal,
    or_,
    select,
    union,
)
from sqlalchemy.orm import QueryableAttribute, Session

from app.models import (
    Airing,
    Area,
    Emergency,
    Programme,
    ProgrammeStatus,
    RelayPlay,
    RelayPoint,
    Script,
)

PLAYED = ("completed", "interrupted")


@dataclass
class Figures:
    """Planned beside aired: bulletins (scripts), airings (a script in one slot on one day), time."""

    bulletins_planned: int = 0
    bulletins_aired: int = 0
    airings_planned: int = 0
    airings_aired: int = 0
    ms_planned: int = 0
    ms_aired: int = 0

    @property
    def differs(self) -> bool:
        return (self.airings_planned, self.ms_planned) != (self.airings_aired, self.ms_aired)

    @property
    def minutes_planned(self) -> float:
        return round(self.ms_planned / 60000, 1)

    @property
    def minutes_aired(self) -> float:
        return round(self.ms_aired / 60000, 1)

    def add(self, other: Figures) -> None:
        for name in ("bulletins_planned", "bulletins_aired", "airings_planned", "airings_aired",
                     "ms_planned", "ms_aired"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _programmes(station_id: int, first: date, last: date) -> ColumnElement[bool]:
    return and_(Programme.station_id == station_id, Programme.air_date >= first, Programme.air_date <= last,
                Programme.status != ProgrammeStatus.cancelled)


def played_programme_ids(station_id: int, first: date, last: date) -> Select[Any]:
    """Programmes of the period some relay point played (an emergency's plays name the bulletin)."""
    in_period = select(Programme.id).where(_programmes(station_id, first, last))
    regular = select(RelayPlay.programme_id.label("pid")).where(
        RelayPlay.programme_id.in_(in_period), RelayPlay.outcome.in_(PLAYED))
    emergencies = (select(Emergency.programme_id.label("pid"))
                   .join(RelayPlay, RelayPlay.emergency_id == Emergency.id)
                   .where(Emergency.station_id == station_id, Emergency.programme_id.in_(in_period),
                          RelayPlay.outcome.in_(PLAYED)))
    return select(union(regular, emergencies).subquery().c.pid)


def instances(station_id: int, first: date, last: date) -> Subquery:
    """One row per airing (script, day, slot) with its length and whether any relay played it."""
    played = played_programme_ids(station_id, first, last)
    flag = case((Airing.programme_id.in_(played), 1), else_=0)
    return (select(Airing.script_id.label("script_id"), Airing.air_date.label("air_date"),
                   Airing.slot_name.label("slot_name"), func.max(Airing.duration_ms).label("ms"),
                   func.max(flag).label("played"), func.min(Airing.aired_at).label("aired_at"))
            .join(Programme, Programme.id == Airing.programme_id)
            .where(_programmes(station_id, first, last))
            .group_by(Airing.script_id, Airing.air_date, Airing.slot_name)
            .subquery("inst"))


def _figure_columns(inst: Subquery) -> list[Any]:
    aired_ms = case((inst.c.played == 1, inst.c.ms), else_=0)
    aired_script = case((inst.c.played == 1, inst.c.script_id), else_=None)
    return [func.count(distinct(inst.c.script_id)), func.count(distinct(aired_script)), func.count(),
            func.coalesce(func.sum(inst.c.played), 0), func.coalesce(func.sum(inst.c.ms), 0),
            func.coalesce(func.sum(aired_ms), 0)]


def _figures(row: Any, offset: int = 0) -> Figures:
    values = [int(v or 0) for v in tuple(row)[offset:offset + 6]]
    return Figures(*values)


def totals(session: Session, inst: Subquery) -> Figures:
    return _figures(session.execute(select(*_figure_columns(inst))).one())


def grouped(session: Session, inst: Subquery,
            key: ColumnElement[Any] | QueryableAttribute[Any]) -> list[tuple[Any, Figures]]:
    """Figures per value of `key`, an expression over the airing's script."""
    k = key.label("k")
    rows = session.execute(select(k, *_figure_columns(inst)).join(Script, Script.id == inst.c.script_id)
                           .group_by(k).order_by(k))
    return [(row[0], _figures(row, 1)) for row in rows]


def by_month(session: Session, inst: Subquery) -> dict[tuple[int, int], Figures]:
    y, m = extract("year", inst.c.air_date).label("y"), extract("month", inst.c.air_date).label("m")
    rows = session.execute(select(y, m, *_figure_columns(inst)).group_by(y, m))
    return {(int(row[0]), int(row[1])): _figures(row, 2) for row in rows}


def variants(station_id: int, first: date, last: date) -> Subquery:
    """The area variants of the period's slots: where one exists, its area does not hear the
    station-wide programme of that slot (as `programmes.variants.as_heard_in` chooses)."""
    return (select(Programme.slot_name.label("slot_name"), Programme.air_date.label("air_date"),
                   Programme.area_key.label("area_key"))
            .where(_programmes(station_id, first, last), Programme.area_key != 0,
                   Programme.is_emergency.is_(False)).distinct().subquery("variants"))


def heard_in(area: Any, variant: Subquery) -> ColumnElement[bool]:
    """A regular programme is heard in an area: the area's own variant, or the station-wide one
    when the slot has none for that area (`variant` outer-joined on slot, day and area)."""
    return or_(Programme.area_key == area.id, and_(Programme.area_key == 0, variant.c.area_key.is_(None)))


def join_variants(stmt: Select[*tuple[Any, ...]], area: Any,
                  variant: Subquery) -> Select[*tuple[Any, ...]]:
    return stmt.outerjoin(variant, and_(variant.c.slot_name == Programme.slot_name,
                                        variant.c.air_date == Programme.air_date, variant.c.area_key == area.id))


def by_area(session: Session, station_id: int, first: date, last: date) -> list[tuple[int, Figures]]:
    """Figures per area: airings of the programmes each area hears, aired where one of the area's
    relay points played them. Emergencies count in the areas their bulletin named. Joins, not
    correlated subqueries: PostgreSQL then hashes the (programme, area) pairs once."""
    in_period = select(Programme.id).where(_programmes(station_id, first, last))
    played = (select(RelayPlay.programme_id.label("pid"), RelayPoint.area_id.label("aid"))
              .join(RelayPoint, RelayPoint.id == RelayPlay.relay_point_id)
              .where(RelayPlay.programme_id.in_(in_period), RelayPlay.outcome.in_(PLAYED)).distinct()
              .subquery("played_here"))
    variant = variants(station_id, first, last)
    base = (select(Area.id.label("area_id"), Airing.script_id.label("script_id"),
                   Airing.air_date.label("air_date"), Airing.slot_name.label("slot_name"))
            .select_from(Airing).join(Programme, Programme.id == Airing.programme_id)
            .join(Area, Area.station_id == Programme.station_id)
            .where(_programmes(station_id, first, last)))
    flag = case((played.c.pid.is_not(None), 1), else_=0)
    regular = join_variants(base, Area, variant).outerjoin(played, and_(played.c.pid == Programme.id,
                                                                        played.c.aid == Area.id))
    inst = (regular.add_columns(func.max(Airing.duration_ms).label("ms"), func.max(flag).label("played"))
            .where(Programme.is_emergency.is_(False), heard_in(Area, variant))
            .group_by(Area.id, Airing.script_id, Airing.air_date, Airing.slot_name).subquery("heard"))
    out: dict[int, Figures] = {}
    for row in session.execute(select(inst.c.area_id, *_figure_columns(inst)).group_by(inst.c.area_id)):
        out[int(row[0])] = _figures(row, 1)
    # An emergency programme is stored for every area; its bulletin names the areas in a JSON list,
    # which no SQL both databases share can read. There are a handful a year: filter them here.
    emergency_here = exists(select(RelayPlay.id).join(RelayPoint, RelayPoint.id == RelayPlay.relay_point_id)
                            .join(Emergency, Emergency.id == RelayPlay.emergency_id)
                            .where(Emergency.programme_id == Programme.id, RelayPoint.area_id == Area.id,
                                   RelayPlay.outcome.in_(PLAYED)))
    emergencies = session.execute(
        base.add_columns(Airing.duration_ms, case((emergency_here, 1), else_=0), Emergency.area_ids)
        .join(Emergency, Emergency.programme_id == Programme.id).where(Programme.is_emergency.is_(True)))
    for area_id, _script, _day, _slot, ms, was_played, targets in emergencies:
        if targets and area_id not in targets:
            continue
        out.setdefault(area_id, Figures()).add(Figures(1, was_played, 1, was_played, ms, ms * was_played))
    return sorted(out.items())


def programme_time(session: Session, station_id: int, first: date, last: date) -> tuple[int, int, int, int]:
    """Programmes (slot instances) and their time: aired by the server's clock, and played by a relay."""
    played = played_programme_ids(station_id, first, last)
    flag = case((Programme.id.in_(played), 1), else_=0)
    per_slot = (select(func.max(Programme.duration_ms).label("ms"), func.max(flag).label("played"))
                .where(_programmes(station_id, first, last), Programme.status == ProgrammeStatus.aired)
                .group_by(Programme.slot_name, Programme.air_date, Programme.is_emergency,
                          case((Programme.is_emergency.is_(True), Programme.id), else_=literal(0)))
                .subquery())
    row = session.execute(select(func.count(), func.coalesce(func.sum(per_slot.c.played), 0),
                                 func.coalesce(func.sum(per_slot.c.ms), 0),
                                 func.coalesce(func.sum(per_slot.c.ms * per_slot.c.played), 0))).one()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])
