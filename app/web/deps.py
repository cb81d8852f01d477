"""Who is signed in to the web pages, what language they read, and the CSRF check."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from app.auth import sessions
from app.deps import SessionDep, refuse_organisation_writes
from app.models import Role, User
from app.web.i18n import DEFAULT_LANG, LANGS
from app.web.session import csrf_valid


class LoginRequired(Exception):
    """Not signed in (or the session is stale): the handler redirects to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class PageForbidden(Exception):
    """Signed in, but this page is for another role; rendered as a page, not JSON."""

    def __init__(self, message_key: str, *, status_code: int = 403, **params: Any) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.status_code = status_code
        self.params = params


class CsrfRejected(Exception):
    """A form was posted without this session's token (forged, or the page is too old)."""


def lang_of(request: Request) -> str:
    lang = request.session.get("lang")
    return lang if lang in LANGS else DEFAULT_LANG


def sign_in(request: Request, session: Session, user: User) -> None:
    """Start a fresh session for this user (a new CSRF token too), keeping the language."""
    lang = request.session.get("lang")
    sign_out(request, session)
    request.session.update({"sid": sessions.start_web_session(session, user)})
    if lang:
        request.session["lang"] = lang


def sign_out(request: Request, session: Session) -> None:
    """End this browser's session on the server too: a copy of its cookie stops working."""
    session_id = request.session.get("sid")
    if isinstance(session_id, str):
        sessions.end_web_session(session, session_id)
    request.session.clear()


def optional_user(request: Request, session: SessionDep) -> User | None:
    session_id = request.session.get("sid")
    if not isinstance(session_id, str):
        return None
    user = sessions.web_session_user(session, session_id)
    if user is None:  # signed out, expired, or ended by a password, role or active-flag change
        request.session.pop("sid", None)
    return user


MaybeUser = Annotated[User | None, Depends(optional_user)]


def return_to(request: Request) -> str:
    """Where to come back after signing in: the page asked for, or for a post (a form, the
    preview) the page it was sent from, so the user lands where their typed text is."""
    if request.method not in ("GET", "HEAD"):
        referer = urlsplit(request.headers.get("referer", ""))
        if referer.netloc == request.url.netloc and referer.path.startswith("/"):
            return referer.path + (f"?{referer.query}" if referer.query else "")
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def web_user(request: Request, user: MaybeUser) -> User:
    if user is None:
        raise LoginRequired(return_to(request))
    refuse_organisation_writes(request, user)
    return user


WebUser = Annotated[User, Depends(web_user)]


def web_roles(*roles: Role) -> Callable[[User], User]:
    def check(user: WebUser) -> User:
        if user.role not in roles:
            raise PageForbidden("err_role", roles=", ".join(r.value for r in roles))
        return user

    return check


OfficerOrEditor = Annotated[User, Depends(web_roles(Role.officer, Role.editor))]
EditorPage = Annotated[User, Depends(web_roles(Role.editor))]
AdminPage = Annotated[User, Depends(web_roles(Role.admin))]
LeaderPage = Annotated[User, Depends(web_roles(Role.leader))]
StationStaff = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin, Role.leader))]


async def checked_form(request: Request) -> AsyncIterator[FormData]:
    """The posted form (urlencoded or multipart), after checking its CSRF token against the session's."""
    form = await request.form()
    try:
        sent = form.get("csrf_token")
        if not csrf_valid(request.session, sent if isinstance(sent, str) else None):
            raise CsrfRejected()
        yield form
    finally:
        # A multipart form holds its files in temporary files: close them, refused or not.
        await form.close()


async def checked_json(request: Request) -> dict[str, Any]:
    """A JSON body of the page's own scripts, which send the token in `X-CSRF-Token`."""
    if not csrf_valid(request.session, request.headers.get("x-csrf-token")):
        raise CsrfRejected()
    try:
        body = await request.json()
    except ValueError:
        body = None
    return body if isinstance(body, dict) else {}


Form = Annotated[FormData, Depends(checked_form)]
JsonBody = Annotated[dict[str, Any], Depends(checked_json)]
