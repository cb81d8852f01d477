"""Turn the database into the planner's plain inputs: slots, candidates, fillers."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Airing, Recording, Script, ScriptStatus, Station
from app.programmes.announcements import closing_text, opening_text
from app.speech.audio import audio_settings
from app.speech.service import spoken
from scheduler import Candidate, Filler, PastAiring, PlanSettings, Priority, Slot, estimate_duration_ms
from scheduler.recurrence import occurrences


def slots_of(station: Station) -> list[Slot]:
    return [Slot(name=s.name, start=s.start_time, length_s=s.length_seconds, zone=station.timezone)
            for s in station.slots]


def speech_hash(station: Station, spoken: str) -> str:
    """What a script's speech depends on: its spoken text and the station's voice."""
    parts = [spoken, station.speech_engine, station.voice, str(station.speech_rate), str(station.speech_pitch)]
    gap = audio_settings().tts_word_gap
    if gap:
        parts.append(f"gap:{gap}")  # eSpeak's pause between words (a setting of the installation)
    if station.neural_voice and "neural" in station.speech_engine:
        parts.append(f"neural:{station.neural_voice}")  # absent otherwise: older hashes stay valid
    raw = "\x1f".join(parts)
    return hashlib.sha256(raw.encode()).hexdigest()


def speech_source(script: Script) -> str:
    """The written text a script's speech is made from: its title, then its body."""
    return f"{script.title}.\n{script.body}"


def spoken_body(station: Station, script: Script) -> str:
    return spoken(speech_source(script), station)


def script_duration(station: Station, script: Script,
                    recordings: dict[int, Recording]) -> tuple[int, bool] | None:
    """The script's length in ms and whether it is only an estimate; None if it cannot be spoken."""
    if script.recording_id is not None and script.recording_id in recordings:
        return recordings[script.recording_id].duration_ms, False
    spoken = spoken_body(station, script)
    if script.speech_hash == speech_hash(station, spoken):
        if script.speech_duration_ms and script.speech_key:
            return script.speech_duration_ms, False
        return None  # its speech failed: leave it out, the next candidate takes its place
    return estimate_duration_ms(spoken, station.speech_rate), True


def approved_scripts(session: Session, station_id: int, first: date, last: date) -> list[Script]:
    stmt = (select(Script).options(selectinload(Script.topic), selectinload(Script.areas),
                                   selectinload(Script.slots))
            .where(Script.station_id == station_id, Script.status == ScriptStatus.approved,
                   Script.air_from <= last, Script.air_until >= first).order_by(Script.id))
    return list(session.scalars(stmt))


def recordings_by_id(session: Session, station_id: int) -> dict[int, Recording]:
    return {r.id: r for r in session.scalars(select(Recording).where(Recording.station_id == station_id))}


def past_airings(session: Session, script_ids: list[int], since: date) -> dict[int, list[PastAiring]]:
    found: dict[int, list[PastAiring]] = defaultdict(list)
    if not script_ids:
        return found
    rows = session.execute(select(Airing.script_id, Airing.air_date, Airing.slot_name)
                           .where(Airing.script_id.in_(script_ids), Airing.air_date >= since))
    for script_id, air_date, slot_name in rows:
        found[script_id].append(PastAiring(air_date, slot_name))
    return found


def candidates(session: Session, station: Station, scripts: list[Script], since: date,
               recordings: dict[int, Recording]) -> list[Candidate]:
    history = past_airings(session, [s.id for s in scripts], since)
    out = []
    for s in scripts:
        known = script_duration(station, s, recordings)
        if known is None:
            continue
        duration, provisional = known
        out.append(Candidate(
            id=s.id, title=s.title, topic=s.topic.code, priority=Priority(s.priority.value),
            duration_ms=duration, air_from=s.air_from, air_until=s.air_until,
            approved_at=s.approved_at or s.created_at, airings_target=s.airings_target,
            airings_done=s.airings_done, provisional=provisional,
            allowed_slots=frozenset(sl.name for sl in s.slots),
            target_areas=frozenset(a.id for a in s.areas),
            previous_airings=tuple(sorted(history.get(s.id, []), key=lambda a: (a.local_date, a.slot_name))),
            occurrences=frozenset(occurrences(s.recurrence, s.air_from, s.air_until)) if s.recurrence else None,
        ))
    return out


def fillers(recordings: dict[int, Recording]) -> list[Filler]:
    return [Filler(id=r.id, title=r.title, duration_ms=r.duration_ms)
            for r in sorted(recordings.values(), key=lambda r: r.id) if r.is_filler]


def _spoken_ms(station: Station, text: str) -> tuple[int, bool]:
    from app.speech.audio import synthesize_for
    from audio.errors import AudioError

    try:
        return synthesize_for(station, text).duration_ms, False
    except AudioError:
        return estimate_duration_ms(text, station.speech_rate), True


def plan_settings(station: Station, local_starts: list[datetime]) -> PlanSettings:
    """Room for the announcements: the longest real one over these slot instances (they name
    the time and date, so they differ a little); each is spoken once and cached."""
    opening, closing, provisional = 0, 0, False
    for start in local_starts:
        o_ms, o_est = _spoken_ms(station, opening_text(station, start))
        c_ms, c_est = _spoken_ms(station, closing_text(station, start))
        opening, closing = max(opening, o_ms), max(closing, c_ms)
        provisional = provisional or o_est or c_est
    return PlanSettings(opening_ms=opening, closing_ms=closing, announcements_provisional=provisional)
