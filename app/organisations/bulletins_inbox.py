"""The ward's side of a bulletin from above: its inbox, accept (it becomes the ward's own approved
script, planned like its own) or decline with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.models import Bulletin, BulletinDelivery, DeliveryState, Organisation, Priority, Station, Topic, User
from app.organisations import bulletins_access as scope
from app.organisations import bulletins_recording as recording
from app.organisations.bulletins_exceptions import BulletinWrongState, InvalidBulletin
from app.organisations.bulletins_schemas import InboxItem
from app.programmes import service as programmes
from app.scheduling import request_replan
from app.scripts import service as scripts
from app.scripts.schemas import ScriptFields

DEFAULT_TOPIC = "thong-bao"
STATE_VI = {DeliveryState.queued: "đang chuyển tới đài", DeliveryState.failed: "không chuyển được",
            DeliveryState.received: "chưa quyết định", DeliveryState.accepted: "đã nhận",
            DeliveryState.declined: "đã từ chối", DeliveryState.stopped: "đã dừng"}


def topic_for(session: Session, station: Station) -> str:
    """The ward's announcements topic (thông báo), or its first topic if it renamed that one."""
    codes = list(session.scalars(select(Topic.code).where(Topic.station_id == station.id).order_by(Topic.id)))
    if DEFAULT_TOPIC in codes or not codes:
        return DEFAULT_TOPIC
    return codes[0]


def take(session: Session, bulletin: Bulletin, delivery: BulletinDelivery, station: Station, *, user: User,
         now: datetime) -> None:
    """Make the bulletin the ward's own approved script (normal or priority level) in its air
    window from today; a priority one is planned at once so that it leads the next programme."""
    today = scripts.station_today(station, now)
    if bulletin.air_until < today:
        raise InvalidBulletin(
            f"Khoảng thời gian phát của bản tin đã qua (đến {bulletin.air_until:%d/%m/%Y}).",
            detail_en="The bulletin's air window has passed.")
    organisation = session.get(Organisation, bulletin.organisation_id)
    source = f"{organisation.name if organisation else 'Cấp trên'} — bản tin số {bulletin.id}"
    script = scripts.create_approved(session, station, ScriptFields(
        title=bulletin.title, body=bulletin.body, topic=topic_for(session, station), source_ref=source[:300],
        priority=Priority.priority if bulletin.level == Priority.priority else Priority.normal,
        air_from=max(bulletin.air_from, today), air_until=bulletin.air_until,
        airings_target=bulletin.airings_target, area_ids=list(delivery.area_ids),
        recording_id=recording.for_station(session, bulletin, station, user=user)), author=user, now=now)
    delivery.script_id, delivery.state, delivery.decided_at = script.id, DeliveryState.accepted, now
    if user.station_id == station.id:
        delivery.decided_by_id = user.id
    audit.record(session, "bulletin_accept", actor=user, entity_type="script", entity_id=script.id,
                 station_id=station.id, changes={"bulletin_id": bulletin.id, "level": bulletin.level.value})
    if bulletin.level == Priority.priority:
        programmes.plan_days(session, programmes.station_with_slots(session, station.id), today, 2, now=now)
    else:
        request_replan(session)


def _undecided(delivery: BulletinDelivery, action_vi: str, action_en: str) -> None:
    if delivery.state != DeliveryState.received:
        raise BulletinWrongState(action_vi, STATE_VI[delivery.state], action_en, delivery.state.value)


def accept(session: Session, delivery: BulletinDelivery, *, user: User) -> BulletinDelivery:
    """The ward's editor takes a normal bulletin: its own approved script from now on."""
    scope.require_station_editor(user)
    _undecided(delivery, "nhận", "accept")
    bulletin = session.get(Bulletin, delivery.bulletin_id)
    assert bulletin is not None  # a delivery belongs to its bulletin (foreign key, cascade)
    station = programmes.station_with_slots(session, delivery.station_id)
    take(session, bulletin, delivery, station, user=user, now=datetime.now(UTC))
    session.flush()
    return delivery


def decline(session: Session, delivery: BulletinDelivery, reason: str, *, user: User) -> BulletinDelivery:
    """The ward's editor says no, with a reason the sender reads."""
    scope.require_station_editor(user)
    _undecided(delivery, "từ chối", "decline")
    delivery.state, delivery.decline_reason = DeliveryState.declined, reason
    delivery.decided_by_id, delivery.decided_at = user.id, datetime.now(UTC)
    session.flush()
    audit.record(session, "bulletin_decline", actor=user, entity_type="bulletin", entity_id=delivery.bulletin_id,
                 station_id=delivery.station_id, changes={"reason": reason})
    return delivery


def items(session: Session, user: User, station_id: int, delivery_id: int | None = None) -> list[InboxItem]:
    """The bulletins from above in a station's inbox, newest first (or the one asked for)."""
    stmt = (select(BulletinDelivery, Bulletin, Organisation.name)
            .join(Bulletin, Bulletin.id == BulletinDelivery.bulletin_id)
            .join(Organisation, Organisation.id == Bulletin.organisation_id)
            .where(BulletinDelivery.station_id == station_id, scope.deliveries_visible(user))
            .order_by(BulletinDelivery.created_at.desc(), BulletinDelivery.id.desc()).limit(500))
    if delivery_id is not None:
        stmt = stmt.where(BulletinDelivery.id == delivery_id)
    return [InboxItem(id=d.id, bulletin_id=b.id, organisation=name, title=b.title, body=b.body, level=b.level,
                      air_from=b.air_from, air_until=b.air_until, area_ids=list(d.area_ids), state=d.state,
                      decline_reason=d.decline_reason, script_id=d.script_id, emergency_id=d.emergency_id,
                      received_at=d.created_at, recording_duration_ms=b.recording_duration_ms)
            for d, b, name in session.execute(stmt)]
