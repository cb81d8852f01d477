"""A province's or district's bulletins sent down: draft, submit, approve, send, stop.

Sending makes one delivery per chosen station. What a delivery becomes depends on the level
(Circular 39): a normal bulletin waits in the ward's inbox for its editor; a priority one becomes
the ward's approved script at once and leads its next programme; an emergency one is issued at
once exactly like the ward's own emergency (`app.programmes.emergency.issue`)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import work_queue
from app.audit import service as audit
from app.models import (
    Bulletin,
    BulletinDelivery,
    BulletinStatus,
    DeliveryState,
    Emergency,
    Priority,
    Script,
    ScriptStatus,
    Station,
    User,
)
from app.organisations import bulletins_access as scope
from app.organisations import bulletins_delivery as delivering
from app.organisations.bulletins_exceptions import (
    BulletinWrongState,
    InvalidBulletin,
    OwnBulletinReview,
    StationsOutsideOrganisation,
)
from app.organisations.bulletins_schemas import BulletinCreate, BulletinSend, BulletinUpdate
from app.organisations.tree import station_ids_under
from app.programmes import emergency as emergencies
from app.scripts import service as scripts
from app.stations import service as stations

# The province's own calendar (its stations may name their own zone; a province is in one).
PROVINCE_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
STATUS_VI = {
    BulletinStatus.draft: "bản nháp", BulletinStatus.submitted: "chờ duyệt",
    BulletinStatus.approved: "đã duyệt", BulletinStatus.sent: "đã gửi", BulletinStatus.cancelled: "đã dừng",
}


def province_today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(PROVINCE_ZONE).date()


def _check_window(air_from: date, air_until: date, *, today: date | None) -> None:
    if air_until < air_from:
        raise InvalidBulletin(
            f"Ngày phát cuối ({air_until:%d/%m/%Y}) phải sau hoặc bằng ngày phát đầu ({air_from:%d/%m/%Y}).",
            detail_en="air_until must not be before air_from.")
    if today is not None and air_until < today:
        raise InvalidBulletin(
            f"Khoảng thời gian phát đã qua (đến {air_until:%d/%m/%Y}); hãy chọn từ hôm nay ({today:%d/%m/%Y}).",
            detail_en="The air window has passed: choose today or later.")


def _state(bulletin: Bulletin, allowed: tuple[BulletinStatus, ...], action_vi: str, action_en: str) -> None:
    if bulletin.status not in allowed:
        raise BulletinWrongState(action_vi, STATUS_VI[bulletin.status], action_en, bulletin.status.value)


def _audit(session: Session, action: str, bulletin: Bulletin, user: User,
           changes: dict[str, Any] | None = None) -> None:
    audit.record(session, action, actor=user, entity_type="bulletin", entity_id=bulletin.id,
                 changes=changes or {})


def create(session: Session, data: BulletinCreate, *, user: User) -> Bulletin:
    """Draft a bulletin of the user's own organisation."""
    organisation_id = scope.require_organisation_role(user, scope.DRAFTERS, "soạn", "draft")
    _check_window(data.air_from, data.air_until, today=province_today())
    bulletin = Bulletin(organisation_id=organisation_id, title=data.title, body=data.body, level=data.level,
                        air_from=data.air_from, air_until=data.air_until, airings_target=data.airings_target,
                        emergency_minutes=data.emergency_minutes, author_id=user.id,
                        status=BulletinStatus.draft)
    session.add(bulletin)
    session.flush()
    _audit(session, "bulletin_create", bulletin, user, {"title": bulletin.title, "level": bulletin.level.value})
    return bulletin


def update(session: Session, bulletin: Bulletin, data: BulletinUpdate, *, user: User) -> Bulletin:
    """Edit a draft or a bulletin waiting for approval (it then waits again)."""
    scope.require_organisation_role(user, scope.DRAFTERS, "sửa", "edit")
    _state(bulletin, (BulletinStatus.draft, BulletinStatus.submitted, BulletinStatus.approved), "sửa", "edit")
    changes = {k: v for k, v in data.model_dump(exclude_unset=True).items()
               if v is not None or k == "emergency_minutes"}
    air_from = changes.get("air_from", bulletin.air_from)
    air_until = changes.get("air_until", bulletin.air_until)
    _check_window(air_from, air_until, today=province_today())
    for field, value in changes.items():
        setattr(bulletin, field, value)
    if bulletin.status == BulletinStatus.approved:  # new content needs a new approval
        bulletin.status = BulletinStatus.submitted
        bulletin.approved_by_id = bulletin.approved_at = None
    session.flush()
    _audit(session, "bulletin_edit", bulletin, user, {k: str(v) for k, v in changes.items()})
    return bulletin


def submit(session: Session, bulletin: Bulletin, *, user: User) -> Bulletin:
    """Ask the organisation's leader or another editor to approve the draft."""
    scope.require_organisation_role(user, scope.DRAFTERS, "gửi duyệt", "submit")
    _state(bulletin, (BulletinStatus.draft,), "gửi duyệt", "submit")
    bulletin.status = BulletinStatus.submitted
    session.flush()
    _audit(session, "bulletin_submit", bulletin, user)
    return bulletin


def approve(session: Session, bulletin: Bulletin, *, user: User) -> Bulletin:
    """Approve a submitted bulletin (the organisation's leader or an editor, never its author)."""
    scope.require_organisation_role(user, scope.REVIEWERS, "duyệt", "approve")
    _state(bulletin, (BulletinStatus.submitted,), "duyệt", "approve")
    if bulletin.author_id == user.id:
        raise OwnBulletinReview()
    bulletin.status = BulletinStatus.approved
    bulletin.approved_by_id, bulletin.approved_at = user.id, datetime.now(UTC)
    bulletin.rejection_reason = bulletin.rejected_at = None
    session.flush()
    _audit(session, "bulletin_approve", bulletin, user)
    return bulletin


def reject(session: Session, bulletin: Bulletin, reason: str, *, user: User) -> Bulletin:
    """Send a submitted bulletin back to its author as a draft, with a reason they read (as a
    ward's editor sends a script back, `app.scripts.service.reject`); never its own author."""
    scope.require_organisation_role(user, scope.REVIEWERS, "trả lại", "return")
    _state(bulletin, (BulletinStatus.submitted,), "trả lại", "return")
    if bulletin.author_id == user.id:
        raise OwnBulletinReview()
    bulletin.status = BulletinStatus.draft
    bulletin.rejection_reason, bulletin.rejected_at = reason, datetime.now(UTC)
    session.flush()
    _audit(session, "bulletin_reject", bulletin, user, {"status": ["submitted", "draft"], "reason": reason})
    return bulletin


def stations_under(session: Session, organisation_id: int) -> list[Station]:
    """The stations a bulletin of this organisation may be sent to, by name."""
    return list(session.scalars(select(Station).where(Station.id.in_(station_ids_under(organisation_id)))
                                .order_by(Station.name, Station.id)))


def _targets(session: Session, bulletin: Bulletin, data: BulletinSend) -> list[tuple[Station, list[int]]]:
    """The chosen stations, each under the bulletin's organisation, with areas of its own."""
    wanted = [t.station_id for t in data.stations]
    if len(set(wanted)) != len(wanted):
        raise InvalidBulletin("Mỗi đài chỉ được chọn một lần.", detail_en="Each station may be chosen once.")
    allowed = {s.id: s for s in stations_under(session, bulletin.organisation_id)}
    outside = sorted(set(wanted) - set(allowed))
    if outside:
        raise StationsOutsideOrganisation(outside)
    chosen: list[tuple[Station, list[int]]] = []
    for target in data.stations:
        station = stations.get(session, target.station_id, with_children=True)
        own = {a.id for a in station.areas}
        foreign = sorted(set(target.area_ids) - own)
        if foreign:
            raise InvalidBulletin(
                f"Khu phố số {', '.join(map(str, foreign))} không thuộc đài “{station.name}”.",
                detail_en=f"Area(s) {foreign} are not areas of station {station.id}.")
        chosen.append((station, sorted(set(target.area_ids))))
    return chosen


def send(session: Session, bulletin: Bulletin, data: BulletinSend, *, user: User) -> list[BulletinDelivery]:
    """Send an approved bulletin to chosen stations under its organisation: one delivery each.

    A normal delivery is done once its row exists (it waits in the ward's inbox). A priority or
    emergency one has work to do at the station (`bulletins_delivery.deliver`): with the job
    queue on, one job per station, queued in this transaction, and the delivery shows `queued`
    until a worker has done it; without a queue (a single ward on SQLite) it is done here, each
    station in a savepoint of its own so that one station's failure is only that station's."""
    scope.require_organisation_role(user, scope.SENDERS, "gửi", "send")
    _state(bulletin, (BulletinStatus.approved,), "gửi xuống", "send")
    for field in ("level", "air_from", "air_until", "emergency_minutes"):
        value = getattr(data, field)
        if value is not None:
            setattr(bulletin, field, value)
    now = datetime.now(UTC)
    _check_window(bulletin.air_from, bulletin.air_until, today=province_today(now))
    chosen = _targets(session, bulletin, data)
    has_work = delivering.needs_job(bulletin.level)
    queued = has_work and work_queue.queue_on()
    bulletin.status, bulletin.sent_by_id, bulletin.sent_at = BulletinStatus.sent, user.id, now
    deliveries = [BulletinDelivery(bulletin_id=bulletin.id, station_id=station.id, area_ids=area_ids,
                                   state=DeliveryState.queued if has_work else DeliveryState.received)
                  for station, area_ids in chosen]
    session.add_all(deliveries)
    session.flush()
    _audit(session, "bulletin_send", bulletin, user,
           {"level": bulletin.level.value, "stations": [s.id for s, _ in chosen], "queued": queued})
    if has_work:
        _deliver(session, bulletin, deliveries, queued=queued)
    return deliveries


def retry_failed(session: Session, bulletin: Bulletin, *, user: User) -> list[BulletinDelivery]:
    """Deliver again to the stations where a sent bulletin could not be delivered (speech failed,
    say): each failed delivery goes back to `queued` and is delivered as at the send, so a
    passing fault at one ward does not leave it without the bulletin. Answers the retried ones;
    a bulletin with nothing failed is left as it is."""
    scope.require_organisation_role(user, scope.SENDERS, "gửi lại", "retry")
    _state(bulletin, (BulletinStatus.sent,), "gửi lại", "retry")
    failed = list(session.scalars(select(BulletinDelivery).where(
        BulletinDelivery.bulletin_id == bulletin.id, BulletinDelivery.state == DeliveryState.failed)
        .order_by(BulletinDelivery.id).with_for_update()))
    if not failed:
        return []
    for delivery in failed:
        delivery.state, delivery.decided_at, delivery.failure_reason = DeliveryState.queued, None, None
    session.flush()
    queued = work_queue.queue_on()
    _audit(session, "bulletin_retry", bulletin, user, {"stations": [d.station_id for d in failed], "queued": queued})
    _deliver(session, bulletin, failed, queued=queued)
    return failed


def _deliver(session: Session, bulletin: Bulletin, deliveries: list[BulletinDelivery], *, queued: bool) -> None:
    """Priority and emergency deliveries: one job per station when the queue is on, else here."""
    if queued:
        for delivery in deliveries:
            work_queue.enqueue_delivery(session.connection(), delivery.id, delivery.station_id,
                                        emergency=bulletin.level == Priority.emergency)
        return
    for delivery in deliveries:
        delivering.deliver(session, delivery.id)


def stop(session: Session, bulletin: Bulletin, *, user: User) -> Bulletin:
    """Stop a sent bulletin everywhere: emergencies end at the relays' next poll, the wards'
    scripts made from it are withdrawn, and what was not decided leaves the inboxes."""
    scope.require_organisation_role(user, scope.SENDERS, "dừng", "stop")
    _state(bulletin, (BulletinStatus.sent,), "dừng", "stop")
    now = datetime.now(UTC)
    # locked: a delivery job running now finishes first, and its emergency is then stopped too
    for delivery in session.scalars(select(BulletinDelivery).where(BulletinDelivery.bulletin_id == bulletin.id)
                                    .order_by(BulletinDelivery.id).with_for_update()):
        if delivery.state in (DeliveryState.declined, DeliveryState.stopped, DeliveryState.failed):
            continue
        emergency = session.get(Emergency, delivery.emergency_id) if delivery.emergency_id else None
        script = session.get(Script, delivery.script_id) if delivery.script_id else None
        if emergency is not None:
            emergencies.stop(session, emergency, user=user)
        elif script is not None and script.status == ScriptStatus.approved:
            scripts.withdraw(session, script, user=user)
        delivery.state, delivery.decided_at = DeliveryState.stopped, now
    bulletin.status, bulletin.cancelled_at = BulletinStatus.cancelled, now
    session.flush()
    _audit(session, "bulletin_stop", bulletin, user)
    return bulletin


def list_for(session: Session, user: User) -> list[Bulletin]:
    """The bulletins of the user's organisation and its districts, newest first."""
    return list(session.scalars(select(Bulletin).where(scope.bulletins_visible(user))
                                .order_by(Bulletin.created_at.desc(), Bulletin.id.desc()).limit(500)))
