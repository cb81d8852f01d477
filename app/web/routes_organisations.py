"""/app/organisations: the province, its districts and their stations; built by the installation's
admin, read by the province's and districts' accounts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel
from starlette.responses import Response

from app import access
from app.deps import SessionDep
from app.errors import LoaError
from app.models import Station, User
from app.organisations import service
from app.organisations.exceptions import OrganisationNotFound
from app.organisations.schemas import OrganisationCreate, StationAssignment
from app.organisations.tree import is_organisation_user
from app.stations import service as station_service
from app.web.deps import Form, PageForbidden, WebUser, lang_of
from app.web.forms import build, text
from app.web.i18n import translate
from app.web.render import error_text, render

router = APIRouter(prefix="/app/organisations", include_in_schema=False)


def _reader(user: User) -> User:
    if not (access.is_installation_admin(user) or is_organisation_user(user)):
        raise PageForbidden("err_organisations_only")
    return user


def _builder(user: User) -> User:
    if not access.is_installation_admin(user):
        raise PageForbidden("err_organisations_only")
    return user


def _page(request: Request, session: SessionDep, user: User, *, status_code: int = 200, **extra: Any) -> Response:
    admin = access.is_installation_admin(user)
    ctx: dict[str, Any] = {
        "trees": [service.tree(session, root) for root in service.roots(session, user)],
        "may_build": admin, "errors": {}, "values": {}, **extra,
    }
    if admin:
        ctx.update(unassigned=service.unassigned_stations(session),
                   organisations=service.list_organisations(session, user),
                   stations=station_service.list_stations(session, user))
    else:
        own = service.get(session, user.organisation_id, user) if user.organisation_id else None
        ctx.update(own_name=own.name if own else "")
    return render(request, "organisations.html", ctx, user=user, status_code=status_code)


@router.get("")
def organisations_page(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The tree of organisations and their stations."""
    return _page(request, session, _reader(user))


def _apply(request: Request, session: SessionDep, user: User, section: str, schema: type[BaseModel],
           payload: dict[str, Any], action: Any) -> Response:
    lang = lang_of(request)
    data, errors = build(schema, payload, lang)
    if not errors:
        try:
            with session.begin_nested():
                action(data)
        except LoaError as exc:
            errors = {"_form": error_text(exc, lang)}
    if errors:
        return _page(request, session, user, errors={section: errors}, values={section: payload},
                     status_code=422)
    request.session["flash"] = translate("msg_saved", lang)
    return RedirectResponse(f"/app/organisations#{section}", status_code=303)


@router.post("")
def create_organisation(request: Request, session: SessionDep, user: WebUser, form: Form) -> Response:
    """Add a province, or a district under a province (the installation's admin)."""
    _builder(user)
    payload = {"name": text(form, "name"), "kind": text(form, "kind"),
               **({"parent_id": text(form, "parent_id")} if text(form, "parent_id") else {})}
    return _apply(request, session, user, "create", OrganisationCreate, payload,
                  lambda d: service.create(session, d, actor=user))


@router.post("/assign")
def assign_station(request: Request, session: SessionDep, user: WebUser, form: Form) -> Response:
    """Place a station under a province or district (the installation's admin)."""
    _builder(user)
    organisation_id = text(form, "organisation_id")
    payload = {"station_id": text(form, "station_id"), "organisation_id": organisation_id}

    def place(data: StationAssignment) -> None:
        if not organisation_id.isdigit():
            raise OrganisationNotFound(organisation_id or "—")
        organisation = service.get(session, int(organisation_id), user)
        service.assign(session, access.get_for(session, Station, data.station_id, user), organisation, actor=user)

    return _apply(request, session, user, "assign", StationAssignment, payload, place)
