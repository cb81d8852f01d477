"""Speech ahead of planning, and each programme rendered to its files (audio.assemble)."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.metrics.instruments import RENDER_SECONDS
from app.models import Programme, ProgrammeStatus, Recording, Script, Slot, Station
from app.programmes import inputs
from app.programmes.announcements import closing_text, opening_text
from app.programmes.labels import item_label
from app.speech.audio import audio_settings, engines_of, speech_service, storage, synthesize_for
from audio.assemble import ProgrammeRenderer
from audio.errors import AudioError
from audio.programme import (
    Fallback,
    FillerItem,
    OutputSettings,
    ProgrammeSpec,
    RecordingItem,
    RenderedItem,
    RenderedProgramme,
    SilenceItem,
    SpeechItem,
)
from audio.tts.service import SpeechResult

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
RENDERABLE = (ProgrammeStatus.provisional, ProgrammeStatus.planned, ProgrammeStatus.locked)


@lru_cache
def renderer() -> ProgrammeRenderer:
    """One renderer per process: it keeps the engines and the reuse index warm."""
    return ProgrammeRenderer(storage(), speech=speech_service(), settings=audio_settings())


@dataclass(frozen=True)
class SpeechTask:
    """A script whose current text has no speech yet."""

    script_id: int
    spoken: str
    digest: str


def speech_to_make(session: Session, station: Station, first: date, last: date) -> list[SpeechTask]:
    """Every approved script that airs in the window and has no current speech."""
    tasks = []
    for script in inputs.approved_scripts(session, station.id, first, last):
        if script.recording_id is not None:
            continue
        spoken = inputs.spoken_body(station, script)
        digest = inputs.speech_hash(station, spoken)
        if not (script.speech_hash == digest and script.speech_key):
            tasks.append(SpeechTask(script.id, spoken, digest))
    return tasks


def make_speech(station: Station, task: SpeechTask) -> SpeechResult | AudioError:
    """Synthesize one script's speech (seconds of work, no database)."""
    try:
        return synthesize_for(station, task.spoken)
    except AudioError as exc:
        return exc


def store_speech(session: Session, station: Station, task: SpeechTask, outcome: SpeechResult | AudioError) -> bool:
    """Keep the speech on its script, unless the script changed meanwhile; answers whether it was
    synthesized. A script whose speech failed keeps a note (shown to editors) and is left out of
    the plan, so the next candidate takes its place."""
    script = session.get(Script, task.script_id, populate_existing=True)
    if script is None or inputs.speech_hash(station, inputs.spoken_body(station, script)) != task.digest:
        return False  # edited while it was spoken: the next run speaks the new text
    if isinstance(outcome, AudioError):
        script.speech_key, script.speech_duration_ms, script.speech_hash = None, None, task.digest
        script.speech_note = f"Không đọc được tin bài: {outcome.message_vi}"
        log.warning("speech failed for script %s: %s", script.id, outcome.message_en)
        session.flush()
        return False
    script.speech_key, script.speech_duration_ms = outcome.audio_key, outcome.duration_ms
    script.speech_hash, script.speech_engine = task.digest, outcome.engine
    script.speech_note = outcome.fallback_reason_vi if outcome.fell_back else None
    session.flush()
    return True


def prepare_speech(session: Session, station: Station, first: date, last: date) -> int:
    """Synthesize every approved script that airs in the window and has no current speech, in
    the caller's transaction (app.jobs splits the steps to hold none while speaking)."""
    return sum(store_speech(session, station, task, make_speech(station, task))
               for task in speech_to_make(session, station, first, last))


def _voice(station: Station) -> dict[str, Any]:
    return {"engine": engines_of(station), "voice": station.voice, "neural_voice": station.neural_voice,
            "rate": station.speech_rate, "pitch": station.speech_pitch, "word_gap": audio_settings().tts_word_gap}


def build_spec(session: Session, station: Station, programme: Programme) -> ProgrammeSpec:
    """The audio package's view of a planned programme."""
    local_start = programme.starts_at.astimezone(ZoneInfo(station.timezone))
    recordings = {r.id: r for r in session.scalars(select(Recording).where(Recording.station_id == station.id))}
    fillers = sorted((r for r in recordings.values() if r.is_filler), key=lambda r: r.id)
    items: list[Any] = []
    for index, item in enumerate(programme.items):
        common = {"ref": f"item:{index}", "title": item_label(item),
                  "offset_ms": item["offset_ms"], "duration_ms": item["duration_ms"]}
        kind = item["kind"]
        if kind == "opening":
            items.append(SpeechItem(text=opening_text(station, local_start), **common, **_voice(station)))
        elif kind == "closing":
            items.append(SpeechItem(text=closing_text(station, local_start), **common, **_voice(station)))
        elif kind == "script":
            script = session.get(Script, item["script_id"])
            if script is not None and script.recording_id in recordings:
                items.append(RecordingItem(audio_key=recordings[script.recording_id].audio_key, **common))
            elif script is not None:
                items.append(SpeechItem(text=inputs.spoken_body(station, script), **common, **_voice(station)))
            else:
                items.append(SilenceItem(**common))
        elif kind == "filler" and item.get("filler_id") in recordings:
            items.append(FillerItem(audio_key=recordings[item["filler_id"]].audio_key,
                                    fade_out_ms=item.get("fade_out_ms") or 0, **common))
        elif kind == "relay" and fillers:
            # Relay points and mounts carry the live source here; the file holds what a relay
            # falling back to "the station's programme" then plays: filler, never dead air.
            items.append(FillerItem(audio_key=fillers[0].audio_key, **common))
        else:  # gap, silence, a relay without filler, and a filler whose recording is gone
            items.append(SilenceItem(**common))
    slot = session.get(Slot, programme.slot_id) if programme.slot_id else None
    slot_label = "Khẩn cấp" if programme.is_emergency else (slot.label if slot and slot.label else programme.slot_name)
    return ProgrammeSpec(
        title=f"{station.name} — {slot_label} {programme.air_date:%d/%m/%Y}",
        slot_length_ms=programme.duration_ms,
        output=OutputSettings(format="opus" if station.audio_format == "opus" else "mp3",
                              sample_rate=station.audio_sample_rate, bitrate_kbps=station.audio_bitrate_kbps),
        items=items,
        fallback=Fallback(audio_key=fillers[0].audio_key, title=fillers[0].title) if fillers else None,
    )


@dataclass(frozen=True)
class PendingRender:
    """What a programme's audio is made from: its plan as it was read, and the audio's spec."""

    programme_id: int
    items: list[dict[str, Any]]
    spec: ProgrammeSpec


def begin_render(session: Session, programme: Programme) -> PendingRender:
    station = session.get(Station, programme.station_id)
    assert station is not None
    return PendingRender(programme.id, copy.deepcopy(programme.items), build_spec(session, station, programme))


def make_audio(pending: PendingRender, progress: Progress | None = None) -> RenderedProgramme | AudioError:
    """Render the files (seconds to minutes of work, no database)."""
    started = time.perf_counter()
    try:
        outcome: RenderedProgramme | AudioError = renderer().render(pending.spec, progress=progress)
    except AudioError as exc:
        outcome = exc
    RENDER_SECONDS.labels("failed" if isinstance(outcome, AudioError) else "ok").observe(
        time.perf_counter() - started)
    return outcome


def finish_render(session: Session, pending: PendingRender, outcome: RenderedProgramme | AudioError
                  ) -> Programme | None:
    """Store where the files are, unless the programme was re-planned meanwhile (None: the next
    run renders the new plan); failures are kept for editors."""
    programme = session.get(Programme, pending.programme_id, populate_existing=True)
    if programme is None or programme.items != pending.items or programme.status not in RENDERABLE:
        return None
    if isinstance(outcome, AudioError):
        programme.render_error = f"Không dựng được âm thanh: {outcome.message_vi}"[:2000]
        session.flush()
        return programme
    rendered = {item.ref: item for item in outcome.items}
    # what each spoken item said, as rendered: the programme page shows it
    said = {item.ref: item.text for item in pending.spec.items if isinstance(item, SpeechItem)}
    programme.items = [_with_audio(item, rendered.get(f"item:{i}"), said.get(f"item:{i}"))
                       for i, item in enumerate(programme.items)]
    programme.audio_key, programme.audio_size = outcome.programme.key, outcome.programme.size_bytes
    programme.audio_duration_ms = outcome.programme.duration_ms
    programme.cue_key, programme.playlist_key = outcome.cue_sheet.key, outcome.playlist.key
    failures = "; ".join(f"{f.title}: {f.reason_vi}" for f in outcome.failures)
    programme.render_error = failures[:2000] or None
    programme.rendered_at = datetime.now(UTC)
    if programme.status in (ProgrammeStatus.provisional, ProgrammeStatus.planned):
        programme.status = ProgrammeStatus.rendered
    session.flush()
    return programme


def _with_audio(item: dict[str, Any], rendered: RenderedItem | None, spoken: str | None) -> dict[str, Any]:
    """The plan's item with its file and, for speech, what was said and which engine and voice spoke it."""
    out = {k: v for k, v in item.items() if k not in ("spoken_by", "fell_back")}
    out["audio_key"], out["spoken"] = (rendered.audio.key if rendered else None), spoken
    if rendered is not None and rendered.spoken_by:
        out["spoken_by"], out["fell_back"] = rendered.spoken_by, rendered.fell_back
    return out


def render(session: Session, programme: Programme, *, progress: Progress | None = None) -> Programme:
    """Render one programme and store where its files are, in the caller's transaction
    (app.jobs splits the steps to hold none while rendering); failures are kept for editors."""
    pending = begin_render(session, programme)
    return finish_render(session, pending, make_audio(pending, progress)) or programme


def due_for_render(session: Session, station_id: int, until: datetime, now: datetime) -> list[Programme]:
    """Programmes that start before `until` and have no audio yet (or an outdated one)."""
    return list(session.scalars(
        select(Programme).where(
            Programme.station_id == station_id, Programme.is_emergency.is_(False),
            Programme.status.in_(RENDERABLE), Programme.audio_key.is_(None),
            Programme.starts_at < until,
            Programme.starts_at > now - timedelta(hours=1),
        ).order_by(Programme.starts_at, Programme.area_key)))
