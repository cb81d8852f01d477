"""Users and their roles."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.auth.passwords import validate_new_password
from app.auth.security import generate_password, hash_password
from app.auth.service import set_password
from app.auth.sessions import end_sign_ins
from app.models import Area, Organisation, Role, Station, User
from app.organisations.exceptions import NotAnOrganisationRole, OrganisationNotFound
from app.stations.exceptions import AreaNotFound, StationNotFound
from app.users.exceptions import CannotLockOutYourself, LeaderNeedsArea, UsernameTaken
from app.users.schemas import UserCreate, UserUpdate


def get(session: Session, user_id: int, viewer: User) -> User:
    """The user if the viewer may see them (their own station's); else UserNotFound."""
    return access.get_for(session, User, user_id, viewer)


def list_users(session: Session, viewer: User) -> list[User]:
    """The users the viewer may see (their own station's), by name."""
    return list(session.scalars(select(User).where(access.visible(User, viewer)).order_by(User.username)))


def _check_area(session: Session, role: Role, area_id: int | None, actor: User | None) -> Area | None:
    if role == Role.leader and area_id is None:
        raise LeaderNeedsArea()
    if area_id is None:
        return None
    if actor is not None:  # an admin names areas of their own station only
        return access.get_for(session, Area, area_id, actor)
    area = session.get(Area, area_id)
    if area is None:
        raise AreaNotFound(area_id)
    return area


def _station_of_new_user(session: Session, data: UserCreate, area: Area | None, actor: User | None) -> int | None:
    """A station's admin adds people to their own station; the installation's admin (or the
    command line) to the station named, or to none."""
    if actor is not None and not access.is_installation_admin(actor):
        if data.station_id is not None and data.station_id != actor.station_id:
            raise StationNotFound(data.station_id)
        if area is not None and area.station_id != actor.station_id:
            raise AreaNotFound(area.id)
        return actor.station_id
    station_id = area.station_id if area else data.station_id
    if station_id is not None and session.get(Station, station_id) is None:
        raise StationNotFound(station_id)
    return station_id


def _organisation_of_new_user(session: Session, data: UserCreate, actor: User | None) -> int | None:
    """A province or district account: made by the installation's admin (or the command line),
    with no station and no area, and never a neighbourhood leader."""
    if data.organisation_id is None:
        return None
    if actor is not None and not access.is_installation_admin(actor):
        raise OrganisationNotFound(data.organisation_id)  # a station's admin knows no organisation
    if data.station_id is not None or data.area_id is not None or data.role == Role.leader:
        raise NotAnOrganisationRole()
    if session.get(Organisation, data.organisation_id) is None:
        raise OrganisationNotFound(data.organisation_id)
    return data.organisation_id


def create(session: Session, data: UserCreate, *, actor: User | None) -> tuple[User, str | None]:
    """Create a user; answers the generated password when none was given."""
    if session.scalar(select(User.id).where(User.username == data.username)) is not None:
        raise UsernameTaken(data.username)
    organisation_id = _organisation_of_new_user(session, data, actor)
    area = None if organisation_id is not None else _check_area(session, data.role, data.area_id, actor)
    station_id = None if organisation_id is not None else _station_of_new_user(session, data, area, actor)
    generated = None
    if data.password is None:
        password = generated = generate_password()
    else:
        validate_new_password(data.password, username=data.username)
        password = data.password
    user = User(
        username=data.username, full_name=data.full_name.strip(), role=data.role,
        station_id=station_id, organisation_id=organisation_id, area_id=data.area_id,
        password_hash=hash_password(password),
    )
    session.add(user)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:  # a concurrent create of the same name
        raise UsernameTaken(data.username) from exc
    audit.record(
        session, "create", actor=actor, entity_type="user", entity_id=user.id,
        station_id=station_id,
        changes={"username": user.username, "role": user.role.value, "area_id": user.area_id,
                 **({"organisation_id": organisation_id} if organisation_id is not None else {})},
    )
    return user, generated


def update(session: Session, user: User, data: UserUpdate, *, actor: User) -> User:
    changes = data.model_dump(exclude_unset=True)
    if user.id == actor.id and (changes.get("is_active") is False or changes.get("role", user.role) != user.role):
        raise CannotLockOutYourself()  # the last admin would leave the ward with none
    role = changes.get("role", user.role)
    area_id = changes["area_id"] if "area_id" in changes else user.area_id
    area = _check_area(session, role, area_id, actor)
    if area is not None and area.station_id != user.station_id:
        raise AreaNotFound(area.id)  # a leader leads an area of their own station
    if "password" in changes:
        password = changes.pop("password")
        if password is not None:
            set_password(session, user, password)
            changes["password"] = "(changed)"
    # A new role or a (re)activation is a new reason to be signed in: the old sign-ins end.
    if any(field in changes and changes[field] != getattr(user, field) for field in ("role", "is_active")):
        end_sign_ins(session, user)
    for field in ("full_name", "role", "area_id", "is_active"):
        if field in changes:
            setattr(user, field, changes[field])
    session.flush()
    audit.record(
        session, "edit", actor=actor, entity_type="user", entity_id=user.id,
        station_id=user.station_id, changes={k: str(v) for k, v in changes.items()},
    )
    return user
