"""Officer pages: upload an official letter (.docx, .pdf) and continue in the script editor with
what it says. The upload route ends in `/letters`: the body size limit lets files through there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile
from starlette.responses import Response

from app.deps import SessionDep
from app.errors import LoaError
from app.letters import service as letter_service
from app.models import User
from app.scripts import service as script_service
from app.stations import service as station_service
from app.text import upload_filename
from app.web import once
from app.web.deps import Form, OfficerOrEditor, lang_of
from app.web.i18n import translate
from app.web.recurrence_form import fields_of
from app.web.render import error_text, render
from app.web.routes_scripts import editor_purpose, editor_url, station_id_of

router = APIRouter(prefix="/app/letters", include_in_schema=False)


def _page(request: Request, user: User, error: str | None = None, status_code: int = 200) -> Response:
    return render(request, "letter_import.html", {"error": error}, user=user, status_code=status_code)


@router.get("")
def letter_form(request: Request, user: OfficerOrEditor) -> Response:
    """The form to upload a letter."""
    return _page(request, user)


@router.post("")
def read_letter(request: Request, session: SessionDep, user: OfficerOrEditor, form: Form) -> Response:
    """Read the letter into a new script's form (nothing is saved until the officer saves it)."""
    lang = lang_of(request)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, user, translate("err_choose_letter", lang), status_code=422)
    name = upload_filename(upload.filename)
    try:
        draft = letter_service.read_upload(name, upload.file)
    except LoaError as exc:
        return _page(request, user, error_text(exc, lang), status_code=exc.status_code)
    station = station_service.get(session, station_id_of(session, user))
    today = script_service.station_today(station)
    from_day = max(today, draft.source_date) if draft.source_date else today
    values = {"title": draft.title, "body": draft.body, "topic": "", "source_ref": draft.source_ref,
              "priority": "normal", "air_from": from_day.isoformat(),
              "air_until": (from_day + timedelta(days=7)).isoformat(),
              "airings_target": "1", "slots": [], "area_ids": [], "recording_id": "", "theme_id": "",
              **fields_of(None)}
    token = once.issue(session, user, editor_purpose(None), draft=values)
    notes = " ".join(draft.notes)
    request.session["flash"] = translate("msg_letter_read", lang, name=Path(name).name) + (f" {notes}" if notes else "")
    return RedirectResponse(f"{editor_url(None)}?form={token}", status_code=303)
