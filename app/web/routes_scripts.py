"""Officer pages: my scripts by status, the script editor, submit and resubmit."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from app import access
from app.audit import service as audit_service
from app.deps import SessionDep, WritesOnRead
from app.errors import LoaError
from app.fields import Id, form_id
from app.models import Recording, Role, Script, ScriptStatus, Theme, User
from app.plans import service as plan_service
from app.scripts import service as script_service
from app.scripts.schemas import MAX_BODY_CHARS, ScriptCreate, ScriptUpdate
from app.speech.audio import audio_settings
from app.stations import service as station_service
from app.web import once
from app.web.deps import Form, OfficerOrEditor, PageForbidden, lang_of, web_roles
from app.web.diff import changes_since_review
from app.web.forms import FORM_LEVEL, build, loa_error_field, script_payload, script_values, text
from app.web.history import script_airings
from app.web.i18n import translate
from app.web.recurrence_form import REPEAT_CHOICES, fields_of
from app.web.render import error_text, render
from scheduler.recurrence import WEEKDAYS, describe

router = APIRouter(prefix="/app/scripts", include_in_schema=False)

STATUS_ORDER = (ScriptStatus.rejected, ScriptStatus.draft, ScriptStatus.submitted,
                ScriptStatus.approved, ScriptStatus.withdrawn, ScriptStatus.archived)

ScriptReader = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin))]


def station_id_of(session: SessionDep, user: User) -> int:
    """The station the pages work in: the user's own; the installation's admin works on the first."""
    if user.station_id is not None:
        return user.station_id
    if not access.is_installation_admin(user):
        raise PageForbidden("err_account_no_station")
    stations = station_service.list_stations(session, user)
    if not stations:
        raise PageForbidden("err_no_station")
    return stations[0].id


def _choices(session: SessionDep, station_id: int) -> dict[str, Any]:
    station = station_service.get(session, station_id, with_children=True)
    return {"station": station, "slots": station.slots, "areas": station.areas,
            "topics": station_service.topics(session, station_id),
            "themes": plan_service.themes_around(session, station_id, script_service.station_today(station)),
            "weekdays": WEEKDAYS, "repeat_choices": REPEAT_CHOICES, "max_body": MAX_BODY_CHARS}


def editor_purpose(script: Script | None) -> str:
    """What a form token of the editor is for: a new script, or editing this one."""
    return f"edit:{script.id}" if script else "new_script"


def editor_url(script: Script | None) -> str:
    return f"/app/scripts/{script.id}/edit" if script else "/app/scripts/new"


def editor_page(request: Request, session: SessionDep, user: User, *, values: dict[str, Any],
                errors: dict[str, str], script: Script | None, form_token: str | None = None,
                typed: bool = False, status_code: int = 200) -> Response:
    """The script editor with what the user typed (and the recording they attached, if any).

    It keeps the form's one-time token while that is unused, so a corrected form still acts once.
    `typed` (or errors) says the values come from the user's last post: newer than any draft the
    browser kept, which the page must then not restore over them.
    """
    station_id = script.station_id if script else station_id_of(session, user)
    purpose = editor_purpose(script)
    if not form_token or once.usable(session, user, purpose, form_token) is None:
        form_token = once.issue(session, user, purpose)
    return render(request, "script_form.html", {
        **_choices(session, station_id), "values": values, "errors": errors, "script": script,
        "recording": attachable_recording(session, station_id, values.get("recording_id")),
        "form_token": form_token, "draft_key": draft_key(user, editor_url(script)),
        "typed": typed or bool(errors), "voice_limit_s": int(audio_settings().max_voice_recording_seconds),
    }, user=user, status_code=status_code)


def draft_key(user: User, form_url: str) -> str:
    """Where the page's script keeps the typed text in the browser (per user and form)."""
    return f"loa-draft:{user.id}:{form_url}"


def _saved(request: Request, user: User, script: Script | None, target: Script) -> Response:
    """After a save: the browser may forget its draft of this form."""
    request.session["draft_done"] = draft_key(user, editor_url(script))
    _flash(request, "msg_submitted" if target.status == ScriptStatus.submitted else "msg_saved")
    return RedirectResponse(f"/app/scripts/{target.id}", status_code=303)


def _draft_values(session: SessionDep, user: User, script: Script | None, token: str) -> dict[str, Any] | None:
    """What the user typed before a redirect (kept with the form's token), or None."""
    row = once.usable(session, user, editor_purpose(script), token) if token else None
    return dict(row.draft) if row is not None and row.draft else None


def attachable_recording(session: SessionDep, station_id: int, raw_id: object) -> Recording | None:
    """The station's recording with this id, or None (blank, unknown, or another station's)."""
    recording_id = form_id(raw_id)
    if recording_id is None:
        return None
    recording = session.get(Recording, recording_id)
    return recording if recording is not None and recording.station_id == station_id else None


def _recording_error(session: SessionDep, station_id: int, values: dict[str, Any], lang: str) -> dict[str, str]:
    if values.get("recording_id") and attachable_recording(session, station_id, values["recording_id"]) is None:
        return {"recording": translate("err_no_recording", lang)}
    return {}


def _values_of(script: Script) -> dict[str, Any]:
    return {
        "title": script.title, "body": script.body, "topic": script.topic.code,
        "source_ref": script.source_ref, "priority": script.priority.value,
        "air_from": script.air_from.isoformat(), "air_until": script.air_until.isoformat(),
        "airings_target": str(script.airings_target), "slots": [s.name for s in script.slots],
        "area_ids": [str(a.id) for a in script.areas],
        "recording_id": str(script.recording_id) if script.recording_id else "",
        "theme_id": str(script.theme_id) if script.theme_id else "", **fields_of(script.recurrence),
    }


def _flash(request: Request, key: str, **params: Any) -> None:
    request.session["flash"] = translate(key, lang_of(request), **params)


@router.get("")
def my_scripts(request: Request, session: SessionDep, user: OfficerOrEditor) -> Response:
    """My scripts, grouped by status: what needs my attention first."""
    mine = list(session.scalars(script_service.query(visible_to=user, author_id=user.id)))
    groups = [(status, [s for s in mine if s.status == status]) for status in STATUS_ORDER]
    return render(request, "my_scripts.html", {"groups": [g for g in groups if g[1]]}, user=user)


@router.get("/new", dependencies=[WritesOnRead])
def new_script(request: Request, session: SessionDep, user: OfficerOrEditor, form: str = "") -> Response:
    """A blank script form (or the one being typed, after attaching a recording)."""
    if (elsewhere := once.form_address(request, session, user, editor_purpose(None), form,
                                       editor_url(None))) is not None:
        return elsewhere
    values = _draft_values(session, user, None, form)
    typed = values is not None
    if values is None:
        station = station_service.get(session, station_id_of(session, user))
        today = script_service.station_today(station)
        values = {"title": "", "body": "", "topic": "", "source_ref": "", "priority": "normal",
                  "air_from": today.isoformat(), "air_until": (today + timedelta(days=7)).isoformat(),
                  "airings_target": "1", "slots": [], "area_ids": [], "recording_id": "", "theme_id": "",
                  **fields_of(None)}
    return editor_page(request, session, user, values=values, errors={}, script=None, form_token=form,
                       typed=typed)


def _save_failed(request: Request, session: SessionDep, user: User, values: dict[str, Any],
                 errors: dict[str, str], script: Script | None, form_token: str) -> Response:
    return editor_page(request, session, user, values=values, errors=errors, script=script,
                        form_token=form_token, status_code=422)


def _stale_form(request: Request, session: SessionDep, user: User, values: dict[str, Any],
                script: Script | None) -> Response:
    """A form whose token is unknown (too old, or from before a restart of the page): nothing was
    saved; the user checks the form and posts it again with a fresh token."""
    return _save_failed(request, session, user, values,
                        {FORM_LEVEL: translate("err_form_stale", lang_of(request))}, script, "")


@router.post("/new")
def create_script(request: Request, session: SessionDep, user: OfficerOrEditor, form: Form) -> Response:
    lang = lang_of(request)
    values = script_values(form)
    token = text(form, once.FIELD)
    if (first := once.first_result(request, session, user, editor_purpose(None), token)) is not None:
        return first
    payload, repeat_errors = script_payload(values, lang)
    payload["station_id"] = station_id_of(session, user)
    data, errors = build(ScriptCreate, payload, lang)
    errors.update(repeat_errors)
    errors.update(_recording_error(session, payload["station_id"], values, lang))
    if errors:
        return _save_failed(request, session, user, values, errors, None, token)
    try:
        with session.begin_nested():
            once.take(session, user, editor_purpose(None), token)
            script = script_service.create(session, data, author=user)
            if text(form, "action") == "submit":
                script_service.submit(session, script, user=user)
            once.finish(session, token, f"/app/scripts/{script.id}")
    except once.AlreadyPosted as posted:
        return once.replayed(request, posted) or _stale_form(request, session, user, values, None)
    except LoaError as exc:
        return _save_failed(request, session, user, values,
                            {loa_error_field(exc): error_text(exc, lang)}, None, token)
    return _saved(request, user, None, script)


@router.get("/{script_id}")
def show_script(request: Request, session: SessionDep, user: ScriptReader, script_id: Id) -> Response:
    """One script: its text, status, rejection reason, changes and history, with the actions."""
    script = script_service.get(session, script_id, user)
    lang = lang_of(request)
    review = changes_since_review(session, script, lang) if script.status == ScriptStatus.submitted else None
    # Oldest first, so the numbers read as the script's story: 1 is its creation.
    history = list(reversed(list(session.scalars(
        audit_service.query(entity_type="script", entity_id=script.id).limit(200)))))
    return render(request, "script_show.html", {
        "script": script, "review": review, "history": history,
        "airings": script_airings(session, script.id),
        "theme": session.get(Theme, script.theme_id) if script.theme_id else None,
        "recurs": describe(script.recurrence, lang) if script.recurrence else None,
        "can_set_theme": user.role in (Role.officer, Role.editor) and script_service.may_set_theme(script, user),
        "recording": attachable_recording(session, script.station_id, script.recording_id),
        "can_edit": script_service.may_edit(script, user),
        "can_submit": script.author_id == user.id
        and script.status in (ScriptStatus.draft, ScriptStatus.rejected),
        "can_review": user.role == Role.editor and script.author_id != user.id
        and script.status == ScriptStatus.submitted,
        "own_submitted": user.role == Role.editor and script.author_id == user.id
        and script.status == ScriptStatus.submitted,
        "can_withdraw": user.role == Role.editor and script.status == ScriptStatus.approved,
        **_choices(session, script.station_id),
    }, user=user)


@router.get("/{script_id}/edit", dependencies=[WritesOnRead])
def edit_script(request: Request, session: SessionDep, user: OfficerOrEditor, script_id: Id,
                form: str = "") -> Response:
    """The script's form with its saved values (or the ones being typed, after attaching a recording);
    someone else's script, or one past editing, opens read-only instead."""
    script = script_service.get(session, script_id, user)
    if not script_service.may_edit(script, user):
        return RedirectResponse(f"/app/scripts/{script.id}", status_code=303)
    if (elsewhere := once.form_address(request, session, user, editor_purpose(script), form,
                                       editor_url(script))) is not None:
        return elsewhere
    typed = _draft_values(session, user, script, form)
    return editor_page(request, session, user, values=typed or _values_of(script), errors={}, script=script,
                       form_token=form, typed=typed is not None)


@router.post("/{script_id}/edit")
def update_script(request: Request, session: SessionDep, user: OfficerOrEditor, form: Form,
                  script_id: Id) -> Response:
    lang = lang_of(request)
    script = script_service.get(session, script_id, user)
    values = script_values(form)
    token, purpose = text(form, once.FIELD), editor_purpose(script)
    if (first := once.first_result(request, session, user, purpose, token)) is not None:
        return first
    payload, repeat_errors = script_payload(values, lang)
    data, errors = build(ScriptUpdate, {**payload, "version": text(form, "version")}, lang)
    errors.update(repeat_errors)
    errors.update(_recording_error(session, script.station_id, values, lang))
    if errors:
        return _save_failed(request, session, user, values, errors, script, token)
    try:
        with session.begin_nested():
            once.take(session, user, purpose, token)
            script_service.update(session, script, data, user=user)
            if text(form, "action") == "submit" and script.status in (ScriptStatus.draft,
                                                                      ScriptStatus.rejected):
                script_service.submit(session, script, user=user)
            once.finish(session, token, f"/app/scripts/{script.id}")
    except once.AlreadyPosted as posted:
        script = script_service.get(session, script_id, user)
        return once.replayed(request, posted) or _stale_form(request, session, user, values, script)
    except LoaError as exc:
        script = script_service.get(session, script_id, user)
        return _save_failed(request, session, user, values,
                            {loa_error_field(exc): error_text(exc, lang)}, script, token)
    return _saved(request, user, script, script)


def act(request: Request, session: SessionDep, user: User, script_id: int, action: Any,
        ok_key: str) -> Response:
    """Run one workflow action on a script the user may see; a refusal comes back as a message
    on the script's page."""
    script = script_service.get(session, script_id, user)  # another station's: 404, not a message
    try:
        with session.begin_nested():
            action(script)
    except LoaError as exc:
        request.session["flash_error"] = error_text(exc, lang_of(request))
        return RedirectResponse(f"/app/scripts/{script_id}", status_code=303)
    _flash(request, ok_key)
    return RedirectResponse(f"/app/scripts/{script_id}", status_code=303)


@router.post("/{script_id}/submit")
def submit_script(request: Request, session: SessionDep, user: OfficerOrEditor, form: Form,
                  script_id: Id) -> Response:
    version = text(form, "version")
    return act(request, session, user, script_id, lambda s: script_service.submit(
        session, s, user=user, version=form_id(version)), "msg_submitted")



@router.post("/{script_id}/theme")
def set_theme(request: Request, session: SessionDep, user: OfficerOrEditor, form: Form,
              script_id: Id) -> Response:
    """File the script under a theme of the plan (its author while editable; an editor any time)."""
    theme_id = form_id(text(form, "theme_id"))
    return act(request, session, user, script_id, lambda s: script_service.set_theme(
        session, s, theme_id, user=user), "msg_theme_set")
