"""Closing a relay point's fault once it is fixed: who, when, and what was done."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.models import Area, RelayFault, RelayPoint, Role, User
from app.relays.exceptions import FaultAlreadyResolved, FaultNotFound, NotYourFault

RESOLVERS = (Role.editor, Role.admin, Role.leader)


def resolve(session: Session, fault_id: int, note: str, *, user: User) -> RelayFault:
    """Mark a fault fixed with a note; the status board then stops showing it."""
    found = session.execute(
        select(RelayFault, RelayPoint.area_id, Area.station_id)
        .join(RelayPoint, RelayFault.relay_point_id == RelayPoint.id).join(Area)
        .where(RelayFault.id == fault_id, access.in_station(user, Area.station_id))).first()
    # Another station's fault is answered as missing: its existence is none of this user's business.
    if found is None:
        raise FaultNotFound(fault_id)
    fault = found[0]
    if user.role not in RESOLVERS or (user.role == Role.leader and found.area_id != user.area_id):
        raise NotYourFault()
    if fault.resolved_at is not None:
        raise FaultAlreadyResolved(fault_id)
    fault.resolved_at, fault.resolved_by_id = datetime.now(UTC), user.id
    fault.resolution_note = note.strip()
    session.flush()
    audit.record(session, "resolve_fault", actor=user, entity_type="relay_fault", entity_id=fault.id,
                 station_id=found.station_id,
                 changes={"relay_point_id": fault.relay_point_id, "note": fault.resolution_note})
    return fault
