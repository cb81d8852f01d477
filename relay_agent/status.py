"""`loa relay status`: what a neighbourhood leader needs to know, in plain Vietnamese."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from relay_agent.cache import Cache
from relay_agent.outbox import DB_FILE, Store
from relay_agent.schedule import Programme, Schedule

VIETNAM = timezone(timedelta(hours=7))  # no daylight saving: a safe fallback without tzdata


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return VIETNAM


def _local(moment: datetime | str | None, zone: tzinfo) -> str:
    if moment is None:
        return "chưa có"
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.astimezone(zone).strftime("%H:%M %d/%m/%Y")


def _file_state(cache: Cache, programme: Programme) -> str:
    if programme.audio is None:
        return "chưa dựng xong âm thanh"
    return "đã tải" if cache.is_present(programme.audio) else "CHƯA TẢI"


def status_text(cache_dir: Path, now: datetime) -> str:
    """Describe the relay from its cache directory alone (works with the server unreachable)."""
    if not (cache_dir / DB_FILE).exists() and not (cache_dir / "schedule.json").exists():
        return (
            f"Chưa có dữ liệu trong {cache_dir}: cụm loa chưa đồng bộ lần nào. "
            "Hãy chạy `loa relay sync` trước.\n"
            f"(nothing cached in {cache_dir} yet: run `loa relay sync` first)"
        )
    cache = Cache(cache_dir)
    store = Store(cache_dir)
    schedule = cache.load_schedule()
    zone = _zone(schedule.timezone if schedule else "Asia/Ho_Chi_Minh")
    lines: list[str] = []
    if schedule is not None:
        lines.append(
            f"Cụm loa: {schedule.relay_point_name} — khu phố {schedule.area_name} — "
            f"{schedule.station_name}"
        )
    lines.append(f"Bây giờ: {_local(now, zone)}")
    lines.append(f"Đồng bộ thành công gần nhất: {_local(store.get_meta('last_sync_ok_at'), zone)}")
    last_error = store.get_meta("last_error")
    if last_error:
        when = _local(store.get_meta("last_error_at"), zone)
        lines.append(f"Lỗi gần nhất ({when}): {last_error}")
    else:
        lines.append("Lỗi gần nhất: không có")
    lines.extend(_programme_lines(cache, schedule, now, zone))
    backlog = store.backlog()
    lines.append(
        f"Chờ gửi về đài: {backlog.pending} bản ghi ({backlog.pending_played} nhật ký phát)"
        + (f", cũ nhất từ {_local(backlog.oldest, zone)}" if backlog.oldest else "")
    )
    if backlog.dead:
        lines.append(f"Bị máy chủ từ chối, đã để riêng: {backlog.dead} bản ghi")
    free_mb = shutil.disk_usage(cache_dir).free // (1024 * 1024)
    lines.append(f"Dung lượng trống: {free_mb} MB")
    return "\n".join(lines)


def _programme_lines(
    cache: Cache, schedule: Schedule | None, now: datetime, zone: tzinfo
) -> list[str]:
    if schedule is None:
        return ["Lịch: chưa có (chưa đồng bộ được lần nào)"]
    lines = []
    emergency = schedule.emergency
    if emergency is not None and emergency.expires_at > now:
        state = "đã tải" if cache.is_present(emergency.audio) else "CHƯA TẢI"
        lines.append(
            f"BẢN TIN KHẨN #{emergency.id} «{emergency.title}», hết hạn "
            f"{_local(emergency.expires_at, zone)} ({state})"
        )
    upcoming = [p for p in schedule.programmes if p.ends_at > now]
    following = schedule.next_programme(now)
    current = schedule.due_programme(now)
    if current is not None:
        lines.append(f"Đang trong giờ phát: chương trình #{current.id} ({current.slot})")
    if following is not None:
        lines.append(
            f"Chương trình tiếp theo: #{following.id} ({following.slot}) lúc "
            f"{_local(following.starts_at, zone)} — {_file_state(cache, following)}"
        )
    else:
        lines.append("Chương trình tiếp theo: chưa có trong lịch")
    lines.append(f"Lịch đã lưu ({len(upcoming)} chương trình):")
    for programme in upcoming:
        minutes = programme.duration_ms / 60000
        lines.append(
            f"  - {_local(programme.starts_at, zone)}  {programme.slot:<10} #{programme.id:<5} "
            f"{minutes:.0f} phút  {_file_state(cache, programme)}"
        )
    return lines
