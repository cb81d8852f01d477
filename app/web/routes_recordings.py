"""Recordings from the browser: attach one to a script instead of speech, and the filler music pool.

The upload route ends in `/recordings` on purpose: the body size limit (app/limits.py) lets large
bodies through only there. The script editor posts its whole form here (multipart) so a refused
file comes back next to its field with everything else the officer typed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile
from starlette.responses import FileResponse, Response

from app.deps import SessionDep
from app.errors import LoaError
from app.fields import Id, form_id
from app.models import Recording, Role, Script, Station, User
from app.recordings import service as recording_service
from app.recordings.exceptions import RecordingNotFound
from app.scripts import service as script_service
from app.speech.audio import audio_settings, storage
from app.stations import service as station_service
from app.text import upload_filename
from app.web import once
from app.web.deps import Form, PageForbidden, StationStaff, lang_of, web_roles
from app.web.forms import script_values, text
from app.web.i18n import translate
from app.web.render import duration, error_text, render
from app.web.routes_scripts import editor_page, editor_purpose, editor_url, station_id_of
from audio.voice import CleanedVoice

router = APIRouter(prefix="/app/recordings", include_in_schema=False)

Uploader = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin))]
EditorOrAdmin = Annotated[User, Depends(web_roles(Role.editor, Role.admin))]
ACCEPT = ".mp3,.wav,.m4a,.aac,.ogg,.opus,.webm,audio/*"


def _file(form: Form) -> UploadFile | None:
    value = form.get("file")
    return value if isinstance(value, UploadFile) and value.filename else None


def _ingest(session: SessionDep, station: Station, upload: UploadFile, *, title: str, is_filler: bool,
            user: User, voice: bool = False) -> tuple[Recording, CleanedVoice | None]:
    """Spool the upload to a temporary file beside the audio store, then check and keep it."""
    uploads = audio_settings().data_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    name = upload_filename(upload.filename)
    with tempfile.NamedTemporaryFile(dir=uploads, suffix=Path(name).suffix.lower()[:8]) as tmp:
        shutil.copyfileobj(upload.file, tmp, length=1 << 20)
        tmp.flush()
        with session.begin_nested():
            return recording_service.ingest_reporting(
                session, station, Path(tmp.name), title=title[:300] or name, filename=name,
                is_filler=is_filler, actor=user, voice=voice)


def _library(request: Request, session: SessionDep, user: User, *, values: dict[str, str] | None = None,
             errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    station_id = station_id_of(session, user)
    return render(request, "recordings.html", {
        "fillers": recording_service.list_for(session, station_id, user, filler=True),
        "others": recording_service.list_for(session, station_id, user, filler=False),
        "values": values or {"title": ""}, "errors": errors or {}, "accept": ACCEPT,
    }, user=user, status_code=status_code)


@router.get("")
def library(request: Request, session: SessionDep, user: EditorOrAdmin) -> Response:
    """The station's recordings and filler music, with the form to add filler music."""
    return _library(request, session, user)


@router.post("")
def upload(request: Request, session: SessionDep, user: Uploader, form: Form) -> Response:
    """Upload a recording: filler music for the pool, or one to air instead of a script's speech."""
    if text(form, "purpose") == "filler":
        return _upload_filler(request, session, user, form)
    return _upload_for_script(request, session, user, form)


def _upload_filler(request: Request, session: SessionDep, user: User, form: Form) -> Response:
    lang = lang_of(request)
    if user.role not in (Role.editor, Role.admin):
        raise PageForbidden("err_role", roles="editor, admin")
    values = {"title": text(form, "title").strip()}
    upload = _file(form)
    if upload is None:
        return _library(request, session, user, values=values,
                        errors={"file": translate("err_choose_file", lang)}, status_code=422)
    station = station_service.get(session, station_id_of(session, user))
    try:
        recording, _ = _ingest(session, station, upload, title=values["title"], is_filler=True, user=user)
    except LoaError as exc:
        return _library(request, session, user, values=values, errors={"file": error_text(exc, lang)},
                        status_code=422)
    request.session["flash"] = translate("msg_filler_added", lang, title=recording.title)
    return RedirectResponse("/app/recordings", status_code=303)


def _upload_for_script(request: Request, session: SessionDep, user: User, form: Form) -> Response:
    lang = lang_of(request)
    if user.role not in (Role.officer, Role.editor):
        raise PageForbidden("err_role", roles="officer, editor")
    values: dict[str, Any] = script_values(form)
    token = text(form, once.FIELD)
    script_id = form_id(text(form, "script_id"))
    script = script_service.get(session, script_id, user) if script_id is not None else None
    station = station_service.get(session, script.station_id if script else station_id_of(session, user))
    if text(form, "action") == "detach":
        values["recording_id"] = ""
        return _back_to_editor(session, user, script, token, values)
    upload = _file(form)
    if upload is None:
        return editor_page(request, session, user, values=values, script=script, status_code=422,
                           form_token=token, errors={"recording": translate("err_choose_file", lang)})
    # A take from the page's recorder (static/recorder.js) is an announcer's voice: cleaned first.
    voice = text(form, "voice") == "1"
    title = values["title"].strip() or (translate("rec_voice_name", lang) if voice
                                         else Path(upload.filename or "").stem)
    try:
        recording, cleaned = _ingest(session, station, upload, title=title, is_filler=False, user=user, voice=voice)
    except LoaError as exc:
        return editor_page(request, session, user, values=values, script=script, status_code=422,
                           form_token=token, errors={"recording": error_text(exc, lang)})
    values["recording_id"] = str(recording.id)
    request.session["flash"] = (_voice_kept(recording, cleaned, lang) if cleaned is not None
                                else translate("msg_recording_attached", lang))
    return _back_to_editor(session, user, script, token, values)


def _voice_kept(recording: Recording, cleaned: CleanedVoice, lang: str) -> str:
    """What the server did to the take, in words the officer can check by listening."""
    def seconds(ms: int) -> str:
        shown = f"{ms / 1000:.1f}"
        return shown.replace(".", ",") if lang != "en" else shown

    return translate("msg_voice_kept", lang, length=duration(recording.duration_ms),
                     lead=seconds(cleaned.lead_trimmed_ms), tail=seconds(cleaned.tail_trimmed_ms),
                     noise=translate("msg_voice_denoised", lang) if cleaned.noise_reduced else "")


def _back_to_editor(session: SessionDep, user: User, script: Script | None, token: str,
                    values: dict[str, Any]) -> Response:
    """Post/Redirect/Get: the typed form is kept with its token, so reloading the editor never
    uploads the file again."""
    kept = once.keep_draft(session, user, editor_purpose(script), token, values)
    return RedirectResponse(f"{editor_url(script)}?form={kept}", status_code=303)


@router.get("/{recording_id}/audio")
def recording_audio(session: SessionDep, user: StationStaff, recording_id: Id) -> Response:
    """The loudness-matched copy (WAV) of one of the station's recordings, for the page's player."""
    try:
        recording = recording_service.get(session, recording_id, user)
    except RecordingNotFound as exc:
        raise PageForbidden("err_no_recording", status_code=404) from exc
    return FileResponse(storage().path(recording.audio_key), media_type="audio/wav",
                        filename=f"recording-{recording.id}.wav")
