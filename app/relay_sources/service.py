"""Relay sources and windows: registering them, testing a source, the runs of each window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.models import (
    Area,
    Recording,
    RelayPlay,
    RelayPoint,
    RelaySource,
    RelayWindow,
    RelayWindowRun,
    Slot,
    Station,
    User,
)
from app.relay_sources.exceptions import (
    RelaySourceInUse,
    RelaySourceNotFound,
    RelayWindowInvalid,
)
from app.relay_sources.schemas import RelaySourceCreate, RelaySourceUpdate, RelayWindowCreate
from app.stations import service as station_service
from app.stations.exceptions import NameTaken
from audio.live_source import CheckResult, check_stream
from scheduler import relay_windows as times_
from scheduler.model import FixedItem
from scheduler.relay_windows import WindowTimes, WindowTimesInvalid

# Runs are created this far ahead, so checks, the programme page and relay points see them.
RUNS_AHEAD_DAYS = 2
CHECK_SECONDS = 3.0


def sources(session: Session, station_id: int) -> list[RelaySource]:
    return list(session.scalars(select(RelaySource).where(RelaySource.station_id == station_id)
                                .order_by(RelaySource.name)))


def get_source(session: Session, source_id: int, user: User) -> RelaySource:
    return access.get_for(session, RelaySource, source_id, user)


def add_source(session: Session, station: Station, data: RelaySourceCreate, *, actor: User) -> RelaySource:
    """Register a stream the station may relay (admin)."""
    if session.scalar(select(RelaySource.id).where(RelaySource.station_id == station.id,
                                                   RelaySource.name == data.name)):
        raise NameTaken("nguồn tiếp sóng", data.name)
    source = RelaySource(station_id=station.id, **data.model_dump())
    session.add(source)
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="relay_source", entity_id=source.id,
                 station_id=station.id, changes=data.model_dump(mode="json"))
    return source


def update_source(session: Session, source: RelaySource, data: RelaySourceUpdate, *, actor: User) -> RelaySource:
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "name" in changes and changes["name"] != source.name and session.scalar(
            select(RelaySource.id).where(RelaySource.station_id == source.station_id,
                                         RelaySource.name == changes["name"])):
        raise NameTaken("nguồn tiếp sóng", changes["name"])
    for key, value in changes.items():
        setattr(source, key, value)
    if "url" in changes:  # a new address has not been heard yet
        source.last_checked_at = source.last_check_ok = source.last_check_detail = None
    session.flush()
    audit.record(session, "update", actor=actor, entity_type="relay_source", entity_id=source.id,
                 station_id=source.station_id, changes=changes)
    return source


def delete_source(session: Session, source: RelaySource, *, actor: User) -> None:
    used = session.scalar(select(func.count()).select_from(RelayWindow).where(RelayWindow.source_id == source.id))
    if used:
        raise RelaySourceInUse(source.name, int(used))
    audit.record(session, "delete", actor=actor, entity_type="relay_source", entity_id=source.id,
                 station_id=source.station_id, changes={"name": source.name})
    session.delete(source)
    session.flush()


def note_check(source: RelaySource, result: CheckResult, now: datetime) -> None:
    source.last_checked_at, source.last_check_ok = now, result.ok
    source.last_check_detail = result.detail_vi


def test_source(url: str) -> CheckResult:
    """Connect and decode a few seconds now ("test now"); takes a few seconds, holds no transaction."""
    return check_stream(url, CHECK_SECONDS)


# --- windows -------------------------------------------------------------------------------

def window_times(window: RelayWindow) -> WindowTimes:
    return WindowTimes(window.start_time, window.end_time, frozenset(window.weekdays),
                       frozenset(date.fromisoformat(d) for d in window.dates))


def windows(session: Session, station_id: int) -> list[RelayWindow]:
    return list(session.scalars(select(RelayWindow).where(RelayWindow.station_id == station_id)
                                .order_by(RelayWindow.start_time, RelayWindow.id)))


def get_window(session: Session, window_id: int, user: User) -> RelayWindow:
    return access.get_for(session, RelayWindow, window_id, user)


def _invalid(error: WindowTimesInvalid) -> RelayWindowInvalid:
    return RelayWindowInvalid(error.message_vi, error.message_en)


def _check_window(session: Session, station: Station, data: RelayWindowCreate) -> None:
    times = WindowTimes(data.start_time, data.end_time, frozenset(data.weekdays), frozenset(data.dates))
    try:
        times_.validate(times)
    except WindowTimesInvalid as exc:
        raise _invalid(exc) from None
    today = datetime.now(ZoneInfo(station.timezone)).date()
    past = sorted(d for d in data.dates if d < today)
    if past:  # a one-off relay that can never run would be saved and silently never air
        raise RelayWindowInvalid(f"Ngày {past[0]:%d/%m/%Y} đã qua: hãy chọn từ hôm nay ({today:%d/%m/%Y}).",
                                 f"{past[0].isoformat()} has passed: choose today or later.")
    source = session.get(RelaySource, data.source_id)
    if source is None or source.station_id != station.id:
        raise RelaySourceNotFound(data.source_id)
    if data.area_ids:
        known = set(session.scalars(select(Area.id).where(Area.station_id == station.id,
                                                          Area.id.in_(data.area_ids))))
        missing = sorted(set(data.area_ids) - known)
        if missing:
            raise RelayWindowInvalid(f"Không có khu phố số {missing[0]} trong đài này.",
                                     f"Area {missing[0]} is not one of this station's.")
    if data.placement == "in_slot":
        slot = session.get(Slot, data.slot_id) if data.slot_id else None
        if slot is None or slot.station_id != station.id:
            raise RelayWindowInvalid("Tiếp sóng trong một khung giờ: hãy chọn khung giờ của đài.",
                                     "A relay inside a slot needs one of the station's slots.")
        try:
            times_.in_slot_offset(times, slot.start_time, slot.length_seconds * 1000)
        except WindowTimesInvalid as exc:
            raise _invalid(exc) from None
    if data.fallback == "recording":
        recording = session.get(Recording, data.fallback_recording_id) if data.fallback_recording_id else None
        if recording is None or recording.station_id != station.id:
            raise RelayWindowInvalid("Phương án dự phòng là một bản ghi: hãy chọn bản ghi của đài.",
                                     "A recording as fallback needs one of the station's recordings.")


def add_window(session: Session, station: Station, data: RelayWindowCreate, *, actor: User) -> RelayWindow:
    """Schedule a relay window (editor); its runs for the next days are created at once."""
    _check_window(session, station, data)
    values = data.model_dump()
    values["dates"] = sorted({d.isoformat() for d in data.dates})
    values["weekdays"] = sorted(set(data.weekdays))
    values["area_ids"] = sorted(set(data.area_ids))
    if data.placement == "own_slot":
        values["slot_id"] = None
    if data.fallback != "recording":
        values["fallback_recording_id"] = None
    window = RelayWindow(station_id=station.id, created_by_id=actor.id, **values)
    session.add(window)
    session.flush()
    audit.record(session, "create", actor=actor, entity_type="relay_window", entity_id=window.id,
                 station_id=station.id, changes=data.model_dump(mode="json"))
    ensure_runs(session, window, station.timezone)
    if window.placement == "in_slot":  # the slot's programmes now hold it: plan them again
        station_service.plan_inputs_changed(session, station.id)
    return window


def delete_window(session: Session, window: RelayWindow, *, actor: User) -> None:
    audit.record(session, "delete", actor=actor, entity_type="relay_window", entity_id=window.id,
                 station_id=window.station_id, changes={"title": window.title})
    if window.placement == "in_slot":
        station_service.plan_inputs_changed(session, window.station_id)
    session.delete(window)
    session.flush()


def relay_label(source_name: str, times: WindowTimes) -> str:
    """How the programme page and the cue sheet name a relay: "Tiếp sóng: <source> hh:mm–hh:mm"."""
    return f"Tiếp sóng: {source_name} {times.start:%H:%M}–{times.end:%H:%M}"


def slot_relays(session: Session, station_id: int) -> dict[int, list[tuple[WindowTimes, FixedItem]]]:
    """The station's relay windows inside a slot, by slot id, as the planner's fixed items (with
    the days they occur on); one no longer inside its slot (the slot moved) is left out."""
    found: dict[int, list[tuple[WindowTimes, FixedItem]]] = {}
    rows = session.execute(
        select(RelayWindow, RelaySource.name, Slot)
        .join(RelaySource, RelayWindow.source_id == RelaySource.id)
        .join(Slot, RelayWindow.slot_id == Slot.id)
        .where(RelayWindow.station_id == station_id, RelayWindow.placement == "in_slot")
        .order_by(RelayWindow.id)).all()
    for window, source_name, slot in rows:
        times = window_times(window)
        try:
            offset = times_.in_slot_offset(times, slot.start_time, slot.length_seconds * 1000)
        except WindowTimesInvalid:
            continue
        item = FixedItem(offset, times_.length_ms(times), relay_label(source_name, times), relay_id=window.id,
                         target_areas=frozenset(window.area_ids or ()))
        found.setdefault(slot.id, []).append((times, item))
    return found


def ensure_runs(session: Session, window: RelayWindow, zone: str, *, now: datetime | None = None) -> int:
    """Create the runs of the next days that do not exist yet; answers how many."""
    now = now or datetime.now(UTC)
    today = now.astimezone(ZoneInfo(zone)).date()
    have = set(session.scalars(select(RelayWindowRun.air_date).where(RelayWindowRun.window_id == window.id)))
    made = 0
    for day, starts_at, ends_at in times_.occurrences(window_times(window), zone, today,
                                                      today + timedelta(days=RUNS_AHEAD_DAYS)):
        if day in have or ends_at <= now:
            continue
        session.add(RelayWindowRun(window_id=window.id, air_date=day, starts_at=starts_at, ends_at=ends_at))
        made += 1
    session.flush()
    return made


def runs(session: Session, window_id: int, *, limit: int = 30) -> list[RelayWindowRun]:
    return list(session.scalars(select(RelayWindowRun).where(RelayWindowRun.window_id == window_id)
                                .order_by(RelayWindowRun.starts_at.desc()).limit(limit)))


def relayed_minutes(session: Session, station_id: int, first: date, last: date) -> dict[str, object]:
    """The relay windows' figures for reports: runs, how many fell back, minutes scheduled and
    recorded by Loa, and per area the minutes its relay points played live and on the fallback
    (from their as-run records: what listeners actually heard)."""
    rows = session.execute(
        select(RelayWindowRun).join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
        .where(RelayWindow.station_id == station_id, RelayWindowRun.air_date >= first,
               RelayWindowRun.air_date <= last, RelayWindowRun.ends_at <= datetime.now(UTC))).scalars().all()
    run_ids = [r.id for r in rows]
    live: dict[int, float] = {}
    fallback: dict[int, float] = {}
    if run_ids:
        for started, ended, part, area_id in session.execute(
                select(RelayPlay.started_at, RelayPlay.ended_at, RelayPlay.relay_part, RelayPoint.area_id)
                .join(RelayPoint, RelayPoint.id == RelayPlay.relay_point_id)
                .where(RelayPlay.relay_run_id.in_(run_ids), RelayPlay.outcome.in_(("completed", "interrupted")))):
            target = live if part == "live" else fallback
            target[area_id] = target.get(area_id, 0.0) + (ended - started).total_seconds() / 60
    return {
        "runs": len(rows), "on_fallback": sum(1 for r in rows if r.use_fallback),
        "scheduled_minutes": round(sum((r.ends_at - r.starts_at).total_seconds() for r in rows) / 60, 1),
        "recorded_minutes": round(sum(r.recorded_ms or 0 for r in rows) / 60000, 1),
        "live_minutes_by_area": {k: round(v, 1) for k, v in sorted(live.items())},
        "fallback_minutes_by_area": {k: round(v, 1) for k, v in sorted(fallback.items())},
    }


def day_runs(session: Session, station_id: int, day: date, area_id: int | None) -> list[dict[str, object]]:
    """The relay runs of one local date, for the programme page: when, what, checks, fallback,
    recording (an area's page shows only the runs heard there)."""
    rows = session.execute(
        select(RelayWindowRun, RelayWindow, RelaySource.name, Station.timezone)
        .join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
        .join(RelaySource, RelayWindow.source_id == RelaySource.id)
        .join(Station, RelayWindow.station_id == Station.id)
        .where(RelayWindow.station_id == station_id, RelayWindowRun.air_date == day)
        .order_by(RelayWindowRun.starts_at)).all()
    found = []
    for run, window, source_name, zone in rows:
        if area_id is not None and window.area_ids and area_id not in window.area_ids:
            continue
        tz = ZoneInfo(zone)
        last = run.checks[-1] if run.checks else None
        found.append({
            "title": window.title, "source": source_name, "fallback": window.fallback,
            "start": run.starts_at.astimezone(tz), "end": run.ends_at.astimezone(tz),
            "use_fallback": run.use_fallback, "check_ok": last.get("ok") if last else None,
            "check_vi": last.get("detail_vi") if last else None, "check_en": last.get("detail_en") if last else None,
            "recording_state": run.recording_state,
            "recorded_minutes": round((run.recorded_ms or 0) / 60000, 1),
            "placement": window.placement,
        })
    return found
