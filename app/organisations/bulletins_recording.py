"""A bulletin's recording: uploaded by the province (validated and loudness-matched as a ward's
own upload is, `audio.recordings`), and, when a ward takes the bulletin, a recording of that ward
naming the same stored file (the store is content-addressed: nothing is copied)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.models import Bulletin, BulletinStatus, Recording, Station, User
from app.organisations import bulletins_access as scope
from app.organisations.bulletins_exceptions import BulletinWrongState
from app.recordings.exceptions import RecordingRefused, RecordingsBusy
from app.speech.audio import audio_settings, storage
from app.text import one_line, upload_filename
from audio.errors import AudioError
from audio.recordings import DecoderBusy, ingest_recording

EDITABLE = (BulletinStatus.draft, BulletinStatus.submitted, BulletinStatus.approved)


def attach(session: Session, bulletin: Bulletin, source: Path, filename: str, *, user: User) -> Bulletin:
    """Attach (or replace) the recording a ward airs instead of speaking the text; an approved
    bulletin then waits for approval again."""
    scope.require_organisation_role(user, scope.DRAFTERS, "gắn bản ghi âm vào", "attach a recording to")
    if bulletin.status not in EDITABLE:
        raise BulletinWrongState("gắn bản ghi âm", "đã gửi", "attach a recording", bulletin.status.value)
    try:
        result = ingest_recording(source, storage(), audio_settings())
    except DecoderBusy as exc:
        raise RecordingsBusy(exc.message_vi, detail_en=exc.message_en) from exc
    except AudioError as exc:
        raise RecordingRefused(exc.message_vi, detail_en=exc.message_en) from exc
    bulletin.recording_key, bulletin.recording_duration_ms = result.normalized_key, result.duration_ms
    bulletin.recording_filename = upload_filename(filename)
    if bulletin.status == BulletinStatus.approved:
        bulletin.status = BulletinStatus.submitted
        bulletin.approved_by_id = bulletin.approved_at = None
    session.flush()
    audit.record(session, "bulletin_recording", actor=user, entity_type="bulletin", entity_id=bulletin.id,
                 changes={"filename": bulletin.recording_filename, "duration_ms": result.duration_ms})
    return bulletin


def for_station(session: Session, bulletin: Bulletin, station: Station, *, user: User) -> int | None:
    """The ward's own recording of the bulletin's file (None when the bulletin has only text)."""
    if not bulletin.recording_key or bulletin.recording_duration_ms is None:
        return None
    stat = storage().stat(bulletin.recording_key)
    recording = Recording(station_id=station.id, title=one_line(bulletin.title)[:300] or "Bản tin cấp trên",
                          filename=bulletin.recording_filename or "ban-tin.wav",
                          original_key=bulletin.recording_key, audio_key=bulletin.recording_key,
                          duration_ms=bulletin.recording_duration_ms, size_bytes=stat.size if stat else 0,
                          is_filler=False, uploaded_by_id=user.id)
    session.add(recording)
    session.flush()
    return recording.id
