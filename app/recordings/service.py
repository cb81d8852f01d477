"""Uploaded recordings: validated, loudness-matched and kept beside the original."""

from __future__ import annotations

import math
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.models import Recording, Station, User
from app.recordings.exceptions import RecordingRefused, RecordingsBusy
from app.speech.audio import audio_settings, storage
from app.text import one_line, upload_filename
from audio.errors import AudioError
from audio.recordings import DecoderBusy, ingest_recording
from audio.voice import CleanedVoice


def sha_of(key: str) -> str:
    """Storage keys are a sha256 with an optional suffix."""
    return key.split(".", 1)[0]


def ingest(session: Session, station: Station, source: Path, *, title: str, filename: str,
           is_filler: bool, actor: User, voice: bool = False) -> Recording:
    """Check an uploaded file, store it and its normalized copy, and record it."""
    return ingest_reporting(session, station, source, title=title, filename=filename, is_filler=is_filler,
                            actor=actor, voice=voice)[0]


def ingest_reporting(session: Session, station: Station, source: Path, *, title: str, filename: str,
                     is_filler: bool, actor: User, voice: bool = False) -> tuple[Recording, CleanedVoice | None]:
    """`ingest`, also answering how a voice take was cleaned (trimmed, denoised), to tell its author."""
    title, filename = one_line(title)[:300] or "Bản ghi", upload_filename(filename)
    try:
        result = ingest_recording(source, storage(), audio_settings(), voice=voice)
    except DecoderBusy as exc:
        raise RecordingsBusy(exc.message_vi, detail_en=exc.message_en) from exc
    except AudioError as exc:
        raise RecordingRefused(exc.message_vi, detail_en=exc.message_en) from exc
    recording = Recording(
        station_id=station.id, title=title, filename=filename,
        original_key=result.original_key, audio_key=result.normalized_key,
        duration_ms=result.duration_ms, size_bytes=result.size_bytes,
        loudness_lufs=result.loudness_lufs if math.isfinite(result.loudness_lufs) else None,
        is_filler=is_filler, uploaded_by_id=actor.id,
    )
    session.add(recording)
    session.flush()
    changes: dict[str, object] = {"title": title, "filename": filename, "duration_ms": result.duration_ms,
                                  "filler": is_filler}
    if result.voice is not None:
        changes["voice"] = voice_report(result.voice)
    audit.record(session, "upload", actor=actor, entity_type="recording", entity_id=recording.id,
                 station_id=station.id, changes=changes)
    return recording, result.voice


def voice_report(cleaned: CleanedVoice) -> dict[str, object]:
    """How a voice take was cleaned, as the audit log keeps it."""
    def level(value: float) -> float | None:
        return round(value, 1) if math.isfinite(value) else None

    return {"lead_trimmed_ms": cleaned.lead_trimmed_ms, "tail_trimmed_ms": cleaned.tail_trimmed_ms,
            "noise_reduced": cleaned.noise_reduced, "noise_floor_dbfs": [
                level(cleaned.noise_floor_dbfs), level(cleaned.noise_floor_after_dbfs)],
            "clipped_ms": cleaned.clipped_ms}


def get(session: Session, recording_id: int, user: User) -> Recording:
    """The recording if the user may see it (app.access); else RecordingNotFound."""
    return access.get_for(session, Recording, recording_id, user)


def list_for(session: Session, station_id: int, user: User, *, filler: bool | None = None) -> list[Recording]:
    """The station's recordings the user may see, newest first."""
    stmt = (select(Recording).where(Recording.station_id == station_id, access.visible(Recording, user))
            .order_by(Recording.id.desc()))
    if filler is not None:
        stmt = stmt.where(Recording.is_filler == filler)
    return list(session.scalars(stmt))
