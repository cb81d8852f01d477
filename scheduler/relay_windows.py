"""When relay windows (tiếp sóng) occur and when their sources are checked: plain values only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# Checks run this long before a window starts: early enough to warn the editor, and once more
# just before air, when a source that was fine 10 minutes ago may have gone.
CHECK_LEADS = (timedelta(minutes=10), timedelta(minutes=1))
# The relay-windows job runs this often: recordings start on time (each waits for its window),
# checks run within this many seconds of their lead.
JOB_EVERY_S = 15


@dataclass(frozen=True, slots=True)
class WindowTimes:
    """A window's local start and end on recurring weekdays (0 = Monday) and/or on dates."""

    start: time
    end: time
    weekdays: frozenset[int] = frozenset()
    dates: frozenset[date] = frozenset()


class WindowTimesInvalid(ValueError):
    """A window that cannot be scheduled, with the reason in Vietnamese and English."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_vi, self.message_en = message_vi, message_en


def validate(times: WindowTimes) -> None:
    """Refuse a window that ends before it starts, or that never occurs."""
    if times.end <= times.start:
        raise WindowTimesInvalid("Giờ kết thúc phải sau giờ bắt đầu (trong cùng một ngày).",
                                 "The end must be after the start (on the same day).")
    if not times.weekdays and not times.dates:
        raise WindowTimesInvalid("Hãy chọn ít nhất một thứ trong tuần hoặc một ngày.",
                                 "Choose at least one weekday or one date.")
    if any(d not in range(7) for d in times.weekdays):
        raise WindowTimesInvalid("Thứ trong tuần phải từ 0 (thứ Hai) đến 6 (Chủ nhật).",
                                 "Weekdays go from 0 (Monday) to 6 (Sunday).")


def length_ms(times: WindowTimes) -> int:
    """The window's length: a fixed item of known length for the planner."""
    return int((datetime.combine(date.min, times.end) - datetime.combine(date.min, times.start))
               .total_seconds() * 1000)


def occurs_on(times: WindowTimes, local_date: date) -> bool:
    return local_date.weekday() in times.weekdays or local_date in times.dates


def instants(times: WindowTimes, local_date: date, zone: str) -> tuple[datetime, datetime]:
    """The window's start and end on `local_date`, in UTC."""
    tz = ZoneInfo(zone)
    start = datetime.combine(local_date, times.start, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(local_date, times.end, tzinfo=tz).astimezone(UTC)
    return start, end


def occurrences(times: WindowTimes, zone: str, first: date, last: date) -> list[tuple[date, datetime, datetime]]:
    """Every (local date, UTC start, UTC end) of the window between two local dates."""
    found = []
    day = first
    while day <= last:
        if occurs_on(times, day):
            found.append((day, *instants(times, day, zone)))
        day += timedelta(days=1)
    return found


def due_check(starts_at: datetime, now: datetime, done: int) -> int | None:
    """Which check (0 = 10 minutes before, 1 = 1 minute before) is due now, given how many ran.

    A check missed while the server was down runs late rather than never, up to the start."""
    if now >= starts_at or done >= len(CHECK_LEADS):
        return None
    for index in range(len(CHECK_LEADS) - 1, done - 1, -1):
        if now >= starts_at - CHECK_LEADS[index]:
            return index
    return None


def in_slot_offset(times: WindowTimes, slot_start: time, slot_length_ms: int) -> int:
    """Where a window inside a slot starts, in ms from the slot start; refuse one that does
    not lie within the slot."""
    offset = int((datetime.combine(date.min, times.start) - datetime.combine(date.min, slot_start))
                 .total_seconds() * 1000)
    if offset < 0 or offset + length_ms(times) > slot_length_ms:
        raise WindowTimesInvalid("Cửa sổ tiếp sóng phải nằm trọn trong khung giờ đã chọn.",
                                 "The relay window must lie wholly inside the chosen slot.")
    return offset
