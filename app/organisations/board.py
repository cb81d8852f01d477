"""The province status board: every station with its relay points online / late / offline, today's
programmes aired and missed, open faults and the least free disk a relay point reported.

The whole board costs a constant number of queries whatever the number of stations (each figure
is one grouped query); what "online", "late" and "missed" mean is app/relays/health.py's.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from app import access
from app.errors import Forbidden
from app.models import (
    Area,
    Organisation,
    Programme,
    ProgrammeStatus,
    RelayFault,
    RelayHeartbeat,
    RelayPlay,
    RelayPoint,
    Role,
    Station,
    User,
)
from app.organisations import tree
from app.organisations.board_schemas import (
    BoardProgramme,
    BoardSort,
    ProgrammeOutcome,
    StationBoardDetail,
    StationBoardRow,
    StationHealth,
)
from app.relays import health, status
from app.stations.exceptions import StationNotFound
from app.text import fold

BOARD_ROLES = (Role.editor, Role.admin)  # a station's own accounts that see its row (as /relays/status)
HEALTH_RANK: dict[StationHealth, int] = {"red": 0, "amber": 1, "green": 2, "none": 3}


def current_time() -> datetime:
    """The board's now (tests set it to a fixed hour of the station's day)."""
    return datetime.now(UTC)


def board_station_ids(session: Session, user: User) -> list[int]:
    """The stations whose board rows the user may read: every station for the installation's admin,
    the stations under a province or district account's organisation, else the user's own."""
    return list(session.scalars(select(Station.id).where(access.visible(Station, user)).order_by(Station.id)))


def sees_many(user: User) -> bool:
    """The installation's admin or a province or district account: the board of many stations."""
    return access.is_installation_admin(user) or tree.is_organisation_user(user)


def require_reader(user: User) -> None:
    """The board is for the installation, its organisations, and a station's editors and admins."""
    if sees_many(user) or (user.station_id is not None and user.role in BOARD_ROLES):
        return
    raise Forbidden(
        "Bảng tình trạng các đài chỉ dành cho tỉnh, huyện, quản trị hệ thống và ban biên tập, quản trị của đài.",
        detail_en="The status board is for the province, districts, the installation's admin, and a "
                  "station's editors and admins.")


def _today(station_ids_by_zone: dict[str, list[int]], now: datetime) -> tuple[ColumnElement[bool], dict[str, date]]:
    """Programmes of each station's local day (stations may lie in different zones)."""
    days = {zone: now.astimezone(ZoneInfo(zone)).date() for zone in station_ids_by_zone}
    by_day: dict[date, list[int]] = defaultdict(list)
    for zone, ids in station_ids_by_zone.items():
        by_day[days[zone]].extend(ids)
    clauses = [Programme.station_id.in_(ids) & (Programme.air_date == day) for day, ids in by_day.items()]
    return (or_(*clauses) if clauses else false()), days


def _regular_today(today: ColumnElement[bool]) -> ColumnElement[bool]:
    return today & Programme.is_emergency.is_(False) & (Programme.status != ProgrammeStatus.cancelled)


def rows(session: Session, station_ids: list[int], *, now: datetime | None = None,
         sort: BoardSort = "worst") -> list[StationBoardRow]:
    """The board rows of these stations: four grouped queries, however many stations."""
    now = now or datetime.now(UTC)
    if not station_ids:
        return []
    stations = session.execute(
        select(Station.id, Station.name, Station.timezone, Station.organisation_id, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Station.organisation_id)
        .where(Station.id.in_(station_ids))).all()
    by_zone: dict[str, list[int]] = defaultdict(list)
    for sid, _name, zone, _org, _org_name in stations:
        by_zone[zone].append(sid)

    state = health.state_column(now).label("state")
    relays: dict[int, dict[str, int]] = defaultdict(dict)
    disk: dict[int, int | None] = {}
    for sid, name, count, least_free in session.execute(
            select(Area.station_id, state, func.count(), func.min(RelayHeartbeat.free_disk_bytes))
            .select_from(RelayPoint).join(Area, Area.id == RelayPoint.area_id)
            .outerjoin(RelayHeartbeat, RelayHeartbeat.relay_point_id == RelayPoint.id)
            .where(health.in_use(), Area.station_id.in_(station_ids)).group_by(Area.station_id, state)):
        relays[sid][name] = int(count)
        if least_free is not None:
            known = disk.get(sid)
            disk[sid] = int(least_free) if known is None else min(known, int(least_free))

    faults: dict[int, int] = {sid: int(n) for sid, n in session.execute(
        select(Area.station_id, func.count()).select_from(RelayFault)
        .join(RelayPoint, RelayPoint.id == RelayFault.relay_point_id).join(Area, Area.id == RelayPoint.area_id)
        .where(RelayFault.resolved_at.is_(None), Area.station_id.in_(station_ids)).group_by(Area.station_id))}

    today, _days = _today(by_zone, now)
    due, played = health.is_due(now), health.is_played()
    missed = due & health.is_owed() & ~played
    programmes: dict[int, tuple[int, int, int, int]] = {}
    for sid, total, n_due, n_aired, n_missed in session.execute(
            select(Programme.station_id, func.count(), _count(due), _count(played), _count(missed))
            .where(_regular_today(today)).group_by(Programme.station_id)):
        programmes[sid] = (int(total), int(n_due or 0), int(n_aired or 0), int(n_missed or 0))

    out = []
    for sid, name, _zone, org_id, org_name in stations:
        counts = relays.get(sid, {})
        online, late, offline = (counts.get(s, 0) for s in health.RELAY_STATES)
        total, n_due, n_aired, n_missed = programmes.get(sid, (0, 0, 0, 0))
        out.append(StationBoardRow(
            id=sid, name=name, organisation_id=org_id, organisation_name=org_name,
            relay_points=online + late + offline, online=online, late=late, offline=offline,
            programmes_today=total, programmes_due=n_due, programmes_aired=n_aired, programmes_missed=n_missed,
            open_faults=faults.get(sid, 0), relay_min_free_disk_bytes=disk.get(sid),
            health=station_health(online + late + offline, late, offline, n_missed, faults.get(sid, 0))))
    return sort_rows(out, sort)


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def station_health(relay_points: int, late: int, offline: int, missed: int, open_faults: int) -> StationHealth:
    """red: a relay point offline or a programme missed; amber: late or a fault; none: no relays."""
    if offline or missed:
        return "red"
    if late or open_faults:
        return "amber"
    return "green" if relay_points else "none"


def sort_rows(rows_: list[StationBoardRow], sort: BoardSort) -> list[StationBoardRow]:
    """worst: red first, then the most programmes missed, relay points offline, faults, late."""
    # names in alphabetical order as a Vietnamese reader expects it (Đ with D, accents after the letter)
    if sort == "name":
        return sorted(rows_, key=lambda r: (fold(r.name), r.name, r.id))
    if sort == "organisation":
        return sorted(rows_, key=lambda r: (r.organisation_name is None, fold(r.organisation_name or ""),
                                            fold(r.name), r.id))
    return sorted(rows_, key=lambda r: (HEALTH_RANK[r.health], -r.programmes_missed, -r.offline, -r.open_faults,
                                        -r.late, fold(r.name), r.id))


def board(session: Session, user: User, *, now: datetime | None = None,
          sort: BoardSort = "worst") -> list[StationBoardRow]:
    """The rows of every station the user may see (403 for a role the board is not for)."""
    require_reader(user)
    return rows(session, board_station_ids(session, user), now=now, sort=sort)


def station_detail(session: Session, user: User, station_id: int, *,
                   now: datetime | None = None) -> StationBoardDetail:
    """One station's row, each of its relay points with its state, today's programmes and their fate."""
    require_reader(user)
    now = now or datetime.now(UTC)
    if station_id not in board_station_ids(session, user):
        raise StationNotFound(station_id)  # another organisation's station does not exist, to this user
    row = rows(session, [station_id], now=now)[0]
    return StationBoardDetail(station=row, relay_points=status.board(session, station_id, now=now),
                              programmes=programmes_today(session, station_id, now))


def programmes_today(session: Session, station_id: int, now: datetime) -> list[BoardProgramme]:
    """The station's regular programmes of its local day, in airing order, with what became of each."""
    zone = session.scalar(select(Station.timezone).where(Station.id == station_id))
    assert zone is not None
    today, _ = _today({zone: [station_id]}, now)
    played_by = (select(func.count(func.distinct(RelayPlay.relay_point_id)))
                 .where(RelayPlay.programme_id == Programme.id, RelayPlay.outcome.in_(health.PLAYED))
                 .scalar_subquery())
    variant_area = aliased(Area)
    found = session.execute(
        select(Programme.id, Programme.slot_name, Programme.area_key, variant_area.name, Programme.starts_at,
               Programme.status, played_by, health.is_due(now), health.is_owed())
        .outerjoin(variant_area, variant_area.id == Programme.area_key).where(_regular_today(today))
        .order_by(Programme.starts_at, Programme.area_key, Programme.id)).all()
    return [BoardProgramme(id=pid, slot_name=slot, area_id=area_key or None, area_name=area_name,
                           starts_at=starts_at, status=str(state), played_by=int(n),
                           outcome=_outcome(starts_at, bool(due), int(n), bool(owed), now))
            for pid, slot, area_key, area_name, starts_at, state, n, due, owed in found]


def _outcome(starts_at: datetime, due: bool, played_by: int, owed: bool, now: datetime) -> ProgrammeOutcome:
    if played_by:
        return "aired"
    if due:
        return "missed" if owed else "no_relay"
    return "upcoming" if starts_at > now - health.SILENT_GRACE else "not_ready"
