"""The one definition of online / late / offline: the Python rule and its SQL agree at every edge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import RelayHeartbeat, RelayPoint
from app.relays import health
from tests.fixtures.builders import World

NOW = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
EDGES: dict[str, tuple[timedelta | None, str]] = {
    "now": (timedelta(0), "online"),
    "3 min": (health.ONLINE_WITHIN, "online"),
    "3 min 1 s": (health.ONLINE_WITHIN + timedelta(seconds=1), "late"),
    "6 h": (health.STALE_AFTER, "late"),
    "6 h 1 s": (health.STALE_AFTER + timedelta(seconds=1), "offline"),
    "never": (None, "offline"),
}


def test_python_and_sql_say_the_same_state_at_every_edge(session: Session, world: World) -> None:
    area = world.areas[0]
    for n, (name, (ago, _)) in enumerate(EDGES.items()):
        seen = NOW - ago if ago is not None else None
        # half only polled (no heartbeat): then the poll is when it was last seen
        by_poll = n % 2 == 0
        relay = RelayPoint(area_id=area.id, name=name, token_hash=f"edge-{n}", token_prefix="t",
                           last_seen_at=seen if by_poll else None)
        session.add(relay)
        session.flush()
        if seen is not None and not by_poll:
            session.add(RelayHeartbeat(relay_point_id=relay.id, received_at=seen))
    session.commit()

    in_sql = dict(session.execute(
        select(RelayPoint.name, health.state_column(NOW)).outerjoin(
            RelayHeartbeat, RelayHeartbeat.relay_point_id == RelayPoint.id).where(RelayPoint.area_id == area.id)).all())
    in_python = {name: health.relay_state(NOW - ago if ago is not None else None, NOW)
                 for name, (ago, _) in EDGES.items()}
    expected = {name: state for name, (_, state) in EDGES.items()}
    assert in_python == expected
    assert in_sql == expected
