"""The editorial workflow of scripts: draft, submit, approve or reject, withdraw."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, selectinload

from app import access
from app.audit import service as audit
from app.models import Area, Priority, Recording, Role, Script, ScriptStatus, Slot, Station, Theme, Topic, User
from app.scheduling import request_replan
from app.scripts.exceptions import (
    InvalidAirWindow,
    InvalidRecurrence,
    InvalidTransition,
    NotYourScript,
    OwnScriptReview,
    ScriptTooLong,
    StaleVersion,
    UnknownReference,
)
from app.scripts.schemas import Approval, ScriptCreate, ScriptFields, ScriptRead, ScriptUpdate
from app.stations import service as station_service
from app.text import fold
from scheduler import recurrence as rrules

STATUS_VI = {
    ScriptStatus.draft: "bản nháp",
    ScriptStatus.submitted: "chờ duyệt",
    ScriptStatus.approved: "đã duyệt",
    ScriptStatus.rejected: "bị từ chối",
    ScriptStatus.withdrawn: "đã rút",
    ScriptStatus.archived: "đã lưu trữ",
}
EDITABLE = {ScriptStatus.draft, ScriptStatus.rejected, ScriptStatus.submitted, ScriptStatus.approved}
SNAPSHOT_FIELDS = ("title", "body", "topic", "source_ref", "priority", "air_from", "air_until",
                   "slots", "area_ids", "airings_target", "recording_id", "recording_sha256", "recurrence")
# A recurring script airs at most this many times unless its author says fewer (the API's ceiling).
MAX_AIRINGS = 200


def _options() -> list[Any]:
    return [selectinload(Script.topic), selectinload(Script.areas), selectinload(Script.slots)]


def get(session: Session, script_id: int, user: User) -> Script:
    """The script if the user may see it (app.access), freshly loaded; else ScriptNotFound."""
    return access.get_for(session, Script, script_id, user, *_options())


def to_read(script: Script) -> ScriptRead:
    return ScriptRead.model_validate(
        {
            **{c: getattr(script, c) for c in ScriptRead.model_fields if hasattr(Script, c)
               and c not in ("topic", "slots")},
            "topic": script.topic.code,
            "slots": [s.name for s in script.slots],
            "area_ids": [a.id for a in script.areas],
        }
    )


def station_today(station: Station, now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(station.timezone)).date()


# --- references named in a body --------------------------------------------------------


def _topic(session: Session, station_id: int, code: str) -> Topic:
    topic = session.scalar(select(Topic).where(Topic.station_id == station_id, Topic.code == code))
    if topic is None:
        known = ", ".join(t.code for t in station_service.topics(session, station_id))
        raise UnknownReference(
            f"Không có chủ đề “{code}”. Các chủ đề của đài: {known}.",
            detail_en=f"Unknown topic {code!r}; the station's topics: {known}.",
        )
    return topic


def _areas(session: Session, station_id: int, ids: list[int]) -> list[Area]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    found = list(session.scalars(select(Area).where(Area.station_id == station_id, Area.id.in_(wanted))))
    missing = sorted(set(wanted) - {a.id for a in found})
    if missing:
        raise UnknownReference(
            f"Không có khu phố số {', '.join(map(str, missing))} trong đài này.",
            detail_en=f"Unknown area(s) {missing} for this station.",
        )
    return sorted(found, key=lambda a: a.id)


def _slots(session: Session, station_id: int, names: list[str]) -> list[Slot]:
    wanted = sorted(set(names))
    if not wanted:
        return []
    found = list(session.scalars(select(Slot).where(Slot.station_id == station_id, Slot.name.in_(wanted))))
    missing = sorted(set(wanted) - {s.name for s in found})
    if missing:
        known = ", ".join(s.name for s in session.scalars(select(Slot).where(Slot.station_id == station_id)))
        raise UnknownReference(
            f"Không có khung giờ “{', '.join(missing)}”. Các khung giờ của đài: {known}.",
            detail_en=f"Unknown slot(s) {missing}; the station's slots: {known}.",
        )
    return sorted(found, key=lambda s: s.id)


def _recording(session: Session, station_id: int, recording_id: int | None) -> int | None:
    """A recording the script may air instead of speech: one of its own station's."""
    if recording_id is None:
        return None
    recording = session.get(Recording, recording_id)
    if recording is None or recording.station_id != station_id:
        raise UnknownReference(
            f"Không có bản ghi âm số {recording_id} của đài này; hãy tải bản ghi lên trước.",
            detail_en=f"No recording {recording_id} at this station: upload it first.",
        )
    return recording.id


def _theme(session: Session, station_id: int, theme_id: int | None) -> int | None:
    """A theme of the station's own month plan (or none)."""
    if theme_id is None:
        return None
    theme = session.get(Theme, theme_id)
    if theme is None or theme.station_id != station_id:
        raise UnknownReference(
            f"Không có chủ đề tuyên truyền số {theme_id} trong kế hoạch của đài; hãy chọn trong danh sách.",
            detail_en=f"No theme {theme_id} in this station's plan: choose one from the list.",
        )
    return theme.id


def _recurrence(rule: str | None, air_from: date, air_until: date) -> tuple[str | None, int]:
    """The rule in canonical spelling and how many dates it gives inside the window."""
    if rule is None or not rule.strip():
        return None, 0
    try:
        normal = rrules.normalize(rule)
    except rrules.InvalidRule as exc:
        raise InvalidRecurrence(exc.vi, detail_en=exc.en) from None
    dates = rrules.occurrences(normal, air_from, air_until)
    if not dates:
        raise InvalidRecurrence(
            f"Lịch lặp “{rrules.describe(normal)}” không có ngày nào từ {air_from:%d/%m/%Y} đến "
            f"{air_until:%d/%m/%Y}; hãy đổi lịch lặp hoặc khoảng thời gian phát.",
            detail_en="The rule gives no date inside the air window: change the rule or the window.",
        )
    return normal, len(dates)


def _check_window(air_from: date, air_until: date, *, today: date | None) -> None:
    if air_until < air_from:
        raise InvalidAirWindow(
            f"Ngày phát cuối ({air_until:%d/%m/%Y}) phải sau hoặc bằng ngày phát đầu "
            f"({air_from:%d/%m/%Y}).",
            detail_en="air_until must not be before air_from.",
        )
    if today is not None and air_from < today:
        raise InvalidAirWindow(
            f"Ngày phát đầu ({air_from:%d/%m/%Y}) đã qua; hãy chọn từ hôm nay ({today:%d/%m/%Y}).",
            detail_en="air_from is in the past: choose today or later.",
        )


# --- workflow --------------------------------------------------------------------------


def _author_station(session: Session, user: User, station_id: int | None) -> Station:
    """The station a script is written in: the author's own (another one only for the
    installation's admin, who may work in every station)."""
    return access.station_for(session, user, station_id)


def _build(session: Session, station: Station, data: ScriptFields, author: User) -> Script:
    """A new draft from checked fields: every reference must be one of the station's own."""
    _check_window(data.air_from, data.air_until, today=station_today(station))
    rule, dates = _recurrence(data.recurrence, data.air_from, data.air_until)
    airings = data.airings_target
    if rule is not None and "airings_target" not in data.model_fields_set:
        airings = min(dates, MAX_AIRINGS)  # every date of the window unless the author says fewer
    script = Script(
        station_id=station.id, title=data.title, body=data.body,
        topic=_topic(session, station.id, data.topic), source_ref=data.source_ref.strip(),
        priority=data.priority, air_from=data.air_from, air_until=data.air_until,
        airings_target=airings, recording_id=_recording(session, station.id, data.recording_id),
        author_id=author.id, status=ScriptStatus.draft, recurrence=rule,
        theme_id=_theme(session, station.id, data.theme_id),
        search_text=fold(f"{data.title}\n{data.body}\n{data.source_ref}"),
        areas=_areas(session, station.id, data.area_ids),
        slots=_slots(session, station.id, data.slots),
    )
    session.add(script)
    session.flush()
    return script


def create(session: Session, data: ScriptCreate, *, author: User) -> Script:
    """Draft a new script (officers and editors)."""
    script = _build(session, _author_station(session, author, data.station_id), data, author=author)
    audit.record(session, "create", actor=author, entity_type="script", entity_id=script.id,
                 station_id=script.station_id, changes=snapshot(session, script))
    return script


def create_emergency(session: Session, *, title: str, body: str, topic: str, area_ids: list[int],
                     author: User, now: datetime, station: Station | None = None,
                     recording_id: int | None = None) -> Script:
    """An editor's emergency bulletin: approved at once, for today and tomorrow (its caller
    audits it as an emergency). `station` is given when a province sends it down; with
    `recording_id` the recording airs instead of speech made from the text."""
    station = station or _author_station(session, author, None)
    today = station_today(station, now)
    return create_approved(session, station, ScriptFields(
        title=title, body=body, topic=topic, priority=Priority.emergency, air_from=today,
        air_until=today + timedelta(days=1), area_ids=area_ids, recording_id=recording_id),
        author=author, now=now)


def create_approved(session: Session, station: Station, data: ScriptFields, *, author: User,
                    now: datetime) -> Script:
    """A script approved as it is made: an emergency, or a bulletin a ward takes from above
    (its caller audits it)."""
    script = _build(session, station, data, author=author)
    script.status = ScriptStatus.approved
    script.reviewed_by_id, script.reviewed_at, script.approved_at = author.id, now, now
    script.approved_snapshot = reviewed_snapshot(session, script)
    session.flush()
    return script


def recording_sha256(session: Session, script: Script) -> str | None:
    """The content hash of the recording the script airs (its loudness-matched audio), if any."""
    if script.recording_id is None:
        return None
    recording = session.get(Recording, script.recording_id)
    return recording.audio_key.split(".", 1)[0] if recording is not None else None


def snapshot(session: Session, script: Script) -> dict[str, Any]:
    """The script's content as an editor reviews it: text, window, areas, slots and recording."""
    read = to_read(script).model_dump(mode="json")
    return {**{k: read[k] for k in SNAPSHOT_FIELDS if k in read},
            "recording_sha256": recording_sha256(session, script)}


def reviewed_snapshot(session: Session, script: Script) -> dict[str, Any]:
    """What the editor approved or rejected: the content and the revision number they saw."""
    return {**snapshot(session, script), "revision": script.revision}


def _check_version(script: Script, version: int | None) -> None:
    if version is not None and version != script.version:
        raise StaleVersion(version, script.version)


def may_edit(script: Script, user: User) -> bool:
    """An editor edits any script of their station; anyone else only their own, while editable."""
    return script.status in EDITABLE and (user.role == Role.editor or script.author_id == user.id)


def _check_author(script: Script, user: User) -> None:
    if user.role != Role.editor and script.author_id != user.id:
        raise NotYourScript()


def update(session: Session, script: Script, data: ScriptUpdate, *, user: User) -> Script:
    """Edit a script; editing an approved one sends it back for approval."""
    _check_version(script, data.version)
    _check_author(script, user)
    if script.status not in EDITABLE:
        raise InvalidTransition("sửa", STATUS_VI[script.status])
    before = snapshot(session, script)
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    air_from = changes.get("air_from") or script.air_from
    air_until = changes.get("air_until") or script.air_until
    if "air_from" in changes or "air_until" in changes:
        station = station_service.get(session, script.station_id)
        # An air_from already in the past may stay as it was; a new one may not be in the past.
        today = station_today(station) if changes.get("air_from") not in (None, script.air_from) else None
        _check_window(air_from, air_until, today=today)
    if "recurrence" in changes or "air_from" in changes or "air_until" in changes:
        rule = changes["recurrence"] if "recurrence" in changes else script.recurrence
        script.recurrence, _dates = _recurrence(rule, air_from, air_until)
    for field in ("title", "body", "priority", "air_from", "air_until", "airings_target"):
        if changes.get(field) is not None:
            setattr(script, field, changes[field])
    if "source_ref" in changes and changes["source_ref"] is not None:
        script.source_ref = changes["source_ref"].strip()
    if "recording_id" in changes:
        script.recording_id = _recording(session, script.station_id, changes["recording_id"])
    if changes.get("topic") is not None:
        script.topic = _topic(session, script.station_id, changes["topic"])
    if changes.get("area_ids") is not None:
        script.areas = _areas(session, script.station_id, changes["area_ids"])
    if changes.get("slots") is not None:
        script.slots = _slots(session, script.station_id, changes["slots"])
    script.search_text = fold(f"{script.title}\n{script.body}\n{script.source_ref}")
    if "theme_id" in changes and changes["theme_id"] != script.theme_id:
        set_theme(session, script, changes["theme_id"], user=user)
    after = snapshot(session, script)
    diff = {k: [before[k], after[k]] for k in SNAPSHOT_FIELDS if before[k] != after[k]}
    if not diff:
        return script
    # A new recording is new content too: after approval it goes back for review like a text edit.
    diff["revision"] = [script.revision, script.revision + 1]
    script.revision += 1
    if script.status == ScriptStatus.approved:
        script.status = ScriptStatus.submitted
        diff["status"] = [ScriptStatus.approved.value, ScriptStatus.submitted.value]
        request_replan(session)  # it leaves the plan until it is approved again
    script.updated_at = datetime.now(UTC)
    session.flush()
    audit.record(session, "edit", actor=user, entity_type="script", entity_id=script.id,
                 station_id=script.station_id, changes=diff)
    return script


def may_set_theme(script: Script, user: User) -> bool:
    """The author tags their script while they may edit it; an editor re-tags any script, an
    aired one too (the plan and the reports count it under its theme)."""
    return user.role == Role.editor or may_edit(script, user)


def set_theme(session: Session, script: Script, theme_id: int | None, *, user: User) -> Script:
    """File the script under a theme of the month plan: a label, so no new approval is needed."""
    if not may_set_theme(script, user):
        raise NotYourScript()
    new = _theme(session, script.station_id, theme_id)
    if new == script.theme_id:
        return script
    before, script.theme_id = script.theme_id, new
    session.flush()
    audit.record(session, "theme", actor=user, entity_type="script", entity_id=script.id,
                 station_id=script.station_id, changes={"theme_id": [before, new]})
    return script


def _transition(session: Session, script: Script, user: User, action: str,
                to: ScriptStatus, changes: dict[str, Any] | None = None) -> Script:
    before = script.status
    script.status = to
    script.updated_at = datetime.now(UTC)
    session.flush()
    audit.record(session, action, actor=user, entity_type="script", entity_id=script.id,
                 station_id=script.station_id,
                 changes={"status": [before.value, to.value], **(changes or {})})
    return script


def submit(session: Session, script: Script, *, user: User, version: int | None = None) -> Script:
    """Send a draft or a rejected script for approval (its author)."""
    _check_version(script, version)
    if script.author_id != user.id:
        raise NotYourScript()
    if script.status not in (ScriptStatus.draft, ScriptStatus.rejected):
        raise InvalidTransition("gửi duyệt", STATUS_VI[script.status])
    return _transition(session, script, user, "submit", ScriptStatus.submitted)


def _check_review(script: Script, user: User, version: int | None, action_vi: str) -> None:
    _check_version(script, version)
    if script.author_id == user.id:
        raise OwnScriptReview()
    if script.status != ScriptStatus.submitted:
        raise InvalidTransition(action_vi, STATUS_VI[script.status])


# Room a slot keeps for the opening and closing announcements and the gaps around an item.
ANNOUNCEMENT_ALLOWANCE_S = 45


def _check_fits(session: Session, station: Station, script: Script, longest_slot_s: int) -> None:
    """Refuse a script that could never fit a slot it may use (its recording, else its speech)."""
    from app.programmes.inputs import spoken_body
    from scheduler import estimate_duration_ms

    if script.recording_id is not None:
        recording = session.get(Recording, script.recording_id)
        seconds = recording.duration_ms // 1000 if recording else 0
    else:
        seconds = estimate_duration_ms(spoken_body(station, script), station.speech_rate) // 1000
    room = longest_slot_s - ANNOUNCEMENT_ALLOWANCE_S
    if seconds > room:
        raise ScriptTooLong(seconds, longest_slot_s)


def approve(session: Session, script: Script, data: Approval, *, user: User) -> Script:
    """Approve a submitted script (an editor who is not its author)."""
    _check_review(script, user, data.version, "duyệt")
    station = station_service.get(session, script.station_id, with_children=True)
    slot_lengths = [s.length_seconds for s in (script.slots or station.slots)]
    if slot_lengths:
        _check_fits(session, station, script, max(slot_lengths))
    changes: dict[str, Any] = {}
    if data.priority is not None and data.priority != script.priority:
        changes["priority"] = [script.priority.value, data.priority.value]
        script.priority = data.priority
    now = datetime.now(UTC)
    script.reviewed_by_id, script.reviewed_at, script.approved_at = user.id, now, now
    script.rejection_reason = None
    script.approved_snapshot = reviewed_snapshot(session, script)
    script.rejected_snapshot = None
    _transition(session, script, user, "approve", ScriptStatus.approved, changes)
    request_replan(session)
    return script


def reject(session: Session, script: Script, reason: str, *, user: User,
           version: int | None = None) -> Script:
    """Send a submitted script back to its author with a reason."""
    _check_review(script, user, version, "từ chối")
    script.reviewed_by_id, script.reviewed_at = user.id, datetime.now(UTC)
    script.rejection_reason = reason
    script.rejected_snapshot = reviewed_snapshot(session, script)
    return _transition(session, script, user, "reject", ScriptStatus.rejected, {"reason": reason})


def withdraw(session: Session, script: Script, *, user: User, version: int | None = None) -> Script:
    """Take an approved script off the air."""
    _check_version(script, version)
    if script.status != ScriptStatus.approved:
        raise InvalidTransition("rút", STATUS_VI[script.status])
    _transition(session, script, user, "withdraw", ScriptStatus.withdrawn)
    # Off the air at once, not at the next re-plan: its bulletins stop and every programme that
    # would play it (a locked one too) is planned anew. Imported here: programmes import scripts.
    from app.programmes.off_air import take_off_air

    take_off_air(session, script)  # re-plans now: no debounced re-plan is needed after it
    return script


def archive_expired(session: Session, today_by_station: dict[int, date]) -> int:
    """Archive approved scripts whose air window has passed; answers how many."""
    count = 0
    for station_id, today in today_by_station.items():
        stmt = select(Script).where(Script.station_id == station_id,
                                    Script.status == ScriptStatus.approved, Script.air_until < today)
        for script in session.scalars(stmt):
            script.status = ScriptStatus.archived
            audit.record(session, "archive", entity_type="script", entity_id=script.id,
                         station_id=station_id, actor_name="loa",
                         changes={"status": ["approved", "archived"]})
            count += 1
    session.flush()
    return count


# --- listing ---------------------------------------------------------------------------


def query(
    *,
    visible_to: User | None = None,
    station_id: int | None = None,
    status: ScriptStatus | None = None,
    topic: str | None = None,
    priority: Priority | None = None,
    air_date: date | None = None,
    q: str | None = None,
    author_id: int | None = None,
    theme_id: int | None = None,
    period: tuple[date | None, date | None] = (None, None),
) -> Select[Script]:
    stmt = select(Script).options(*_options()).order_by(Script.updated_at.desc(), Script.id.desc())
    if visible_to is not None:
        stmt = stmt.where(access.visible(Script, visible_to))
    if station_id is not None:
        stmt = stmt.where(Script.station_id == station_id)
    if status is not None:
        stmt = stmt.where(Script.status == status)
    if topic:
        stmt = stmt.join(Topic).where(Topic.code == topic)
    if priority is not None:
        stmt = stmt.where(Script.priority == priority)
    if air_date is not None:
        stmt = stmt.where(Script.air_from <= air_date, Script.air_until >= air_date)
    if author_id is not None:
        stmt = stmt.where(Script.author_id == author_id)
    if theme_id is not None:
        stmt = stmt.where(Script.theme_id == theme_id)
    if period[0] is not None:
        stmt = stmt.where(Script.air_until >= period[0])
    if period[1] is not None:
        stmt = stmt.where(Script.air_from <= period[1])
    if q and q.strip():
        words = fold(q).split()
        for word in words:
            stmt = stmt.where(Script.search_text.like(f"%{_like_escaped(word)}%", escape="\\"))
        # the words as one phrase first: without accents "mua" is also "múa", "mưa" and "mùa"
        phrase = Script.search_text.like(f"%{_like_escaped(' '.join(words))}%", escape="\\")
        stmt = stmt.order_by(None).order_by(case((phrase, 0), else_=1), Script.updated_at.desc(), Script.id.desc())
    return stmt


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count(session: Session, stmt: Select[Script]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)

