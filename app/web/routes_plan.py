"""The month's propaganda plan: editors and admins keep its themes; officers read it; everyone on
the page sees what aired per theme and which themes have nothing yet."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from app.deps import SessionDep, WritesOnRead
from app.errors import LoaError
from app.fields import Id
from app.models import Role, User
from app.plans import service as plan_service
from app.plans.schemas import ThemeCreate, ThemeUpdate
from app.scripts import service as script_service
from app.stations import service as station_service
from app.web import once
from app.web.deps import Form, lang_of, web_roles
from app.web.forms import FORM_LEVEL, build, text
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app/plan", include_in_schema=False)
PlanReader = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin))]
PlanEditor = Annotated[User, Depends(web_roles(Role.editor, Role.admin))]
NEW_THEME = "new_theme"
THEME_FIELDS = ("kind", "title", "starts_on", "ends_on", "sources", "target_bulletins")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _shift(month: str, by: int) -> str:
    first = date.fromisoformat(f"{month}-01")
    moved = (first + timedelta(days=32 * by)).replace(day=1) if by > 0 else (first - timedelta(days=1)).replace(day=1)
    return moved.strftime("%Y-%m")


def _page(request: Request, session: SessionDep, user: User, month: str, *, values: dict[str, Any] | None = None,
          errors: dict[str, str] | None = None, token: str = "", status_code: int = 200) -> Response:
    station_id = station_id_of(session, user)
    plan = plan_service.month_plan(session, station_id, month)
    can_edit = user.role in (Role.editor, Role.admin)
    if can_edit and (not token or once.usable(session, user, NEW_THEME, token) is None):
        token = once.issue(session, user, NEW_THEME)
    first, last = plan_service.month_bounds(month)
    return render(request, "plan.html", {
        "plan": plan, "month": month, "month_label": first.strftime("%m/%Y"), "can_edit": can_edit,
        "prev_month": _shift(month, -1), "next_month": _shift(month, 1),
        "gaps": [f.theme.title for f in plan.themes if f.gap],
        "values": values or {"kind": "theme", "title": "", "starts_on": "", "ends_on": "", "sources": "",
                              "target_bulletins": "0"},
        "errors": errors or {}, "form_token": token, "first": first, "last": last,
    }, user=user, status_code=status_code)


def _this_month(session: SessionDep, user: User) -> str:
    station = station_service.get(session, station_id_of(session, user))
    return script_service.station_today(station).strftime("%Y-%m")


@router.get("", dependencies=[WritesOnRead])  # it issues the add form's one-time token
def plan_page(request: Request, session: SessionDep, user: PlanReader, month: str = "") -> Response:
    """The month's themes and commemorations with what aired on each, and the gaps."""
    if month and not _MONTH.match(month):
        request.session["flash_error"] = translate("err_month", lang_of(request))
        return RedirectResponse("/app/plan", status_code=303)
    return _page(request, session, user, month or _this_month(session, user))


def _theme_values(form: Form) -> dict[str, str]:
    return {name: text(form, name).strip() if name != "sources" else text(form, name) for name in THEME_FIELDS}


def _payload(values: dict[str, str], *, clear_dates: bool = False) -> dict[str, Any]:
    """Blank fields are left out (the schema names the required ones); on an edit, blank dates clear."""
    out: dict[str, Any] = {k: v for k, v in values.items() if v != "" and k != "sources"}
    out["sources"] = values["sources"]
    if clear_dates:
        out.setdefault("starts_on", None)
        out.setdefault("ends_on", None)
    return out


@router.post("/themes")
def add_theme(request: Request, session: SessionDep, user: PlanEditor, form: Form) -> Response:
    lang = lang_of(request)
    month = text(form, "month")
    if not _MONTH.match(month):
        month = _this_month(session, user)
    token = text(form, once.FIELD)
    if (first := once.first_result(request, session, user, NEW_THEME, token)) is not None:
        return first
    values = _theme_values(form)
    data, errors = build(ThemeCreate, {**_payload(values), "month": month}, lang)
    if errors:
        return _page(request, session, user, month, values=values, errors=errors, token=token, status_code=422)
    url = f"/app/plan?month={month}"
    try:
        with session.begin_nested():
            once.take(session, user, NEW_THEME, token)
            plan_service.create(session, station_id_of(session, user), data, user=user)
            once.finish(session, token, url)
    except once.AlreadyPosted as posted:
        return once.replayed(request, posted) or RedirectResponse(url, status_code=303)
    except LoaError as exc:
        return _page(request, session, user, month, values=values, errors={FORM_LEVEL: error_text(exc, lang)},
                     token=token, status_code=exc.status_code)
    request.session["flash"] = translate("msg_theme_added", lang)
    return RedirectResponse(url, status_code=303)


@router.post("/themes/{theme_id}")
def edit_theme(request: Request, session: SessionDep, user: PlanEditor, form: Form, theme_id: Id) -> Response:
    lang = lang_of(request)
    theme = plan_service.get(session, theme_id, user)
    url = f"/app/plan?month={theme.month:%Y-%m}#theme-{theme.id}"
    data, errors = build(ThemeUpdate, _payload(_theme_values(form), clear_dates=True), lang)
    try:
        if errors:
            raise LoaError("; ".join(f"{translate('theme_' + k, lang) if k != FORM_LEVEL else ''} {v}".strip()
                                     for k, v in errors.items()))
        with session.begin_nested():
            plan_service.update(session, theme, data, user=user)
    except LoaError as exc:
        request.session["flash_error"] = error_text(exc, lang)
        return RedirectResponse(url, status_code=303)
    request.session["flash"] = translate("msg_theme_saved", lang)
    return RedirectResponse(url, status_code=303)


@router.post("/themes/{theme_id}/delete")
def delete_theme(request: Request, session: SessionDep, user: PlanEditor, theme_id: Id) -> Response:
    theme = plan_service.get(session, theme_id, user)
    month = f"{theme.month:%Y-%m}"
    plan_service.delete(session, theme, user=user)
    request.session["flash"] = translate("msg_theme_deleted", lang_of(request))
    return RedirectResponse(f"/app/plan?month={month}", status_code=303)
