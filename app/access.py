"""Who may see what: the one place that scopes every query and every lookup by id.

A user works in their own station: every row of another station is, to them, a row that does not
exist (404, so ids do not tell what other stations hold). A neighbourhood leader sees less still:
what airs, or is to air, in their own area. A province or district account (an organisation user)
reads the stations under its organisation: their set-up, programmes and emergencies, and of their
scripts only the published ones (approved or archived: nobody sees another station's unpublished
work); it writes nothing of theirs (app/deps.py refuses its writes outside the organisation's own
routes). An admin of no station and no organisation is the installation's admin (the one who creates
stations and organisations) and sees every station; any other account without a station sees
nothing. Routes never look rows up by id themselves: they call `get_for`, and lists filter with
`visible`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from app.errors import Forbidden, NotFound
from app.models import (
    Area,
    AuditEvent,
    Emergency,
    Organisation,
    Programme,
    Recording,
    RelayPoint,
    RelaySource,
    RelayWindow,
    Role,
    Script,
    ScriptStatus,
    Slot,
    Station,
    Theme,
    Topic,
    User,
    script_areas,
)
from app.organisations.exceptions import OrganisationNotFound
from app.organisations.tree import is_organisation_user, station_ids_under
from app.programmes.exceptions import EmergencyNotFound, ProgrammeNotFound
from app.recordings.exceptions import RecordingNotFound
from app.relay_sources.exceptions import RelaySourceNotFound, RelayWindowNotFound
from app.scripts.exceptions import ScriptNotFound
from app.stations.exceptions import (
    AreaNotFound,
    NoStation,
    RelayPointNotFound,
    SlotNotFound,
    StationNotFound,
)
from app.users.exceptions import UserNotFound

T = TypeVar("T")

# What a leader may read of a script: what is (or was) to air, never drafts, rejections, withdrawals.
LEADER_SCRIPT_STATUSES = (ScriptStatus.approved, ScriptStatus.archived)
# What a province or district reads of its stations' scripts: the published ones, like a leader.
PUBLISHED_SCRIPT_STATUSES = LEADER_SCRIPT_STATUSES
# Failed sign-ins carry the address they came from: for the station's admin only.
SIGN_IN_ACTIONS = ("login_failed",)

NOT_FOUND: dict[type[Any], Callable[[int], NotFound]] = {
    Station: StationNotFound, Script: ScriptNotFound, Programme: ProgrammeNotFound,
    Emergency: EmergencyNotFound, Recording: RecordingNotFound, Area: AreaNotFound, Slot: SlotNotFound,
    RelayPoint: RelayPointNotFound, User: UserNotFound, RelaySource: RelaySourceNotFound,
    RelayWindow: RelayWindowNotFound, Organisation: OrganisationNotFound,
}


def is_installation_admin(user: User) -> bool:
    """The admin of the whole installation: an admin who belongs to no station and no organisation."""
    return user.role == Role.admin and user.station_id is None and user.organisation_id is None


def in_station(user: User, column: Any) -> ColumnElement[bool]:
    """Rows whose station column is the user's station (every station for the installation admin,
    the stations under their organisation for a province or district account)."""
    if is_installation_admin(user):
        return true()
    if is_organisation_user(user):
        assert user.organisation_id is not None
        return column.in_(station_ids_under(user.organisation_id))  # type: ignore[no-any-return]
    if user.station_id is None:
        return false()
    return column == user.station_id  # type: ignore[no-any-return]


def only_own_station(user: User, column: Any) -> ColumnElement[bool]:
    """Rows of the user's own station only: what a province or district never reads of its
    stations (their people, their audit trail)."""
    return false() if is_organisation_user(user) else in_station(user, column)


def _for_leaders_area(user: User) -> ColumnElement[bool]:
    """Scripts meant for the leader's area: it is among their targets, or they target every area."""
    targets = select(script_areas.c.area_id).where(script_areas.c.script_id == Script.id)
    return or_(~exists(targets), exists(targets.where(script_areas.c.area_id == user.area_id)))


def _script(user: User) -> ColumnElement[bool]:
    clause = in_station(user, Script.station_id)
    if is_organisation_user(user):
        return and_(clause, Script.status.in_(PUBLISHED_SCRIPT_STATUSES))
    if user.role != Role.leader:
        return clause
    if user.area_id is None:
        return false()
    return and_(clause, Script.status.in_(LEADER_SCRIPT_STATUSES), _for_leaders_area(user))


def _programme(user: User) -> ColumnElement[bool]:
    clause = in_station(user, Programme.station_id)
    if user.role != Role.leader or is_organisation_user(user):
        return clause
    if user.area_id is None:
        return false()
    # An emergency programme serves the areas its bulletin names, although it is stored for all.
    bulletin_here = exists(select(Emergency.id).join(Script, Script.id == Emergency.script_id)
                           .where(Emergency.programme_id == Programme.id, _for_leaders_area(user)))
    return and_(clause, Programme.area_key.in_((0, user.area_id)),
                or_(Programme.is_emergency.is_(False), bulletin_here))


def _emergency(user: User) -> ColumnElement[bool]:
    clause = in_station(user, Emergency.station_id)
    if user.role != Role.leader and not is_organisation_user(user):
        return clause
    return and_(clause, Emergency.script_id.in_(select(Script.id).where(_script(user))))


def _recording(user: User) -> ColumnElement[bool]:
    clause = in_station(user, Recording.station_id)
    if user.role != Role.leader and not is_organisation_user(user):
        return clause
    # A leader (and a province or district) hears filler music, which airs everywhere, and the
    # recordings of scripts that air in their area; never one waiting for approval or meant for
    # another area.
    return and_(clause, or_(Recording.is_filler.is_(True),
                            Recording.id.in_(select(Script.recording_id).where(_script(user)))))


def _relay_point(user: User) -> ColumnElement[bool]:
    clause = RelayPoint.area_id.in_(select(Area.id).where(in_station(user, Area.station_id)))
    if user.role != Role.leader or is_organisation_user(user):
        return clause
    return and_(clause, RelayPoint.area_id == user.area_id)


def _audit_event(user: User) -> ColumnElement[bool]:
    clause = only_own_station(user, AuditEvent.station_id)
    if user.role == Role.admin:
        return clause
    return and_(clause, AuditEvent.action.not_in(SIGN_IN_ACTIONS))


def _organisation(user: User) -> ColumnElement[bool]:
    """The installation's admin sees every organisation; a province or district account its own
    and the districts under it; a station's people none (their station is all they see)."""
    if is_installation_admin(user):
        return true()
    if not is_organisation_user(user):
        return false()
    return or_(Organisation.id == user.organisation_id, Organisation.parent_id == user.organisation_id)


_RULES: dict[type[Any], Callable[[User], ColumnElement[bool]]] = {
    Station: lambda u: in_station(u, Station.id),
    Script: _script,
    Programme: _programme,
    Emergency: _emergency,
    Recording: _recording,
    Area: lambda u: in_station(u, Area.station_id),
    Slot: lambda u: in_station(u, Slot.station_id),
    Topic: lambda u: in_station(u, Topic.station_id),
    Theme: lambda u: in_station(u, Theme.station_id),
    RelayPoint: _relay_point,
    RelaySource: lambda u: in_station(u, RelaySource.station_id),
    RelayWindow: lambda u: in_station(u, RelayWindow.station_id),
    User: lambda u: only_own_station(u, User.station_id),
    AuditEvent: _audit_event,
    Organisation: _organisation,
}


def station_ids_of(session: Session, user: User) -> list[int] | None:
    """The ids of the stations a province or district account reads; None for anyone else (whose
    station, or all of them for the installation's admin, the caller already knows)."""
    if not is_organisation_user(user):
        return None
    return list(session.scalars(select(Station.id).where(in_station(user, Station.id))))


def visible(model: type[Any], user: User) -> ColumnElement[bool]:
    """The WHERE clause of the rows of `model` this user may see."""
    return _RULES[model](user)


def get_for(session: Session, model: type[T], row_id: int, user: User, *options: Any) -> T:
    """The row with this id if the user may see it; otherwise the domain's NotFound (404)."""
    stmt = (select(model).where(model.id == row_id, visible(model, user))  # type: ignore[attr-defined]
            .options(*options).execution_options(populate_existing=True))
    row = session.scalar(stmt)
    if row is None:
        raise NOT_FOUND[model](row_id)
    return row


def station_for(session: Session, user: User, station_id: int | None, *options: Any) -> Station:
    """The station a request works in: the one named if the user may see it, else the user's own."""
    sid = station_id if station_id is not None else user.station_id
    if sid is None:
        raise NoStation()
    return get_for(session, Station, sid, user, *options)


def require_installation_admin(user: User) -> None:
    """Only the installation's admin creates stations: a station's admin runs their own station."""
    if not is_installation_admin(user):
        raise Forbidden(
            "Chỉ quản trị hệ thống (tài khoản quản trị không gắn với đài nào) mới tạo được đài mới.",
            detail_en="Only the installation's admin (an admin of no station) creates stations.",
        )
