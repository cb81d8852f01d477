"""Home page, sign in, sign out, change password, language switch."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.responses import Response

from app.auth import service as auth_service
from app.deps import OrganisationWrites, SessionDep
from app.errors import LoaError
from app.models import Role, User
from app.organisations.tree import is_organisation_user
from app.stations import service as station_service
from app.web.deps import Form, MaybeUser, WebUser, lang_of, sign_in, sign_out
from app.web.forms import text
from app.web.i18n import LANGS, translate
from app.web.render import error_text, render

router = APIRouter(include_in_schema=False)

HOME_OF_ROLE = {Role.officer: "/app/scripts", Role.editor: "/app/review",
                Role.admin: "/app/admin", Role.leader: "/app/area"}


def home_of(user: User) -> str:
    """Where a user lands: a province or district account on its bulletins sent down."""
    return "/app/bulletins" if is_organisation_user(user) else HOME_OF_ROLE[user.role]


def safe_next(target: str | None) -> str:
    """Only a path on this site: never redirect a signed-in user to another host."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return ""
    parts = urlsplit(target)
    return target if not parts.netloc and not parts.scheme else ""


def _demo_accounts(session: SessionDep) -> list[tuple[str, Role]]:
    from app.demo import DEMO_USERS

    names = [name for name, *_ in DEMO_USERS]
    found = session.scalars(select(User).where(User.username.in_(names), User.is_active.is_(True)))
    by_name = {u.username: u.role for u in found}
    return [(name, by_name[name]) for name in names if name in by_name]


@router.get("/")
def home(request: Request, session: SessionDep, user: MaybeUser) -> Response:
    """Where to sign in, the demo accounts, and the stations' public pages."""
    return render(request, "home.html", {
        "stations": station_service.list_stations(session),
        "demo_accounts": _demo_accounts(session),
    }, user=user)


@router.get("/app")
def app_home(user: WebUser) -> Response:
    return RedirectResponse(home_of(user), status_code=303)


@router.get("/login")
def login_page(request: Request, user: MaybeUser,
               next_url: Annotated[str, Query(alias="next")] = "") -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next_url) or home_of(user), status_code=303)
    return render(request, "login.html", {"next": safe_next(next_url), "username": ""})


@router.post("/login")
def login(request: Request, session: SessionDep, form: Form) -> Response:
    username, password = text(form, "username"), text(form, "password")
    next_url = safe_next(text(form, "next"))
    address = request.client.host if request.client else ""
    try:
        user = auth_service.login_or_raise(session, username, password, address)
    except LoaError as exc:
        page = render(request, "login.html", {
            "next": next_url, "username": username, "error": error_text(exc, lang_of(request)),
        }, status_code=exc.status_code)
        page.headers.update(exc.response_headers() or {})
        return page
    sign_in(request, session, user)
    return RedirectResponse(next_url or home_of(user), status_code=303)


@router.post("/logout")
def logout(request: Request, session: SessionDep, _form: Form) -> Response:
    lang = request.session.get("lang")
    sign_out(request, session)
    if lang:
        request.session["lang"] = lang
    return RedirectResponse("/", status_code=303)


@router.get("/account/password")
def password_page(request: Request, user: WebUser) -> Response:
    return render(request, "password.html", {}, user=user)


@router.post("/account/password", dependencies=[OrganisationWrites])  # one's own password
def change_password(request: Request, session: SessionDep, user: WebUser, form: Form) -> Response:
    lang = lang_of(request)
    new, again = text(form, "new_password"), text(form, "new_password_again")
    errors: dict[str, str] = {}
    if new != again:
        errors["new_password_again"] = translate("err_password_mismatch", lang)
    else:
        try:
            auth_service.change_password(session, user, text(form, "current_password"), new)
        except LoaError as exc:
            field = "current_password" if exc.status_code == 401 else "new_password"
            errors[field] = error_text(exc, lang)
    if errors:
        return render(request, "password.html", {"errors": errors}, user=user, status_code=422)
    session.flush()
    sign_in(request, session, user)  # the password change ended every sign-in: this one goes on
    request.session["flash"] = translate("msg_password_changed", lang)
    return RedirectResponse(home_of(user), status_code=303)


@router.get("/lang/{code}")
def switch_language(request: Request, code: str,
                    next_url: Annotated[str, Query(alias="next")] = "/") -> Response:
    """Only a display preference: a link is enough, no form needed."""
    if code in LANGS:
        request.session["lang"] = code
    return RedirectResponse(safe_next(next_url) or "/", status_code=303)
