"""After a station's abbreviations change: which scripts now read differently, and their programmes
rendered again.

A script's speech is keyed by its spoken text (`inputs.speech_hash`), so a script whose spoken text
changed is spoken again by the next render-ahead run without being told. What this adds is the
programme: one already rendered with the old reading loses its audio, so it is rendered again
even when the re-plan finds the same plan. Programmes locked (30 minutes before air), on air or
aired are not touched: what relay points have fetched plays as fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Programme, ProgrammeStatus, Script, ScriptStatus, Station
from app.programmes import inputs
from app.stations import service as stations
from audio.speech_text import to_spoken
from scheduler.slots import LOCK_LEAD

# Not yet locked: the plan may still change, and so may its audio.
OPEN = (ProgrammeStatus.provisional, ProgrammeStatus.planned, ProgrammeStatus.rendered)


def changed_keys(before: Mapping[str, str], after: Mapping[str, str]) -> set[str]:
    """The abbreviations whose reading differs between two station tables."""
    return {k for k in set(before) | set(after) if before.get(k) != after.get(k)}


def scripts_reading_differently(session: Session, station: Station, before: Mapping[str, str]) -> list[Script]:
    """Approved scripts still to air whose text uses a changed abbreviation and now reads differently."""
    keys = changed_keys(before, station.abbreviations or {})
    if not keys:
        return []
    out = []
    for script in session.scalars(select(Script).where(
            Script.station_id == station.id, Script.status == ScriptStatus.approved).order_by(Script.id)):
        source = inputs.speech_source(script)
        # Keys are matched case-sensitively as words: a text without one reads as before.
        if not any(k in source for k in keys):
            continue
        if to_spoken(source, before) != inputs.spoken_body(station, script):
            out.append(script)
    return out


def rerender_programmes_of(session: Session, station: Station, script_ids: set[int],
                           now: datetime | None = None) -> list[Programme]:
    """Drop the audio of the station's programmes not yet locked that play one of these scripts,
    so the next render makes them again with the scripts' new spoken text; answers them."""
    if not script_ids:
        return []
    now = now or datetime.now(UTC)
    out = []
    for programme in session.scalars(select(Programme).where(
            Programme.station_id == station.id, Programme.is_emergency.is_(False),
            Programme.status.in_(OPEN), Programme.starts_at > now + LOCK_LEAD)):
        if not any(item.get("script_id") in script_ids for item in programme.items):
            continue
        if programme.audio_key is None and programme.status != ProgrammeStatus.rendered:
            continue  # not rendered yet: the next render reads the new text anyway
        drop_audio(programme)
        out.append(programme)
    session.flush()
    return out


def drop_audio(programme: Programme) -> None:
    """Forget a programme's audio (and what its items said, and who spoke them), so the next
    render-ahead run makes it again."""
    programme.audio_key = programme.audio_size = programme.audio_duration_ms = None
    programme.cue_key = programme.playlist_key = programme.render_error = None
    programme.items = [{k: v for k, v in item.items() if k not in ("audio_key", "spoken", "spoken_by", "fell_back")}
                       for item in programme.items]
    if programme.status == ProgrammeStatus.rendered:
        provisional = any(item.get("provisional") for item in programme.items)
        programme.status = ProgrammeStatus.provisional if provisional else ProgrammeStatus.planned
    programme.version += 1


def after_abbreviations_changed(session: Session, station: Station, before: Mapping[str, str]) -> dict[str, int]:
    """Scripts reading differently are spoken again and their open programmes rendered again
    (the speech by its hash, the programmes here); answers how many of each, for the audit."""
    scripts = scripts_reading_differently(session, station, before)
    programmes = rerender_programmes_of(session, station, {s.id for s in scripts})
    if scripts:  # their lengths change: re-plan soon, with estimates until they are spoken again
        stations.plan_inputs_changed(session, station.id)
    return {"scripts_respoken": len(scripts), "programmes_rerendered": len(programmes)}
