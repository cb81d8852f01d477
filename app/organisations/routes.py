"""/api/v1/organisations: provinces and districts, and the stations under them."""

from __future__ import annotations

from fastapi import APIRouter

from app import access
from app.deps import AdminUser, CurrentUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.models import Station, User
from app.organisations import service
from app.organisations.exceptions import (
    DistrictNeedsProvince,
    OrganisationNameTaken,
    OrganisationNotFound,
    ParentNotAProvince,
    ProvinceHasNoParent,
    UnknownParent,
)
from app.organisations.schemas import (
    OrganisationCreate,
    OrganisationRead,
    OrganisationTree,
    StationAssignment,
)
from app.stations.exceptions import StationNotFound

router = APIRouter(prefix="/api/v1/organisations", tags=["organisations"])
_AUTH = (NotAuthenticated, Forbidden)


def _installation_admin(user: User) -> None:
    if not access.is_installation_admin(user):
        raise Forbidden(
            "Chỉ quản trị hệ thống (tài khoản quản trị không gắn với đài hay tổ chức nào) mới tạo tỉnh, "
            "huyện và xếp đài vào đó.",
            detail_en="Only the installation's admin (an admin of no station and no organisation) creates "
                      "provinces and districts and places stations under them.",
        )


@router.get("", response_model=list[OrganisationRead], responses=responses(NotAuthenticated))
def list_organisations(session: SessionDep, user: CurrentUser) -> list[OrganisationRead]:
    """The organisations the user sees: every one for the installation's admin, their own and its
    districts for a province or district account, none for a station's people."""
    return [OrganisationRead.model_validate(o) for o in service.list_organisations(session, user)]


@router.post("", response_model=OrganisationRead, status_code=201,
             responses=responses(*_AUTH, OrganisationNameTaken, DistrictNeedsProvince, ProvinceHasNoParent,
                                 ParentNotAProvince, UnknownParent))
def create_organisation(body: OrganisationCreate, session: SessionDep, admin: AdminUser) -> OrganisationRead:
    """Create a province, or a district under a province (the installation's admin)."""
    _installation_admin(admin)
    return OrganisationRead.model_validate(service.create(session, body, actor=admin))


@router.get("/{organisation_id}", response_model=OrganisationTree,
            responses=responses(NotAuthenticated, OrganisationNotFound))
def get_organisation(organisation_id: Id, session: SessionDep, user: CurrentUser) -> OrganisationTree:
    """An organisation with its districts and the stations under each."""
    return service.tree(session, service.get(session, organisation_id, user))


@router.post("/{organisation_id}/stations", response_model=OrganisationTree,
             responses=responses(*_AUTH, OrganisationNotFound, StationNotFound))
def assign_station(organisation_id: Id, body: StationAssignment, session: SessionDep,
                   admin: AdminUser) -> OrganisationTree:
    """Put a station under this province or district (the installation's admin)."""
    _installation_admin(admin)
    organisation = service.get(session, organisation_id, admin)
    station = access.get_for(session, Station, body.station_id, admin)
    service.assign(session, station, organisation, actor=admin)
    return service.tree(session, organisation)
