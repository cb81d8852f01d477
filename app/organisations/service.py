"""Organisations: creating provinces and districts, putting stations under them, reading the tree."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.models import Organisation, OrganisationKind, Station, User
from app.organisations.exceptions import (
    DistrictNeedsProvince,
    OrganisationNameTaken,
    OrganisationNotFound,
    ParentNotAProvince,
    ProvinceHasNoParent,
    UnknownParent,
)
from app.organisations.schemas import OrganisationCreate, OrganisationTree, StationBrief
from app.organisations.tree import is_organisation_user


def get(session: Session, organisation_id: int, viewer: User) -> Organisation:
    """The organisation if the viewer may see it (OrganisationNotFound otherwise)."""
    return access.get_for(session, Organisation, organisation_id, viewer)


def by_name(session: Session, name: str) -> Organisation:
    """The organisation of that exact name (the command line names them)."""
    found = session.scalar(select(Organisation).where(Organisation.name == name.strip()))
    if found is None:
        raise OrganisationNotFound(name)
    return found


def _in_order(organisations: Iterable[Organisation]) -> list[Organisation]:
    return sorted(organisations, key=lambda o: (o.kind != OrganisationKind.province, o.name))


def list_organisations(session: Session, viewer: User) -> list[Organisation]:
    """The organisations the viewer may see, provinces first, by name."""
    return _in_order(session.scalars(select(Organisation).where(access.visible(Organisation, viewer))))


def list_organisations_all(session: Session) -> list[Organisation]:
    """Every organisation, provinces first (the command line, which runs as the installation)."""
    return _in_order(session.scalars(select(Organisation)))


def _parent(session: Session, data: OrganisationCreate) -> Organisation | None:
    if data.kind == OrganisationKind.province:
        if data.parent_id is not None:
            raise ProvinceHasNoParent()
        return None
    if data.parent_id is None:
        raise DistrictNeedsProvince()
    parent = session.get(Organisation, data.parent_id)
    if parent is None:
        raise UnknownParent(data.parent_id)
    if parent.kind != OrganisationKind.province:
        raise ParentNotAProvince(parent.name)
    return parent


def create(session: Session, data: OrganisationCreate, *, actor: User | None) -> Organisation:
    """Create a province, or a district under a province (the installation's admin)."""
    name = data.name
    parent = _parent(session, data)
    if session.scalar(select(Organisation.id).where(Organisation.name == name)) is not None:
        raise OrganisationNameTaken(name)
    organisation = Organisation(name=name, kind=data.kind, parent_id=parent.id if parent else None)
    session.add(organisation)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:  # a concurrent create of the same name
        raise OrganisationNameTaken(name) from exc
    audit.record(session, "create", actor=actor, entity_type="organisation", entity_id=organisation.id,
                 changes={"name": name, "kind": data.kind.value, "parent_id": organisation.parent_id})
    return organisation


def assign(session: Session, station: Station, organisation: Organisation, *, actor: User | None) -> Station:
    """Put a station under a province or a district (it leaves the one it was under)."""
    before = station.organisation_id
    station.organisation_id = organisation.id
    session.flush()
    audit.record(session, "edit", actor=actor, entity_type="station", entity_id=station.id,
                 station_id=station.id, changes={"organisation_id": f"{before} → {organisation.id}"})
    return station


def tree(session: Session, organisation: Organisation) -> OrganisationTree:
    """The organisation, its districts, and the stations directly under each, by name."""
    districts = list(session.scalars(select(Organisation).where(Organisation.parent_id == organisation.id)
                                     .order_by(Organisation.name)))
    ids = [organisation.id, *(d.id for d in districts)]
    stations = session.scalars(select(Station).where(Station.organisation_id.in_(ids)).order_by(Station.name))
    by_org: dict[int, list[StationBrief]] = {i: [] for i in ids}
    for station in stations:
        assert station.organisation_id is not None
        by_org[station.organisation_id].append(StationBrief.model_validate(station))

    def node(org: Organisation, children: list[OrganisationTree]) -> OrganisationTree:
        return OrganisationTree(id=org.id, name=org.name, kind=org.kind, parent_id=org.parent_id,
                                created_at=org.created_at, stations=by_org[org.id], districts=children)

    return node(organisation, [node(d, []) for d in districts])


def unassigned_stations(session: Session) -> list[Station]:
    """Stations under no organisation (the installation's admin places them)."""
    return list(session.scalars(select(Station).where(Station.organisation_id.is_(None)).order_by(Station.name)))


def roots(session: Session, viewer: User) -> list[Organisation]:
    """The tops of the trees the viewer sees: every province for the installation's admin, their
    own organisation for a province or district account."""
    if is_organisation_user(viewer):
        assert viewer.organisation_id is not None
        return [get(session, viewer.organisation_id, viewer)]
    return [o for o in list_organisations(session, viewer) if o.parent_id is None]
