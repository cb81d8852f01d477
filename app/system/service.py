"""Problems of the server itself: recorded by the jobs they stop, cleared when they next
succeed, and a live look at the data disk's free space."""

from __future__ import annotations

import shutil
from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import Station, SystemProblem
from app.speech.audio import audio_settings
from app.system import disk_use
from app.system.retention import format_bytes
from app.system.schemas import StorageUse, SystemProblemRead
from audio.errors import StorageFull

# What each scheduler job does, as an editor would say it.
JOB_WORK = {
    "plan_next_days": ("lập lịch phát 7 ngày tới", "planning the next 7 days"),
    "replan_changed": ("lập lại lịch phát sau khi tin bài thay đổi", "re-planning after script changes"),
    "lock_due_programmes": ("chốt các chương trình sắp phát", "locking programmes about to air"),
    "record_aired_programmes": ("ghi nhận chương trình đã phát", "recording what aired"),
    "render_ahead": ("dựng âm thanh các chương trình 48 giờ tới", "rendering the next 48 hours"),
    "clean_up_audio": ("dọn âm thanh đã hết hạn lưu trữ", "deleting audio past its retention"),
}
LOW_DISK_CODE = "low_disk"


def disk_full_code(job: str) -> str:
    return f"disk_full:{job}"


def record_disk_full(session: Session, job: str, *, now: datetime | None = None) -> SystemProblem:
    """Note that `job` failed because the disk is full (once per job, counted)."""
    work_vi, work_en = JOB_WORK.get(job, (job, job))
    return _record(session, disk_full_code(job), f"Không {work_vi} được: {StorageFull.message_vi}",
                   f"Could not run {work_en}: {StorageFull.message_en}", now or datetime.now(UTC))


def _record(session: Session, code: str, message_vi: str, message_en: str, now: datetime) -> SystemProblem:
    problem = session.get(SystemProblem, code)
    if problem is None:
        problem = SystemProblem(code=code, message_vi=message_vi, message_en=message_en,
                                first_seen_at=now, last_seen_at=now, occurrences=1)
        session.add(problem)
    else:
        problem.message_vi, problem.message_en = message_vi, message_en
        problem.last_seen_at, problem.occurrences = now, problem.occurrences + 1
    session.flush()
    return problem


def station_code(kind: str, station_id: int, key: object) -> str:
    """The code of a problem that belongs to one station (only its staff see it)."""
    return f"{kind}:{station_id}:{key}"


def record_problem(session: Session, code: str, message_vi: str, message_en: str,
                   *, now: datetime | None = None) -> SystemProblem:
    """Note a problem (once per code, counted) until `clear_problem` removes it."""
    return _record(session, code, message_vi, message_en, now or datetime.now(UTC))


def clear_problem(session: Session, code: str) -> bool:
    problem = session.get(SystemProblem, code)
    if problem is None:
        return False
    session.delete(problem)
    session.flush()
    return True


def _of_other_station(code: str, station_ids: Collection[int] | None) -> bool:
    parts = code.split(":")
    return station_ids is not None and len(parts) == 3 and parts[1].isdigit() and int(parts[1]) not in station_ids


def clear_job_problems(session: Session, job: str) -> bool:
    """`job` succeeded: forget what stopped it before. Answers whether there was anything."""
    problem = session.get(SystemProblem, disk_full_code(job))
    if problem is None:
        return False
    session.delete(problem)
    session.flush()
    return True


def current(session: Session, *, now: datetime | None = None, station_id: int | None = None,
            station_ids: Collection[int] | None = None) -> list[SystemProblemRead]:
    """Every ongoing problem, the data disk's free space first when it is running out; given a
    station (or the stations under an organisation), the problems of other stations (e.g. their
    relay sources) are left out."""
    now = now or datetime.now(UTC)
    within = station_ids if station_ids is not None else (None if station_id is None else {station_id})
    problems = [SystemProblemRead.model_validate(p) for p in
                session.scalars(select(SystemProblem).order_by(SystemProblem.first_seen_at))
                if not _of_other_station(p.code, within)]
    low = _low_disk(now)
    return ([low] if low else []) + problems


def _low_disk(now: datetime) -> SystemProblemRead | None:
    settings = get_settings()
    try:
        usage = shutil.disk_usage(settings.data_dir)
    except OSError:
        return None
    threshold = min(settings.disk_warning_mb * 1024 * 1024, usage.total // 20)
    if usage.free >= threshold:
        return None
    free_mb = usage.free / (1024 * 1024)
    return SystemProblemRead(
        code=LOW_DISK_CODE,
        message_vi=(f"Ổ đĩa chứa dữ liệu của Loa sắp đầy: chỉ còn {free_mb:.0f} MB trống. Hãy báo quản "
                    "trị viên giải phóng dung lượng trước khi không lưu được âm thanh."),
        message_en=(f"Loa's data disk is nearly full: {free_mb:.0f} MB free. Ask the administrator "
                    "to free space before audio can no longer be saved."),
        first_seen_at=now, last_seen_at=now, occurrences=1,
    )


def storage_use(session: Session, station_id: int | None = None) -> StorageUse:
    """The audio store's size and the data disk's free space (measured at most every 5 minutes),
    with the station's retention."""
    use = disk_use.current(audio_settings().audio_dir)
    station = session.get(Station, station_id) if station_id is not None else None
    return StorageUse(
        audio_store_bytes=use.store_bytes, audio_store_files=use.store_files,
        disk_free_bytes=use.free_bytes, disk_total_bytes=use.total_bytes,
        measured_at=datetime.fromtimestamp(use.measured_at, UTC),
        audio_retention_days=station.audio_retention_days if station else None,
        audio_store=format_bytes(use.store_bytes), disk_free=format_bytes(use.free_bytes),
        disk_total=format_bytes(use.total_bytes),
    )
