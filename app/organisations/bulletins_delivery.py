"""Delivering a sent bulletin to one station: the work that used to run inside the send request.

A normal bulletin only needs its delivery row (it waits in the ward's inbox). A priority one
becomes the ward's approved script and re-plans the ward; an emergency one is spoken (or its
recording taken), encoded to MP3, published to the relay points, and the ward re-planned.

What a province emergency costs (measured on PostgreSQL, this 2-core machine, eSpeak): about
1.0-1.3 s of work per station. Sent inside the request, as before, an emergency to 50 stations
answered after 58 s (≈ 3 minutes for 150), and no ward aired it before the request committed.
Now the request only writes one delivery row and one `deliver_bulletin` job per station (0.7 s
for 50) at the queue's highest priority: the first ward airs it about a second later, the last
after stations × 1.3 s ÷ workers (62 s for 50 with one worker). The work is the same; it is
spread over every `loa worker`, and each ward's emergency is on the air as soon as its own job
is done instead of when the last ward's is.

`deliver` is idempotent: it locks its delivery row, and a delivery no longer `queued` (done,
failed, or stopped by the sender meanwhile) is left alone, so a retried or doubled job never
delivers twice."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import LoaError
from app.models import Bulletin, BulletinDelivery, BulletinStatus, DeliveryState, Priority, Station, User
from app.organisations import bulletins_inbox as inbox
from app.organisations import bulletins_recording as recording
from app.programmes import emergency as emergencies
from app.programmes import service as programmes
from app.programmes.schemas import EmergencyCreate

log = logging.getLogger("loa.bulletins")
DEFAULT_EMERGENCY_MINUTES = 60


def needs_job(level: Priority) -> bool:
    """Whether a delivery of this level has work to do (normal ones just wait in the inbox)."""
    return level in (Priority.priority, Priority.emergency)


def deliver(session: Session, delivery_id: int) -> bool:
    """Deliver one queued delivery; answers whether it did anything. A refusal (the window has
    passed, speech failed for good) marks the delivery failed with the reason, for its sender."""
    delivery = session.scalar(select(BulletinDelivery).where(BulletinDelivery.id == delivery_id)
                              .with_for_update())
    if delivery is None or delivery.state != DeliveryState.queued:
        return False
    bulletin = session.get(Bulletin, delivery.bulletin_id)
    assert bulletin is not None  # a delivery belongs to its bulletin (foreign key, cascade)
    now = datetime.now(UTC)
    if bulletin.status != BulletinStatus.sent:  # stopped before this station's turn came
        delivery.state, delivery.decided_at = DeliveryState.stopped, now
        session.flush()
        return True
    sender = session.get(User, bulletin.sent_by_id)
    assert sender is not None  # a sent bulletin names its sender
    station = programmes.station_with_slots(session, delivery.station_id)
    try:
        with session.begin_nested():
            if bulletin.level == Priority.emergency:
                _issue_emergency(session, bulletin, delivery, station, user=sender, now=now)
            else:
                inbox.take(session, bulletin, delivery, station, user=sender, now=now)
    except LoaError as exc:
        delivery.state, delivery.decided_at = DeliveryState.failed, now
        delivery.failure_reason = exc.detail
        audit.record(session, "bulletin_delivery_failed", actor=sender, entity_type="bulletin",
                     entity_id=bulletin.id, station_id=station.id, changes={"reason": exc.detail})
        log.warning("bulletin %s could not be delivered to station %s: %s", bulletin.id, station.id,
                    exc.detail_en or exc.detail)
    session.flush()
    return True


def _issue_emergency(session: Session, bulletin: Bulletin, delivery: BulletinDelivery, station: Station,
                     *, user: User, now: datetime) -> None:
    """Out at once to the chosen areas, exactly as the ward's own emergency goes out; a bulletin
    with a recording airs the recording, not speech made from its text."""
    issued = emergencies.issue(session, EmergencyCreate(
        title=bulletin.title, body=bulletin.body, area_ids=delivery.area_ids,
        minutes=bulletin.emergency_minutes or DEFAULT_EMERGENCY_MINUTES,
        topic=inbox.topic_for(session, station)), user=user, station=station,
        recording_id=recording.for_station(session, bulletin, station, user=user))
    delivery.state, delivery.decided_at = DeliveryState.accepted, now
    delivery.script_id, delivery.emergency_id = issued.script_id, issued.id

