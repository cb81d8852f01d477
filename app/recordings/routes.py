from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import FileResponse

from app import access
from app.deps import CurrentUser, SessionDep, StaffUser
from app.errors import Forbidden, NotAuthenticated, PayloadTooLarge, responses
from app.fields import Id, Line
from app.recordings import service
from app.recordings.exceptions import RecordingNotFound, RecordingRefused, RecordingsBusy
from app.recordings.schemas import RecordingRead
from app.speech.audio import audio_settings, storage
from app.stations.exceptions import StationNotFound
from app.text import upload_filename

router = APIRouter(prefix="/api/v1", tags=["recordings"])
_AUTH = (NotAuthenticated, Forbidden)


@router.post(
    "/stations/{station_id}/recordings", response_model=RecordingRead, status_code=201,
    responses=responses(*_AUTH, StationNotFound, RecordingRefused, PayloadTooLarge, RecordingsBusy),
)
def upload_recording(
    station_id: Id,
    session: SessionDep,
    user: StaffUser,
    file: Annotated[UploadFile, File(description="MP3, WAV, M4A/AAC, OGG/Opus")],
    title: Annotated[Line, Form(min_length=1, max_length=300)],
    is_filler: Annotated[bool, Form()] = False,
    voice: Annotated[bool, Form(description=(
        "An announcer's take (e.g. recorded in the browser): refused when distorted or without a voice, "
        "steady noise reduced, silence before the first and after the last word trimmed; at most "
        "LOA_MAX_VOICE_RECORDING_SECONDS (600 s by default)."))] = False,
) -> RecordingRead:
    """Upload a recording to air instead of speech, or as filler music (officer, editor, admin);
    `voice=true` cleans an announcer's take first."""
    station = access.station_for(session, user, station_id)
    uploads = audio_settings().data_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    filename = upload_filename(file.filename)
    suffix = Path(filename).suffix.lower()[:8]
    with tempfile.NamedTemporaryFile(dir=uploads, suffix=suffix) as tmp:
        shutil.copyfileobj(file.file, tmp, length=1 << 20)
        tmp.flush()
        recording = service.ingest(session, station, Path(tmp.name), title=title.strip() or "Bản ghi",
                                   filename=filename, is_filler=is_filler, actor=user, voice=voice)
    return RecordingRead.model_validate(recording)


@router.get("/stations/{station_id}/recordings", response_model=list[RecordingRead],
            responses=responses(NotAuthenticated, StationNotFound))
def list_recordings(station_id: Id, session: SessionDep, user: CurrentUser,
                    filler: bool | None = None) -> list[RecordingRead]:
    """A station's recordings, newest first; `filler=true` for the filler pool (a leader: those
    of scripts airing in their area)."""
    station = access.station_for(session, user, station_id)
    return [RecordingRead.model_validate(r) for r in service.list_for(session, station.id, user, filler=filler)]


@router.get("/recordings/{recording_id}/audio", response_class=FileResponse,
            responses=responses(NotAuthenticated, RecordingNotFound))
def recording_audio(recording_id: Id, session: SessionDep, user: CurrentUser) -> FileResponse:
    """The loudness-matched copy of a recording (WAV)."""
    recording = service.get(session, recording_id, user)
    return FileResponse(storage().path(recording.audio_key), media_type="audio/wav",
                        filename=f"recording-{recording.id}.wav")
