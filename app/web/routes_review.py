"""Editor pages: the approval queue; approve with priority, reject with reason, withdraw."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy import select
from starlette.responses import Response

from app.deps import SessionDep
from app.fields import Id, form_id
from app.models import Priority, Recording, Script, ScriptStatus
from app.scripts import service as script_service
from app.scripts.schemas import Approval, Rejection
from app.web.deps import EditorPage, Form, lang_of
from app.web.emergencies import emergency_banner
from app.web.forms import text
from app.web.i18n import translate
from app.web.render import render
from app.web.routes_scripts import act, station_id_of

router = APIRouter(prefix="/app", include_in_schema=False)
PRIORITIES = {p.value for p in Priority}


def queue_order(script: Script) -> tuple[bool, object]:
    """Emergencies on top, then oldest first (by when it was last changed or submitted)."""
    return (script.priority != Priority.emergency, script.updated_at)


@router.get("/review")
def review_queue(request: Request, session: SessionDep, user: EditorPage) -> Response:
    """Scripts waiting for approval, and the approved ones that are on air."""
    station_id = station_id_of(session, user)
    waiting = sorted(session.scalars(script_service.query(station_id=station_id,
                                                           status=ScriptStatus.submitted)),
                     key=queue_order)
    on_air = list(session.scalars(script_service.query(station_id=station_id,
                                                       status=ScriptStatus.approved)))
    wanted = {s.recording_id for s in waiting + on_air if s.recording_id is not None}
    recordings = {r.id: r for r in session.scalars(select(Recording).where(
        Recording.id.in_(wanted), Recording.station_id == station_id))} if wanted else {}
    return render(request, "review.html", {"waiting": waiting, "on_air": on_air,
                                           "recordings": recordings, **emergency_banner(session, user)}, user=user)


def _version(form: Form) -> int | None:
    return form_id(text(form, "version"))


@router.post("/scripts/{script_id}/approve")
def approve(request: Request, session: SessionDep, user: EditorPage, form: Form, script_id: Id) -> Response:
    raw = text(form, "priority")
    approval = Approval(version=_version(form), priority=Priority(raw) if raw in PRIORITIES else None)
    return act(request, session, user, script_id,
               lambda s: script_service.approve(session, s, approval, user=user), "msg_approved")


@router.post("/scripts/{script_id}/reject")
def reject(request: Request, session: SessionDep, user: EditorPage, form: Form, script_id: Id) -> Response:
    script_service.get(session, script_id, user)  # another station's script: 404 before anything else
    try:
        rejection = Rejection(reason=text(form, "reason"), version=_version(form))
    except ValidationError:
        request.session["flash_error"] = translate("err_reason_required", lang_of(request))
        return RedirectResponse(f"/app/scripts/{script_id}#reject", status_code=303)
    return act(request, session, user, script_id, lambda s: script_service.reject(
        session, s, rejection.reason, user=user, version=rejection.version), "msg_rejected")


@router.post("/scripts/{script_id}/withdraw")
def withdraw(request: Request, session: SessionDep, user: EditorPage, form: Form, script_id: Id) -> Response:
    return act(request, session, user, script_id, lambda s: script_service.withdraw(
        session, s, user=user, version=_version(form)), "msg_withdrawn")
