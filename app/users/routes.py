from __future__ import annotations

from fastapi import APIRouter

from app.deps import AdminUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.organisations.exceptions import NotAnOrganisationRole, OrganisationNotFound
from app.stations.exceptions import AreaNotFound, StationNotFound
from app.users import service
from app.users.exceptions import CannotLockOutYourself, LeaderNeedsArea, UsernameTaken, UserNotFound
from app.users.schemas import UserCreate, UserCreated, UserRead, UserUpdate

router = APIRouter(prefix="/api/v1/users", tags=["users"])
_AUTH = (NotAuthenticated, Forbidden)


@router.get("", response_model=list[UserRead], responses=responses(*_AUTH))
def list_users(session: SessionDep, admin: AdminUser) -> list[UserRead]:
    """The users of the admin's station (admin)."""
    return [UserRead.model_validate(u) for u in service.list_users(session, admin)]


@router.post(
    "", response_model=UserCreated, status_code=201,
    responses=responses(*_AUTH, UsernameTaken, LeaderNeedsArea, AreaNotFound, StationNotFound,
                        OrganisationNotFound, NotAnOrganisationRole),
)
def create_user(body: UserCreate, session: SessionDep, admin: AdminUser) -> UserCreated:
    """Create a user (admin); a generated password is shown once."""
    user, generated = service.create(session, body, actor=admin)
    return UserCreated.model_validate(user).model_copy(update={"password": generated})


@router.get("/{user_id}", response_model=UserRead, responses=responses(*_AUTH, UserNotFound))
def get_user(user_id: Id, session: SessionDep, admin: AdminUser) -> UserRead:
    """One user of the admin's station (admin)."""
    return UserRead.model_validate(service.get(session, user_id, admin))


@router.patch(
    "/{user_id}", response_model=UserRead,
    responses=responses(*_AUTH, UserNotFound, LeaderNeedsArea, AreaNotFound, CannotLockOutYourself),
)
def update_user(user_id: Id, body: UserUpdate, session: SessionDep, admin: AdminUser) -> UserRead:
    """Change a user's name, role, area, password or active flag (admin)."""
    user = service.update(session, service.get(session, user_id, admin), body, actor=admin)
    return UserRead.model_validate(user)
