"""Who sees which bulletin sent down: the one place that scopes bulletins and their deliveries.

A province or district account sees the bulletins of its organisation and of the districts under
it. A station's staff see only the deliveries to their own station, once sent; any other row is,
to them, a row that does not exist (404). The installation's admin sees everything."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from app.access import is_installation_admin
from app.models import Bulletin, BulletinDelivery, Organisation, Role, User
from app.organisations.bulletins_exceptions import (
    BulletinNotFound,
    DeliveryNotFound,
    NotOrganisationStaff,
    NotStationEditor,
)
from app.organisations.tree import is_organisation_user

# Who does what on the organisation's side (roles apply within the organisation).
DRAFTERS = (Role.officer, Role.editor)
REVIEWERS = (Role.editor, Role.leader)
SENDERS = (Role.editor, Role.leader)


def _organisations_of(user: User) -> ColumnElement[bool]:
    org = user.organisation_id
    return Bulletin.organisation_id.in_(
        select(Organisation.id).where((Organisation.id == org) | (Organisation.parent_id == org)))


def bulletins_visible(user: User) -> ColumnElement[bool]:
    """The WHERE clause of the bulletins this user may see."""
    if is_installation_admin(user):
        return true()
    if not is_organisation_user(user):
        return Bulletin.id.is_(None)  # never true: a station's staff read deliveries, not bulletins
    return _organisations_of(user)


def get_bulletin(session: Session, bulletin_id: int, user: User) -> Bulletin:
    """The bulletin if the user may see it, freshly loaded; otherwise BulletinNotFound (404)."""
    row = session.scalar(select(Bulletin).where(Bulletin.id == bulletin_id, bulletins_visible(user))
                         .execution_options(populate_existing=True))
    if row is None:
        raise BulletinNotFound(bulletin_id)
    return row


def deliveries_visible(user: User) -> ColumnElement[bool]:
    """The deliveries a station's staff see: those to their own station (never a leader's)."""
    if is_installation_admin(user):
        return true()
    if user.station_id is None or user.role == Role.leader:
        return BulletinDelivery.id.is_(None)
    return BulletinDelivery.station_id == user.station_id


def get_delivery(session: Session, delivery_id: int, user: User) -> BulletinDelivery:
    """A delivery to the user's station; otherwise DeliveryNotFound (404)."""
    row = session.scalar(select(BulletinDelivery).where(BulletinDelivery.id == delivery_id,
                                                        deliveries_visible(user))
                         .execution_options(populate_existing=True))
    if row is None:
        raise DeliveryNotFound(delivery_id)
    return row


def require_organisation_role(user: User, roles: tuple[Role, ...], action_vi: str, action_en: str) -> int:
    """The user's organisation, if they are an organisation account with one of `roles`."""
    if not is_organisation_user(user) or user.role not in roles or user.organisation_id is None:
        raise NotOrganisationStaff(action_vi, action_en)
    return user.organisation_id


def require_station_editor(user: User) -> None:
    if user.station_id is None or user.role != Role.editor:
        raise NotStationEditor()
