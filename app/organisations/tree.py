"""Which organisations and stations lie under an organisation: the one walk of the hierarchy.

The tree is two levels deep at most (province → district), so the walk is one query, not a
recursive CTE. Every other module asks here rather than joining `organisations` itself.
"""

from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.models import Organisation, Station, User


def organisation_ids_under(session: Session, organisation_id: int) -> list[int]:
    """The organisation itself and its districts (a district has none below it)."""
    rows = session.scalars(select(Organisation.id).where(
        or_(Organisation.id == organisation_id, Organisation.parent_id == organisation_id)))
    return sorted(rows)


def station_ids_under(organisation_id: int) -> Select[int]:
    """A sub-select of the ids of the stations of the organisation or of one of its districts."""
    districts = select(Organisation.id).where(Organisation.parent_id == organisation_id)
    return select(Station.id).where(or_(Station.organisation_id == organisation_id,
                                        Station.organisation_id.in_(districts)))


def is_organisation_user(user: User) -> bool:
    """A province or district account: it belongs to an organisation, not to a station."""
    return user.organisation_id is not None and user.station_id is None
