from __future__ import annotations

from fastapi import APIRouter, Response

from app import access
from app.deps import AdminUser, CurrentUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.models import Station, User
from app.stations import service
from app.stations.exceptions import (
    AreaInUse,
    AreaNotFound,
    NameTaken,
    RelayPointNotFound,
    SlotNotFound,
    SlotsOverlap,
    StationNotFound,
    UnknownTimezone,
)
from app.stations.schemas import (
    AreaRead,
    AreaWrite,
    RelayPointCreate,
    RelayPointRead,
    RelayPointWithToken,
    SlotCreate,
    SlotRead,
    SlotUpdate,
    StationCreate,
    StationDetail,
    StationRead,
    StationUpdate,
    TopicCreate,
    TopicRead,
)

router = APIRouter(prefix="/api/v1", tags=["stations"])
_AUTH = (NotAuthenticated, Forbidden)


def _station(session: SessionDep, station_id: int, user: User) -> Station:
    """The station named in the path, if it is the user's own (404 otherwise)."""
    return access.station_for(session, user, station_id)


def _detail(session: SessionDep, station_id: int, user: User) -> StationDetail:
    station = service.get(session, _station(session, station_id, user).id, with_children=True)
    return StationDetail.model_validate(
        {
            **StationRead.model_validate(station).model_dump(),
            "slots": station.slots,
            "areas": station.areas,
            "topics": service.topics(session, station.id),
        }
    )


def _with_token(relay: object, token: str) -> RelayPointWithToken:
    return RelayPointWithToken(**RelayPointRead.model_validate(relay).model_dump(), token=token)


@router.get("/stations", response_model=list[StationRead], responses=responses(NotAuthenticated))
def list_stations(session: SessionDep, user: CurrentUser) -> list[StationRead]:
    """The stations the user works in: their own (every one for the installation's admin)."""
    return [StationRead.model_validate(s) for s in service.list_stations(session, user)]


@router.post("/stations", response_model=StationDetail, status_code=201,
             responses=responses(*_AUTH, NameTaken, UnknownTimezone))
def create_station(body: StationCreate, session: SessionDep, admin: AdminUser) -> StationDetail:
    """Create a station with the default slots and topics (the installation's admin)."""
    access.require_installation_admin(admin)
    station = service.create(session, body, actor=admin)
    return _detail(session, station.id, admin)


@router.get("/stations/{station_id}", response_model=StationDetail,
            responses=responses(NotAuthenticated, StationNotFound))
def get_station(station_id: Id, session: SessionDep, user: CurrentUser) -> StationDetail:
    """A station with its slots, areas and topics."""
    return _detail(session, station_id, user)


@router.patch("/stations/{station_id}", response_model=StationDetail,
              responses=responses(*_AUTH, StationNotFound, NameTaken, UnknownTimezone))
def update_station(station_id: Id, body: StationUpdate, session: SessionDep,
                   admin: AdminUser) -> StationDetail:
    """Change a station's name, zone, announcements or voice (admin)."""
    service.update(session, _station(session, station_id, admin), body, actor=admin)
    return _detail(session, station_id, admin)


@router.post("/stations/{station_id}/slots", response_model=SlotRead, status_code=201,
             responses=responses(*_AUTH, StationNotFound, NameTaken, SlotsOverlap))
def add_slot(station_id: Id, body: SlotCreate, session: SessionDep, admin: AdminUser) -> SlotRead:
    """Add a daily broadcast slot; one that overlaps another is refused (admin)."""
    slot = service.add_slot(session, _station(session, station_id, admin), body, actor=admin)
    return SlotRead.model_validate(slot)


@router.patch("/slots/{slot_id}", response_model=SlotRead,
              responses=responses(*_AUTH, SlotNotFound, SlotsOverlap))
def update_slot(slot_id: Id, body: SlotUpdate, session: SessionDep, admin: AdminUser) -> SlotRead:
    """Change a slot's label, start time or length (admin)."""
    slot = service.update_slot(session, service.get_slot(session, slot_id, admin), body, actor=admin)
    return SlotRead.model_validate(slot)


@router.delete("/slots/{slot_id}", status_code=204, responses=responses(*_AUTH, SlotNotFound))
def delete_slot(slot_id: Id, session: SessionDep, admin: AdminUser) -> Response:
    """Remove a slot (admin)."""
    service.delete_slot(session, service.get_slot(session, slot_id, admin), actor=admin)
    return Response(status_code=204)


@router.post("/stations/{station_id}/areas", response_model=AreaRead, status_code=201,
             responses=responses(*_AUTH, StationNotFound, NameTaken))
def add_area(station_id: Id, body: AreaWrite, session: SessionDep, admin: AdminUser) -> AreaRead:
    """Add a neighbourhood (khu phố) to a station (admin)."""
    area = service.add_area(session, _station(session, station_id, admin), body.name, actor=admin)
    return AreaRead.model_validate(area)


@router.patch("/areas/{area_id}", response_model=AreaRead,
              responses=responses(*_AUTH, AreaNotFound, NameTaken))
def rename_area(area_id: Id, body: AreaWrite, session: SessionDep, admin: AdminUser) -> AreaRead:
    """Rename a neighbourhood (admin)."""
    area = service.rename_area(session, service.get_area(session, area_id, admin), body.name, actor=admin)
    return AreaRead.model_validate(area)


@router.delete("/areas/{area_id}", status_code=204, responses=responses(*_AUTH, AreaNotFound, AreaInUse))
def delete_area(area_id: Id, session: SessionDep, admin: AdminUser) -> Response:
    """Remove a neighbourhood that no relay point or leader uses (admin)."""
    service.delete_area(session, service.get_area(session, area_id, admin), actor=admin)
    return Response(status_code=204)


@router.get("/stations/{station_id}/topics", response_model=list[TopicRead],
            responses=responses(NotAuthenticated, StationNotFound))
def list_topics(station_id: Id, session: SessionDep, user: CurrentUser) -> list[TopicRead]:
    """A station's topics."""
    _station(session, station_id, user)
    return [TopicRead.model_validate(t) for t in service.topics(session, station_id)]


@router.post("/stations/{station_id}/topics", response_model=TopicRead, status_code=201,
             responses=responses(*_AUTH, StationNotFound, NameTaken))
def add_topic(station_id: Id, body: TopicCreate, session: SessionDep, admin: AdminUser) -> TopicRead:
    """Add a topic (admin)."""
    topic = service.add_topic(session, _station(session, station_id, admin), body.code, body.name,
                              actor=admin)
    return TopicRead.model_validate(topic)


@router.get("/stations/{station_id}/relay-points", response_model=list[RelayPointRead],
            responses=responses(*_AUTH, StationNotFound))
def list_relay_points(station_id: Id, session: SessionDep, admin: AdminUser) -> list[RelayPointRead]:
    """A station's relay points (admin)."""
    _station(session, station_id, admin)
    return [RelayPointRead.model_validate(r) for r in service.relay_points(session, station_id)]


@router.post("/areas/{area_id}/relay-points", response_model=RelayPointWithToken, status_code=201,
             responses=responses(*_AUTH, AreaNotFound))
def add_relay_point(area_id: Id, body: RelayPointCreate, session: SessionDep,
                    admin: AdminUser) -> RelayPointWithToken:
    """Add a relay point (cụm loa) to an area; its token is shown once (admin)."""
    relay, token = service.add_relay_point(session, service.get_area(session, area_id, admin), body.name,
                                           actor=admin)
    return _with_token(relay, token)


@router.post("/relay-points/{relay_id}/rotate", response_model=RelayPointWithToken,
             responses=responses(*_AUTH, RelayPointNotFound))
def rotate_relay_token(relay_id: Id, session: SessionDep, admin: AdminUser) -> RelayPointWithToken:
    """Issue a new token for a relay point; the old one stops working (admin)."""
    relay = service.get_relay_point(session, relay_id, admin)
    token = service.rotate_relay_token(session, relay, actor=admin)
    return _with_token(relay, token)


@router.delete("/relay-points/{relay_id}", status_code=204, responses=responses(*_AUTH, RelayPointNotFound))
def delete_relay_point(relay_id: Id, session: SessionDep, admin: AdminUser) -> Response:
    """Remove a relay point and its history for good (revoke its token to keep the history) (admin)."""
    service.delete_relay_point(session, service.get_relay_point(session, relay_id, admin), actor=admin)
    return Response(status_code=204)


@router.post("/relay-points/{relay_id}/revoke", response_model=RelayPointRead,
             responses=responses(*_AUTH, RelayPointNotFound))
def revoke_relay_token(relay_id: Id, session: SessionDep, admin: AdminUser) -> RelayPointRead:
    """Revoke a relay point's token (admin)."""
    relay = service.revoke_relay_token(session, service.get_relay_point(session, relay_id, admin), actor=admin)
    return RelayPointRead.model_validate(relay)
