"""Stations, their slots, areas, topics and relay points."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app import access
from app.audit import service as audit
from app.auth.security import hash_relay_token, new_relay_token
from app.errors import Unprocessable
from app.models import Area, RelayPoint, Script, ScriptStatus, Slot, Station, Topic, User
from app.scheduling import request_replan
from app.stations.defaults import DEFAULT_SLOTS, DEFAULT_TOPICS
from app.stations.exceptions import (
    AreaInUse,
    NameTaken,
    SlotsOverlap,
    StationNotFound,
    UnknownTimezone,
)
from app.stations.schemas import (
    SlotCreate,
    SlotUpdate,
    StationCreate,
    StationUpdate,
)
from scheduler import Slot as PlanSlot
from scheduler import SlotsOverlap as PlanSlotsOverlap
from scheduler import validate_slots


def get(session: Session, station_id: int, *, with_children: bool = False) -> Station:
    opts = [selectinload(Station.slots), selectinload(Station.areas)] if with_children else []
    station = session.get(Station, station_id, options=opts, populate_existing=with_children)
    if station is None:
        raise StationNotFound(station_id)
    return station


def list_stations(session: Session, user: User | None = None) -> list[Station]:
    """The stations, by id: those the user works in when a user is given (public pages: all)."""
    stmt = select(Station).order_by(Station.id)
    if user is not None:
        stmt = stmt.where(access.visible(Station, user))
    return list(session.scalars(stmt))


def topics(session: Session, station_id: int) -> list[Topic]:
    return list(session.scalars(select(Topic).where(Topic.station_id == station_id).order_by(Topic.id)))


def _check_timezone(tz: str) -> None:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownTimezone(tz) from exc


def _check_unique_station_name(session: Session, name: str, station_id: int | None = None) -> None:
    found = session.scalar(select(Station.id).where(Station.name == name))
    if found is not None and found != station_id:
        raise NameTaken("đài", name)


def create(session: Session, data: StationCreate, *, actor: User | None) -> Station:
    _check_timezone(data.timezone)
    _check_unique_station_name(session, data.name)
    station = Station(name=data.name, timezone=data.timezone)
    if data.opening_announcement:
        station.opening_announcement = data.opening_announcement
    if data.closing_announcement:
        station.closing_announcement = data.closing_announcement
    session.add(station)
    session.flush()
    if data.default_slots:
        for name, label, start, length in DEFAULT_SLOTS:
            session.add(Slot(station_id=station.id, name=name, label=label,
                             start_time=start, length_seconds=length))
    for code, topic_name in DEFAULT_TOPICS:
        session.add(Topic(station_id=station.id, code=code, name=topic_name))
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="station", entity_id=station.id,
                 station_id=station.id, changes={"name": station.name})
    return station


def update(session: Session, station: Station, data: StationUpdate, *, actor: User) -> Station:
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "timezone" in changes:
        _check_timezone(changes["timezone"])
    if "name" in changes:
        _check_unique_station_name(session, changes["name"], station.id)
    _check_voice(station, changes)
    for field, value in changes.items():
        setattr(station, field, value)
    plan_inputs_changed(session, station.id)  # zone and announcements shape every programme
    session.flush()
    audit.record(session, "edit", actor=actor, entity_type="station", entity_id=station.id,
                 station_id=station.id, changes=changes)
    return station


def _check_voice(station: Station, changes: dict[str, object]) -> None:
    """A neural voice must be installed, and an order naming "neural" needs one."""
    from app.speech.audio import voice_store
    from audio.tts.voices import VoiceNotInstalled

    if changes.get("neural_voice") == "":
        changes["neural_voice"] = None
    voice = changes.get("neural_voice", station.neural_voice)
    if "neural_voice" in changes and voice is not None:
        try:
            voice_store().get(str(voice))
        except VoiceNotInstalled as exc:
            raise Unprocessable(f"{exc.message_vi} Cài bằng lệnh `loa voices add`.",
                                detail_en=f"{exc.message_en} Install it with `loa voices add`.") from exc
    engines = str(changes.get("speech_engine", station.speech_engine))
    if "neural" in engines.split(",") and voice is None:
        raise Unprocessable("Hãy chọn một giọng nơ-ron đã cài trước khi dùng bộ đọc nơ-ron.",
                            detail_en="Choose an installed neural voice before using the neural engine.")


def plan_inputs_changed(session: Session, station_id: int) -> None:
    """A slot, area or relay point changed: the debounced re-plan (or the minute job) plans it."""
    station = session.get(Station, station_id)
    if station is not None:
        station.plan_inputs_changed_at = datetime.now(UTC)
    request_replan(session)


# --- slots -----------------------------------------------------------------------------


def check_no_overlap(station: Station, slots: list[tuple[str, time, int]]) -> None:
    """Refuse slots (name, local start, length) that overlap — across midnight, and on the days
    the station's zone changes its clock (the scheduler's own rule)."""
    try:
        validate_slots([PlanSlot(name=n, start=t, length_s=length, zone=station.timezone)
                        for n, t, length in slots])
    except PlanSlotsOverlap as exc:
        raise SlotsOverlap(exc.first, exc.second) from exc


def _slot_rows(session: Session, station_id: int) -> list[Slot]:
    return list(session.scalars(select(Slot).where(Slot.station_id == station_id)))


def add_slot(session: Session, station: Station, data: SlotCreate, *, actor: User) -> Slot:
    existing = _slot_rows(session, station.id)
    if any(s.name == data.name for s in existing):
        raise NameTaken("khung giờ", data.name)
    check_no_overlap(station, [(s.name, s.start_time, s.length_seconds) for s in existing]
                     + [(data.name, data.start_time, data.length_seconds)])
    slot = Slot(station_id=station.id, **data.model_dump())
    session.add(slot)
    plan_inputs_changed(session, station.id)
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="slot", entity_id=slot.id,
                 station_id=station.id, changes=data.model_dump(mode="json"))
    return slot


def get_slot(session: Session, slot_id: int, user: User) -> Slot:
    """The slot if the user may see it (their station's); else SlotNotFound."""
    return access.get_for(session, Slot, slot_id, user)


def update_slot(session: Session, slot: Slot, data: SlotUpdate, *, actor: User) -> Slot:
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    start = changes.get("start_time", slot.start_time)
    length = changes.get("length_seconds", slot.length_seconds)
    others = [s for s in _slot_rows(session, slot.station_id) if s.id != slot.id]
    check_no_overlap(get(session, slot.station_id), [(s.name, s.start_time, s.length_seconds) for s in others]
                     + [(slot.name, start, length)])
    for field, value in changes.items():
        setattr(slot, field, value)
    plan_inputs_changed(session, slot.station_id)
    session.flush()
    audit.record(session, "edit", actor=actor, entity_type="slot", entity_id=slot.id,
                 station_id=slot.station_id, changes=data.model_dump(mode="json", exclude_unset=True))
    return slot


def delete_slot(session: Session, slot: Slot, *, actor: User) -> None:
    audit.record(session, "delete", actor=actor, entity_type="slot", entity_id=slot.id,
                 station_id=slot.station_id, changes={"name": slot.name})
    plan_inputs_changed(session, slot.station_id)
    session.delete(slot)
    session.flush()


# --- areas and topics ------------------------------------------------------------------


def get_area(session: Session, area_id: int, user: User) -> Area:
    """The area if the user may see it (their station's); else AreaNotFound."""
    return access.get_for(session, Area, area_id, user)


def add_area(session: Session, station: Station, name: str, *, actor: User | None) -> Area:
    if session.scalar(select(Area.id).where(Area.station_id == station.id, Area.name == name)):
        raise NameTaken("khu phố", name)
    area = Area(station_id=station.id, name=name)
    session.add(area)
    plan_inputs_changed(session, station.id)
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="area", entity_id=area.id,
                 station_id=station.id, changes={"name": name})
    return area


def rename_area(session: Session, area: Area, name: str, *, actor: User) -> Area:
    found = session.scalar(select(Area.id).where(Area.station_id == area.station_id, Area.name == name))
    if found is not None and found != area.id:
        raise NameTaken("khu phố", name)
    old, area.name = area.name, name
    plan_inputs_changed(session, area.station_id)
    session.flush()
    audit.record(session, "edit", actor=actor, entity_type="area", entity_id=area.id,
                 station_id=area.station_id, changes={"name": [old, name]})
    return area


# Scripts that may still air (or be sent to air): dropping their only area would make them air everywhere.
LIVE_SCRIPT_STATUSES = (ScriptStatus.draft, ScriptStatus.submitted, ScriptStatus.approved, ScriptStatus.rejected)


def delete_area(session: Session, area: Area, *, actor: User) -> None:
    """Remove an area that no relay point, leader or live script uses any more."""
    relays = session.scalar(select(func.count()).select_from(RelayPoint).where(RelayPoint.area_id == area.id))
    leaders = session.scalar(select(func.count()).select_from(User).where(User.area_id == area.id))
    scripts = list(session.scalars(
        select(Script.title).join(Script.areas).where(Area.id == area.id, Script.status.in_(LIVE_SCRIPT_STATUSES))
        .order_by(Script.id)))
    if relays or leaders or scripts:
        raise AreaInUse(area.name, int(relays or 0), int(leaders or 0), scripts)
    audit.record(session, "delete", actor=actor, entity_type="area", entity_id=area.id,
                 station_id=area.station_id, changes={"name": area.name})
    plan_inputs_changed(session, area.station_id)
    session.delete(area)
    session.flush()


def add_topic(session: Session, station: Station, code: str, name: str, *, actor: User) -> Topic:
    if session.scalar(select(Topic.id).where(Topic.station_id == station.id, Topic.code == code)):
        raise NameTaken("chủ đề", code)
    topic = Topic(station_id=station.id, code=code, name=name)
    session.add(topic)
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="topic", entity_id=topic.id,
                 station_id=station.id, changes={"code": code, "name": name})
    return topic


# --- relay points ----------------------------------------------------------------------


def get_relay_point(session: Session, relay_id: int, user: User) -> RelayPoint:
    """The relay point if the user may see it (a leader: their area's); else RelayPointNotFound."""
    return access.get_for(session, RelayPoint, relay_id, user)


def relay_points(session: Session, station_id: int) -> list[RelayPoint]:
    stmt = (select(RelayPoint).join(Area).where(Area.station_id == station_id)
            .order_by(RelayPoint.id))
    return list(session.scalars(stmt))


def _station_of(session: Session, relay: RelayPoint) -> int | None:
    """The station a relay point belongs to (its audit entries are that station's)."""
    return session.scalar(select(Area.station_id).where(Area.id == relay.area_id))


def _issue_token(relay: RelayPoint) -> str:
    token = new_relay_token()
    relay.token_hash = hash_relay_token(token)
    relay.token_prefix = token[:14]
    relay.revoked_at = None
    return token


def add_relay_point(session: Session, area: Area, name: str, *, actor: User | None) -> tuple[RelayPoint, str]:
    """Create a relay point; its token is answered here once and kept only as a hash."""
    relay = RelayPoint(area_id=area.id, name=name)
    token = _issue_token(relay)
    session.add(relay)
    plan_inputs_changed(session, area.station_id)
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="relay_point", entity_id=relay.id,
                 station_id=area.station_id, changes={"name": name, "area_id": area.id})
    return relay, token


def rotate_relay_token(session: Session, relay: RelayPoint, *, actor: User) -> str:
    token = _issue_token(relay)
    session.flush()
    audit.record(session, "rotate_token", actor=actor, entity_type="relay_point", entity_id=relay.id,
                 station_id=_station_of(session, relay))
    return token


def delete_relay_point(session: Session, relay: RelayPoint, *, actor: User) -> None:
    """Remove a relay point for good (its as-run history goes with it; revoke to keep it)."""
    station_id = _station_of(session, relay)
    audit.record(session, "delete", actor=actor, entity_type="relay_point", entity_id=relay.id,
                 station_id=station_id, changes={"name": relay.name, "area_id": relay.area_id})
    if station_id is not None:
        plan_inputs_changed(session, station_id)
    session.delete(relay)
    session.flush()


def revoke_relay_token(session: Session, relay: RelayPoint, *, actor: User) -> RelayPoint:
    relay.revoked_at = datetime.now(UTC)
    session.flush()
    audit.record(session, "revoke_token", actor=actor, entity_type="relay_point", entity_id=relay.id,
                 station_id=_station_of(session, relay))
    return relay
