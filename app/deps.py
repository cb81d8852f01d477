"""Dependency aliases shared by the routes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from app.db import get_session, writes_on_read
from app.errors import Forbidden, NotAuthenticated
from app.models import Role, User
from app.organisations.tree import is_organisation_user

# scope="function": the session commits before the response is sent, so a failed
# commit is answered as an error rather than after a 200.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

# For a GET route that writes: `@router.get(..., dependencies=[WritesOnRead])`. Route dependencies
# are solved before the parameters, so the session begins as a writing one.
WritesOnRead = Depends(writes_on_read)

_bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def current_user(request: Request, session: SessionDep, token: Annotated[str | None, Depends(_bearer)]) -> User:
    from app.auth.security import decode_access_token

    if not token:
        raise NotAuthenticated(
            "Bạn cần đăng nhập để dùng chức năng này.",
            detail_en="Sign in first: send a bearer token from /api/v1/auth/token.",
        )
    claims = decode_access_token(token)
    user = session.get(User, claims[0]) if claims is not None else None
    # A token of an older epoch was issued before a password, role or active-flag change.
    if user is None or not user.is_active or claims is None or claims[1] != user.session_epoch:
        raise NotAuthenticated(
            "Phiên đăng nhập không hợp lệ hoặc đã hết hạn, hãy đăng nhập lại.",
            detail_en="The token is invalid or expired: sign in again.",
        )
    refuse_organisation_writes(request, user)
    return user


CurrentUser = Annotated[User, Depends(current_user)]

ROLE_NAMES_VI = {
    Role.officer: "công chức văn hóa",
    Role.editor: "trưởng ban biên tập",
    Role.leader: "trưởng khu phố",
    Role.admin: "quản trị (UBND phường)",
}


def require_roles(*roles: Role) -> Callable[[User], User]:
    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            allowed = ", ".join(ROLE_NAMES_VI[r] for r in roles)
            raise Forbidden(
                f"Vai trò của bạn không được làm việc này; chỉ dành cho: {allowed}.",
                detail_en=f"Your role may not do this; allowed: {', '.join(roles)}.",
            )
        return user

    return check


AdminUser = Annotated[User, Depends(require_roles(Role.admin))]
EditorUser = Annotated[User, Depends(require_roles(Role.editor))]
StaffUser = Annotated[User, Depends(require_roles(Role.officer, Role.editor, Role.admin))]
AuditReader = Annotated[User, Depends(require_roles(Role.editor, Role.admin))]


def organisation_writes() -> None:
    """Marker: a route a province or district account may write through (its bulletins, its
    organisation). `@router.post(..., dependencies=[OrganisationWrites])`. Every other write is a
    station's own work, and such an account is refused it (403) even where it may read."""


OrganisationWrites = Depends(organisation_writes)


READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _declares(dependant: Dependant, marker: Callable[[], None], seen: set[int] | None = None) -> bool:
    """Whether the marker is among a route's dependencies, at any depth (an alias may carry it)."""
    seen = set() if seen is None else seen
    for dep in dependant.dependencies:
        if dep.call is marker:
            return True
        if id(dep) not in seen:
            seen.add(id(dep))
            if _declares(dep, marker, seen):
                return True
    return False


def writes_allowed_to_organisations(request: Request) -> bool:
    """Whether the matched route declares `OrganisationWrites`."""
    candidates = [getattr(request.scope.get("route"), "dependant", None)]
    # FastAPI keeps an included router's own dependencies on the route's effective context.
    context = request.scope.get("fastapi", {}).get("effective_route_context")
    candidates.append(getattr(context, "dependant", None))
    return any(isinstance(d, Dependant) and _declares(d, organisation_writes) for d in candidates)


def refuse_organisation_writes(request: Request, user: User) -> None:
    """A province or district account reads its stations but writes only through the routes made
    for it: every other write is a station's own work (403)."""
    if request.method in READ_METHODS or not is_organisation_user(user):
        return
    if writes_allowed_to_organisations(request):
        return
    raise Forbidden(
        "Tài khoản của tỉnh, huyện chỉ xem được việc của các đài; việc này là của chính đài đó.",
        detail_en="A province or district account reads its stations' work but may not do it: "
                  "this is the station's own work.",
    )
