"""Planning programmes into the database, locking them before air, recording what aired."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from app import access
from app.models import Airing, Area, Programme, ProgrammeStatus, Script, Station, User
from app.programmes import inputs, plan_fingerprint
from app.programmes.variants import as_heard_in
from app.relay_sources import service as relay_windows
from app.scripts import service as scripts
from app.stations import service as stations
from scheduler import Candidate, PastAiring, SlotRequest, instances_for_dates, plan_horizon
from scheduler import Programme as PlannedProgramme
from scheduler.horizon import request_for
from scheduler.relay_windows import occurs_on
from scheduler.slots import LOCK_LEAD

log = logging.getLogger(__name__)
FROZEN = (ProgrammeStatus.locked, ProgrammeStatus.aired)

PLAN_DAYS = 7


@dataclass
class PlanReport:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    frozen: int = 0
    removed: int = 0
    skipped: bool = False  # nothing the plan reads changed since the last plan: not planned again


def _items_json(planned: PlannedProgramme, priorities: dict[int, str] | None = None) -> list[dict[str, Any]]:
    priorities = priorities or {}
    return [
        {"kind": i.kind.value, "offset_ms": i.start_ms, "duration_ms": i.duration_ms, "title": i.title,
         "script_id": i.script_id, "filler_id": i.filler_id, "source_duration_ms": i.source_duration_ms,
         "fade_out_ms": i.fade_out_ms, "provisional": i.provisional,
         "priority": priorities.get(i.script_id) if i.script_id else None,
         # only on relay items: every other programme keeps its plan hash
         **({"relay_id": i.relay_id} if i.relay_id is not None else {})}
        for i in planned.items
    ]


def _explanation_json(planned: PlannedProgramme, titles: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {"script_id": d.candidate_id, "title": titles.get(d.candidate_id, ""), "code": d.code,
         "message_vi": d.message_vi, "message_en": d.message_en, "position": d.position}
        for d in planned.decisions
    ]


def _hash(items: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(items, sort_keys=True).encode()).hexdigest()


def station_with_slots(session: Session, station_id: int) -> Station:
    return stations.get(session, station_id, with_children=True)


def plan_days(session: Session, station: Station, first: date, days: int = PLAN_DAYS,
              *, now: datetime | None = None, reopen: frozenset[int] = frozenset()) -> PlanReport:
    """Plan (or re-plan) every slot of `days` local dates; locked and aired programmes stay,
    except a locked one that would play a script in `reopen` (taken off the air): it is
    planned anew and its audio rendered again, even while it is on air."""
    now = now or datetime.now(UTC)
    last = first + timedelta(days=days - 1)
    instances = [i for i in instances_for_dates(inputs.slots_of(station), first, last) if i.ends_at > now]
    slot_ids = {s.name: s.id for s in station.slots}
    existing = _existing(session, station.id, first, last)
    relays = relay_windows.slot_relays(session, station.id)
    fingerprint = _fingerprint(session, station, first, days, instances, existing, relays, now)
    if not reopen and fingerprint == station.plan_fingerprint:
        return _nothing_changed(instances, existing, now)

    report = PlanReport()
    requests: list[SlotRequest] = []
    by_request: dict[tuple[str, date], Any] = {}
    # (local date, slot) per script that a frozen programme airs; a set: area variants air it once
    frozen_airings: dict[int, set[tuple[date, str]]] = {}
    for instance in instances:
        key = (instance.slot.name, instance.local_date)
        rows = existing.get(key, [])
        if _frozen(rows, instance.starts_at, now) and not _plays_any(rows, reopen):
            report.frozen += 1
            for p in rows:  # what a frozen programme airs counts for the slots after it
                for item in aired_items(p):
                    if item.get("script_id"):
                        frozen_airings.setdefault(item["script_id"], set()).add((key[1], key[0]))
            continue
        request = request_for(instance, station.name)
        fixed = tuple(item for times, item in relays.get(slot_ids.get(instance.slot.name, 0), [])
                      if occurs_on(times, instance.local_date))
        if fixed:  # relay windows inside the slot: fixed items of known length
            request = replace(request, fixed=fixed)
        requests.append(request)
        by_request[key] = instance

    scripts_ = inputs.approved_scripts(session, station.id, first, last)
    recordings = inputs.recordings_by_id(session, station.id)
    cands = inputs.candidates(session, station, scripts_, first - timedelta(days=1), recordings)
    cands = [_with_frozen(c, frozen_airings.get(c.id, set())) for c in cands]
    titles = {s.id: s.title for s in scripts_}
    priorities = {s.id: s.priority.value for s in scripts_}
    area_ids = [a.id for a in station.areas]
    settings = inputs.plan_settings(station, [by_request[(r.slot_name, r.local_date)].local_start
                                              for r in requests])
    for request, plan in plan_horizon(requests, cands, inputs.fillers(recordings), settings, area_ids):
        key = (request.slot_name, request.local_date)
        instance = by_request[key]
        _store(session, station, slot_ids.get(request.slot_name), instance, plan, titles, priorities,
               existing.get(key, []), report, now)
    report.removed += _remove_unslotted(session, existing, set(slot_ids), now)
    session.flush()
    station.plan_fingerprint = _fingerprint(session, station, first, days, instances,
                                            _existing(session, station.id, first, last), relays, now)
    return report


def _existing(session: Session, station_id: int, first: date, last: date) -> dict[tuple[str, date], list[Programme]]:
    """The station's stored programmes of these dates (not emergencies), by (slot, local date)."""
    existing: dict[tuple[str, date], list[Programme]] = {}
    # items and explanation are read only for the few rows that need them (JSON decoding of a
    # week of programmes would be most of an unchanged re-plan's cost)
    for p in session.scalars(select(Programme).options(defer(Programme.items), defer(Programme.explanation)).where(
            Programme.station_id == station_id, Programme.is_emergency.is_(False),
            Programme.air_date >= first, Programme.air_date <= last)):
        existing.setdefault((p.slot_name, p.air_date), []).append(p)
    return existing


def _frozen(rows: list[Programme], starts_at: datetime, now: datetime) -> bool:
    """A slot instance's programmes stay as they are: locked, aired, or about to be locked."""
    return any(p.status in FROZEN for p in rows) or bool(rows and starts_at - LOCK_LEAD <= now)


def _fingerprint(session: Session, station: Station, first: date, days: int, instances: list[Any],
                 existing: dict[tuple[str, date], list[Programme]], relays: Any, now: datetime) -> str:
    keys = [(i.slot.name, i.local_date, _frozen(existing.get((i.slot.name, i.local_date), []), i.starts_at, now))
            for i in instances]
    stored = [p for rows in existing.values() for p in rows]
    return plan_fingerprint.digest(session, station, first, days, keys, stored, relays)


def _nothing_changed(instances: list[Any], existing: dict[tuple[str, date], list[Programme]],
                     now: datetime) -> PlanReport:
    """The report of a re-plan skipped because nothing it reads changed since the last plan."""
    report = PlanReport(skipped=True)
    for instance in instances:
        rows = existing.get((instance.slot.name, instance.local_date), [])
        if _frozen(rows, instance.starts_at, now):
            report.frozen += 1
        else:
            report.unchanged += len(rows)
    return report


def _remove_unslotted(session: Session, existing: dict[tuple[str, date], list[Programme]],
                      slot_names: set[str], now: datetime) -> int:
    """Drop the programmes of a deleted slot, unless they are locked, aired or about to air."""
    removed = 0
    for (slot_name, _day), rows in existing.items():
        if slot_name in slot_names:
            continue
        for row in rows:
            if row.status not in FROZEN and row.starts_at - LOCK_LEAD > now:
                session.delete(row)
                removed += 1
    return removed


def _plays_any(rows: list[Programme], script_ids: frozenset[int]) -> bool:
    """Whether a slot instance not yet aired would play one of these scripts."""
    return bool(script_ids) and any(p.status != ProgrammeStatus.aired and item.get("script_id") in script_ids
               for p in rows for item in p.items)


def _with_frozen(candidate: Candidate, aired: set[tuple[date, str]]) -> Candidate:
    """Count what locked programmes will air, so the slots after them do not repeat it."""
    if not aired:
        return candidate
    return replace(candidate, airings_done=candidate.airings_done + len(aired),
                   previous_airings=(*candidate.previous_airings, *(PastAiring(d, s) for d, s in sorted(aired))))


def _store(session: Session, station: Station, slot_id: int | None, instance: Any,
           plan: dict[int | None, PlannedProgramme], titles: dict[int, str], priorities: dict[int, str],
           rows: list[Programme], report: PlanReport, now: datetime) -> None:
    by_area = {p.area_key: p for p in rows}
    wanted: dict[int, PlannedProgramme] = {}
    for area_id, planned in plan.items():
        wanted[area_id or 0] = planned
    for area_key, planned in sorted(wanted.items()):
        items = _items_json(planned, priorities)
        digest = _hash(items)
        status = ProgrammeStatus.provisional if planned.provisional else ProgrammeStatus.planned
        row = by_area.get(area_key)
        if row is None:
            row = Programme(
                station_id=station.id, slot_id=slot_id, slot_name=instance.slot.name,
                air_date=instance.local_date, area_key=area_key, starts_at=instance.starts_at,
                duration_ms=planned.length_ms, status=status, items=items,
                explanation=_explanation_json(planned, titles), plan_hash=digest, planned_at=now,
            )
            try:
                with session.begin_nested():
                    session.add(row)
                    session.flush()
            except IntegrityError:
                # Another planner stored this slot instance meanwhile: its plan stands.
                log.warning("programme %s %s area %s planned elsewhere", instance.slot.name,
                            instance.local_date, area_key)
                continue
            report.created += 1
        elif row.plan_hash == digest and row.starts_at == instance.starts_at:
            row.explanation = _explanation_json(planned, titles)
            row.planned_at = now
            report.unchanged += 1
        else:
            row.items, row.plan_hash, row.starts_at = items, digest, instance.starts_at
            row.duration_ms = planned.length_ms
            row.explanation = _explanation_json(planned, titles)
            row.status, row.version, row.planned_at = status, row.version + 1, now
            row.audio_key = row.audio_size = row.audio_duration_ms = None
            row.cue_key = row.playlist_key = row.render_error = None
            report.changed += 1
    for area_key, row in by_area.items():
        if area_key not in wanted:
            session.delete(row)
            report.removed += 1


def stations_needing_replan(session: Session) -> list[int]:
    """Stations with a script, slot, area or relay point changed after their last plan."""
    changed: dict[int, datetime] = dict(session.execute(
        select(Script.station_id, func.max(Script.updated_at)).group_by(Script.station_id)).all())
    for station_id, at in session.execute(select(Station.id, Station.plan_inputs_changed_at)):
        if at is not None:
            changed[station_id] = max(at, changed.get(station_id, at))
    planned = dict(session.execute(select(Programme.station_id, func.max(Programme.planned_at))
                                   .where(Programme.is_emergency.is_(False))
                                   .group_by(Programme.station_id)).all())
    out = []
    for station_id, updated in changed.items():
        last = planned.get(station_id)
        if last is None or updated > last:
            out.append(station_id)
    return sorted(out)


def lock_due(session: Session, now: datetime | None = None) -> list[Programme]:
    """Lock every programme starting within 30 minutes: relays then fetch a stable playlist."""
    now = now or datetime.now(UTC)
    due = session.scalars(select(Programme).where(
        Programme.status.in_((ProgrammeStatus.provisional, ProgrammeStatus.planned,
                              ProgrammeStatus.rendered)),
        Programme.starts_at <= now + LOCK_LEAD)).all()
    for programme in due:
        programme.status, programme.locked_at = ProgrammeStatus.locked, now
    session.flush()
    return list(due)


def aired_items(programme: Programme) -> list[dict[str, Any]]:
    """The items a programme airs. One first planned after its start (a new station, or its programme
    deleted while the slot ran) never had the items whose time had already passed: relay points and
    streams take it up where the clock is, so those scripts did not air and are not counted."""
    late_by = programme.planned_at - programme.starts_at
    if programme.version != 1 or late_by <= timedelta(0):
        return list(programme.items)
    return [item for item in programme.items if item.get("offset_ms", 0) >= late_by.total_seconds() * 1000]


def record_aired(session: Session, now: datetime | None = None) -> int:
    """Mark ended programmes aired, count their scripts' airings, archive what expired."""
    now = now or datetime.now(UTC)
    ended = [p for p in session.scalars(select(Programme).where(
        Programme.status.in_((ProgrammeStatus.locked, ProgrammeStatus.rendered, ProgrammeStatus.planned,
                              ProgrammeStatus.provisional)),
        Programme.starts_at <= now)) if p.starts_at + timedelta(milliseconds=p.duration_ms) <= now]
    counted: set[tuple[int, str, date]] = set()
    for programme in sorted(ended, key=lambda p: (p.starts_at, p.area_key)):
        programme.status = ProgrammeStatus.aired
        for item in aired_items(programme):
            script_id = item.get("script_id")
            if not script_id:
                continue
            session.add(Airing(script_id=script_id, programme_id=programme.id, air_date=programme.air_date,
                               slot_name=programme.slot_name,
                               aired_at=programme.starts_at + timedelta(milliseconds=item["offset_ms"]),
                               duration_ms=item["duration_ms"]))
            # Area variants of one slot air the script once, as far as its total goes.
            key = (script_id, programme.slot_name, programme.air_date)
            if key not in counted:
                counted.add(key)
                script = session.get(Script, script_id)
                if script is not None:
                    script.airings_done += 1
    session.flush()
    todays = {s.id: scripts.station_today(s, now) for s in session.scalars(select(Station))}
    scripts.archive_expired(session, todays)
    return len(ended)


def get(session: Session, programme_id: int, user: User) -> Programme:
    """The programme if the user may see it (app.access); else ProgrammeNotFound."""
    return access.get_for(session, Programme, programme_id, user)


def list_for(session: Session, station_id: int, first: date, last: date,
             area_id: int | None = None, *, user: User | None) -> list[Programme]:
    """The station's programmes between two local dates, as `area_id` hears them (None: every
    variant); those the user may see (no user: the command line and jobs, which see all)."""
    stmt = (select(Programme).where(Programme.station_id == station_id, Programme.air_date >= first,
                                    Programme.air_date <= last)
            .order_by(Programme.starts_at, Programme.area_key))
    if user is not None:
        stmt = stmt.where(access.visible(Programme, user))
    if area_id is None:
        return list(session.scalars(stmt))
    return as_heard_in(session.scalars(stmt.where(Programme.area_key.in_((0, area_id)))), area_id)


def areas_of(session: Session, station_id: int) -> dict[int, str]:
    return {a.id: a.name for a in session.scalars(select(Area).where(Area.station_id == station_id))}


