"""What a station's plan of some days depends on, in one digest.

The nightly job and the re-plan after each change plan a whole week of every station; most of
that work (the spoken form of every approved script, the planner itself) is wasted when nothing
the plan reads has changed. The digest is made of cheap reads only: the station's settings,
slots, areas and topics; the slot instances to plan and which of them are frozen; the programmes
already stored (id, version, status); the scripts' count, newest change and highest id (every
edit, approval, withdrawal, speech result or airing count bumps a script's `updated_at`); the
airings since the day before the first; the recordings; the relay windows inside slots; the
installation's word gap and Loa's version. Anything outside it that changes a plan must bump one
of these (as `stations.plan_inputs_changed` does for slots, areas and relay points).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Airing, Programme, Recording, Script, Station, Topic
from app.speech.audio import audio_settings


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("loa")
    except PackageNotFoundError:
        return "dev"


def digest(session: Session, station: Station, first: date, days: int,
           instances: Iterable[tuple[str, date, bool]], stored: Iterable[Programme], relays: Any) -> str:
    """The digest of the plan of `days` dates from `first`; `instances` are the (slot name, local
    date, frozen) of the slot instances still to come, `stored` the station's programmes of those days
    (already loaded by the planner), `relays` the station's in-slot relay windows."""
    sid = station.id
    parts: list[object] = [
        _version(), audio_settings().tts_word_gap, first, days,
        (station.name, station.timezone, station.opening_announcement, station.closing_announcement,
         station.voice, station.speech_engine, station.neural_voice, station.speech_rate,
         station.speech_pitch, sorted((station.abbreviations or {}).items()), station.plan_inputs_changed_at),
        [(s.id, s.name, s.start_time, s.length_seconds) for s in station.slots],
        [a.id for a in station.areas],
        sorted(instances),
        sorted(relays.items()),
        session.execute(select(Topic.id, Topic.code).where(Topic.station_id == sid).order_by(Topic.id)).all(),
        sorted((p.id, p.version, p.status, p.area_key, p.slot_name, p.air_date, p.starts_at) for p in stored),
        session.execute(select(func.count(Script.id), func.max(Script.updated_at), func.max(Script.id))
                        .where(Script.station_id == sid)).one(),
        session.execute(select(func.count(Airing.id), func.max(Airing.id))
                        .join(Script, Airing.script_id == Script.id)
                        .where(Script.station_id == sid, Airing.air_date >= first - timedelta(days=1))).one(),
        session.execute(select(Recording.id, Recording.duration_ms, Recording.is_filler, Recording.title)
                        .where(Recording.station_id == sid).order_by(Recording.id)).all(),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()
