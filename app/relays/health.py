"""What "online", "late", "offline" and "missed" mean: the one definition the ward's relay board,
/metrics and the province board share.

A relay point was last seen at its last heartbeat, or at its last poll when it never sent one. It
is *online* when seen within 3 minutes, *late* within 6 hours, *offline* after that or never.

A programme is *due* once it should have been playing for two polls: a regular programme (not an
emergency) that was rendered or locked, starting more than two polls ago. A relay point *missed*
a due programme it hears (its area's variant, else the station-wide one) when it reported no
completed or interrupted play of it. A station missed a due programme when some relay point in use
owed it (one that existed at its start, in an area that hears it) and no relay point played it.

Each rule is written here twice at most: in Python for rows already read (`relay_state`,
`missed_by_relay`) and as SQL for grouped counts (`state_column`, `is_missed`);
tests/relays/test_health.py and tests/organisations/test_board.py hold the two together.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from app.models import Area, Programme, ProgrammeStatus, RelayHeartbeat, RelayPlay, RelayPoint
from app.relays.service import POLL_SECONDS

ONLINE_WITHIN = timedelta(minutes=3)
STALE_AFTER = timedelta(hours=6)
SILENT_GRACE = timedelta(seconds=2 * POLL_SECONDS)  # "silent for more than two polls past a slot start"
PLAYED = ("completed", "interrupted")
DUE_STATUSES = (ProgrammeStatus.locked, ProgrammeStatus.aired, ProgrammeStatus.rendered)

# Aliases for the subqueries below: the enclosing query may have areas, relay points or plays of
# its own, which a plain reference would correlate to. Made once: building them costs milliseconds.
_VARIANT, _AREA, _RELAY, _PLAY = (aliased(Programme, name="variant"), aliased(Area, name="owing_area"),
                                  aliased(RelayPoint, name="owing_relay"), aliased(RelayPlay, name="play"))

RelayState = Literal["online", "late", "offline"]
RELAY_STATES: tuple[RelayState, ...] = ("online", "late", "offline")


def relay_state(seen: datetime | None, now: datetime) -> RelayState:
    """online (heard within 3 minutes), late (within 6 hours), offline (longer, or never)."""
    if seen is None or now - seen > STALE_AFTER:
        return "offline"
    return "online" if now - seen <= ONLINE_WITHIN else "late"


def seen_column() -> ColumnElement[Any]:
    """When a relay point was last seen; needs relay_heartbeats outer-joined to relay_points."""
    return func.coalesce(RelayHeartbeat.received_at, RelayPoint.last_seen_at)


def state_column(now: datetime) -> ColumnElement[str]:
    """`relay_state` as SQL over `seen_column()`, for counting by state in the database."""
    seen = seen_column()
    return case((seen.is_(None), literal("offline")), (seen < now - STALE_AFTER, literal("offline")),
                (seen >= now - ONLINE_WITHIN, literal("online")), else_=literal("late"))


def in_use() -> ColumnElement[bool]:
    """A relay point whose token is not revoked: the only ones counted and owed programmes."""
    return RelayPoint.revoked_at.is_(None)


def is_due(now: datetime) -> ColumnElement[bool]:
    """The programme (a row of `programmes`) should have been playing for two polls by `now`."""
    return and_(Programme.is_emergency.is_(False), Programme.status.in_(DUE_STATUSES),
                Programme.starts_at <= now - SILENT_GRACE)


def missed_by_relay(created_at: datetime, heard: Iterable[Programme], played_ids: set[int],
                    now: datetime) -> list[Programme]:
    """What a relay point installed at `created_at` missed among the programmes its area hears
    (`as_heard_in` over the station's regular programmes, cancelled ones aside): those due by
    `now` that started once it existed and that it did not report playing."""
    return [p for p in heard if p.status in DUE_STATUSES and p.starts_at <= now - SILENT_GRACE
            and p.starts_at >= created_at and p.id not in played_ids]


def is_played() -> ColumnElement[bool]:
    """Some relay point reported playing the programme (completed or interrupted)."""
    play = _PLAY
    return exists(select(play.id).where(play.programme_id == Programme.id, play.outcome.in_(PLAYED)))


def is_owed() -> ColumnElement[bool]:
    """Some relay point in use owes the programme: it existed at its start and its area hears it
    (the area's own variant, or the station-wide programme when the area has none for that slot),
    as `programmes.variants.as_heard_in` chooses."""
    variant, area, relay = _VARIANT, _AREA, _RELAY
    own_variant = exists(select(variant.id).where(
        variant.station_id == Programme.station_id, variant.slot_name == Programme.slot_name,
        variant.air_date == Programme.air_date, variant.area_key == area.id,
        variant.is_emergency.is_(False), variant.status != ProgrammeStatus.cancelled)
        # two levels down: without saying so, `programmes` would be a table of its own here
        .correlate(Programme, area))
    return exists(select(relay.id).join(area, area.id == relay.area_id).where(
        area.station_id == Programme.station_id, relay.revoked_at.is_(None),
        relay.created_at <= Programme.starts_at,
        or_(area.id == Programme.area_key, and_(Programme.area_key == 0, ~own_variant))).correlate(Programme))


def is_missed(now: datetime) -> ColumnElement[bool]:
    """The station missed the programme: due, owed by a relay point in use, played by none."""
    return and_(is_due(now), is_owed(), ~is_played())

