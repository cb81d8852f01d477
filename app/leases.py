"""Named leases in the database: one holder at a time, until the lease expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import Lease


def acquire(session: Session, name: str, holder: str, ttl: timedelta, *, now: datetime | None = None) -> bool:
    """Take or renew the lease; answers whether `holder` has it now. Commits."""
    now = now or datetime.now(UTC)
    result = session.execute(
        update(Lease).where(Lease.name == name, or_(Lease.holder == holder, Lease.expires_at < now))
        .values(holder=holder, expires_at=now + ttl)
    )
    if result.rowcount:  # type: ignore[attr-defined]
        session.commit()
        return True
    session.rollback()
    if session.get(Lease, name) is not None:
        return False
    try:
        session.add(Lease(name=name, holder=holder, expires_at=now + ttl))
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
        return False


def release(session: Session, name: str, holder: str) -> None:
    session.execute(update(Lease).where(Lease.name == name, Lease.holder == holder)
                    .values(expires_at=datetime(1970, 1, 1, tzinfo=UTC)))
    session.commit()
