"""A small province for the board's tests: a province, a district, stations with relay points in
every state, today's programmes aired, missed and upcoming, open and resolved faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.auth.security import hash_password
from app.models import (
    Area,
    Organisation,
    OrganisationKind,
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
from tests.fixtures.builders import PASSWORD

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def local_noon(days_ago: int = 0) -> datetime:
    """Noon of a station-local day, in UTC: every test's "now", away from midnight."""
    day = datetime.now(ZONE).date() - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, 12, tzinfo=ZONE).astimezone(UTC)


@dataclass
class Province:
    now: datetime
    province: Organisation
    district: Organisation
    stations: dict[str, Station] = field(default_factory=dict)
    relays: dict[str, RelayPoint] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)


def add_user(session: Session, username: str, role: Role, *, station: Station | None = None,
             organisation: Organisation | None = None) -> User:
    user = User(username=username, role=role, station_id=station.id if station else None,
                organisation_id=organisation.id if organisation else None, password_hash=hash_password(PASSWORD))
    session.add(user)
    session.flush()
    return user


def add_station(session: Session, name: str, organisation: Organisation | None, *, relays: int = 0,
                seen: list[datetime | None] | None = None,
                installed: datetime) -> tuple[Station, Area, list[RelayPoint]]:
    """A station with one area and `relays` relay points, each last seen at `seen[i]` (heartbeat)."""
    station = Station(name=name, organisation_id=organisation.id if organisation else None)
    session.add(station)
    session.flush()
    area = Area(station_id=station.id, name="Khu 1")
    session.add(area)
    session.flush()
    points = []
    for n in range(relays):
        relay = RelayPoint(area_id=area.id, name=f"Cụm loa {n + 1}", token_hash=f"hash-{station.id}-{n}",
                           token_prefix="t",
                           created_at=installed)
        session.add(relay)
        session.flush()
        when = (seen or [])[n] if n < len(seen or []) else None
        if when is not None:
            session.add(RelayHeartbeat(relay_point_id=relay.id, received_at=when, state="idle",
                                       free_disk_bytes=(n + 1) * 1_000_000_000))
        points.append(relay)
    session.flush()
    return station, area, points


def add_programme(session: Session, station: Station, slot: str, starts_at: datetime,
                  status: ProgrammeStatus = ProgrammeStatus.locked, area: Area | None = None) -> Programme:
    programme = Programme(station_id=station.id, slot_name=slot, air_date=starts_at.astimezone(ZONE).date(),
                          area_key=area.id if area else 0, starts_at=starts_at, duration_ms=1_800_000,
                          status=status)
    session.add(programme)
    session.flush()
    return programme


def played(session: Session, relay: RelayPoint, programme: Programme, outcome: str = "completed") -> None:
    session.add(RelayPlay(record_id=f"play-{relay.id}-{programme.id}-{outcome}", relay_point_id=relay.id,
                          programme_id=programme.id, started_at=programme.starts_at,
                          ended_at=programme.starts_at + timedelta(minutes=30), outcome=outcome))
    session.flush()


def build_province(session: Session) -> Province:
    """Hà Tu (in the district, red: a relay offline, a programme missed), Bãi Cháy (in the province,
    amber: a relay late, a fault open), Hồng Gai (green), and Cẩm Phả (in no organisation)."""
    now = local_noon()
    province = Organisation(name="Tỉnh Quảng Ninh", kind=OrganisationKind.province)
    session.add(province)
    session.flush()
    district = Organisation(name="Thành phố Hạ Long", kind=OrganisationKind.district, parent_id=province.id)
    session.add(district)
    session.flush()
    world = Province(now, province, district)
    installed = now - timedelta(days=30)

    hatu, hatu_area, (h1, h2, h3) = add_station(
        session, "Đài phường Hà Tu", district, relays=3, installed=installed,
        seen=[now - timedelta(minutes=1), now - timedelta(hours=1), None])
    revoked = RelayPoint(area_id=hatu_area.id, name="Cụm loa cũ", token_hash="revoked", token_prefix="t",
                         created_at=installed, revoked_at=now - timedelta(days=2))
    session.add(revoked)
    morning = add_programme(session, hatu, "sang", now - timedelta(hours=5), ProgrammeStatus.aired)
    noon = add_programme(session, hatu, "trua", now - timedelta(minutes=30))
    evening = add_programme(session, hatu, "chieu", now + timedelta(hours=4), ProgrammeStatus.rendered)
    yesterday = add_programme(session, hatu, "sang", now - timedelta(days=1, hours=5), ProgrammeStatus.aired)
    played(session, h1, morning)
    played(session, h1, noon, outcome="failed")  # a failed play is no play
    session.add(RelayFault(relay_point_id=h3.id, category="power", text="Mất điện", created_at=now - timedelta(days=1),
                           resolved_at=now - timedelta(hours=20)))

    baichay, _area, (b1, b2) = add_station(
        session, "Đài phường Bãi Cháy", province, relays=2, installed=installed,
        seen=[now - timedelta(seconds=30), now - timedelta(hours=2)])
    bc_morning = add_programme(session, baichay, "sang", now - timedelta(hours=5), ProgrammeStatus.aired)
    played(session, b2, bc_morning)
    session.add(RelayFault(relay_point_id=b1.id, category="speaker", text="Loa rè",
                           created_at=now - timedelta(hours=3)))

    honggai, _area, (g1,) = add_station(session, "Đài phường Hồng Gai", district, relays=1, installed=installed,
                                        seen=[now - timedelta(seconds=10)])
    played(session, g1, add_programme(session, honggai, "sang", now - timedelta(hours=5), ProgrammeStatus.aired))

    camp, _area, (c1,) = add_station(session, "Đài phường Cẩm Phả", None, relays=1, installed=installed,
                                     seen=[now - timedelta(days=2)])
    session.flush()
    world.stations = {"hatu": hatu, "baichay": baichay, "honggai": honggai, "campha": camp}
    world.relays = {"h1": h1, "h2": h2, "h3": h3, "revoked": revoked, "b1": b1, "b2": b2, "g1": g1, "c1": c1}
    world.programmes = {"morning": morning, "noon": noon, "evening": evening, "yesterday": yesterday}
    world.users = {
        "installation": add_user(session, "hethong", Role.admin),
        "province": add_user(session, "tinh", Role.editor, organisation=province),
        "district": add_user(session, "thanhpho", Role.editor, organisation=district),
        "hatu_editor": add_user(session, "bientap-hatu", Role.editor, station=hatu),
        "hatu_officer": add_user(session, "vanhoa-hatu", Role.officer, station=hatu),
    }
    session.commit()
    return world
