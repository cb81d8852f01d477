"""Broadcast slots: a local start time in an IANA zone, turned into UTC instants per local date.

Rules for local times that do not map to exactly one instant (documented behaviour):

- **Gap** (spring forward, e.g. 02:30 on the last Sunday of March in Europe/Berlin): the wall
  time does not exist; the slot starts at the same distance past the transition, i.e. it is
  shifted forward by the length of the gap (02:30 becomes 03:30 CEST). ``SlotInstance.shifted``
  is then true. This is PEP 495's ``fold=0`` reading and what RFC 5545 calendars do.
- **Fold** (fall back, 02:30 happens twice): the slot starts at the first occurrence.
- A slot lasts its length in real (elapsed) time, so a slot that spans a transition still plays
  exactly ``length_s`` seconds; its local end time is then an hour off its nominal one.
- A slot that crosses local midnight belongs to the local date it starts on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

DAY_S = 24 * 3600


class SlotError(ValueError):
    """A slot configuration a person must fix; carries Vietnamese and English messages."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} ({message_en})")
        self.message_vi = message_vi
        self.message_en = message_en


class InvalidSlot(SlotError):
    """A slot whose own fields are wrong (length, zone)."""


class SlotsOverlap(SlotError):
    """Two slots of one station overlap in time."""

    def __init__(self, first: str, second: str, on: date | None = None) -> None:
        when_vi = f" vào ngày {on:%d/%m/%Y}" if on else ""
        when_en = f" on {on.isoformat()}" if on else ""
        super().__init__(
            f"Khung giờ «{first}» và «{second}» chồng lên nhau{when_vi}; "
            "hãy đổi giờ bắt đầu hoặc thời lượng",
            f"slots '{first}' and '{second}' overlap{when_en}; change a start time or a length",
        )
        self.first = first
        self.second = second


@dataclass(frozen=True, slots=True)
class Slot:
    """A daily slot of a station: name, local start time, length in seconds, IANA zone."""

    name: str
    start: time
    length_s: int
    zone: str

    def __post_init__(self) -> None:
        if not 0 < self.length_s < DAY_S:
            raise InvalidSlot(
                f"Thời lượng khung giờ «{self.name}» phải từ 1 giây đến dưới 24 giờ",
                f"slot '{self.name}' length must be between 1 second and less than 24 hours",
            )
        if self.start.tzinfo is not None:
            raise InvalidSlot(
                f"Giờ bắt đầu của khung giờ «{self.name}» là giờ địa phương, không kèm múi giờ",
                f"slot '{self.name}' start must be a naive local time",
            )
        _zone(self.zone)  # raises InvalidSlot for an unknown zone


@dataclass(frozen=True, slots=True)
class SlotInstance:
    """One occurrence of a slot on a local date, with aware UTC start and end."""

    slot: Slot
    local_date: date
    starts_at: datetime
    ends_at: datetime
    shifted: bool

    @property
    def local_start(self) -> datetime:
        """The real local start (after any gap shift), aware in the slot's zone."""
        return self.starts_at.astimezone(_zone(self.slot.zone))

    @property
    def length_ms(self) -> int:
        """The slot length in milliseconds."""
        return self.slot.length_s * 1000


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise InvalidSlot(
            f"Múi giờ «{name}» không tồn tại (ví dụ đúng: Asia/Ho_Chi_Minh)",
            f"unknown time zone '{name}' (e.g. Asia/Ho_Chi_Minh)",
        ) from exc


def local_to_utc(local_date: date, local_time: time, zone: str) -> tuple[datetime, bool]:
    """Turn a wall time into a UTC instant: gaps shift forward, folds take the first occurrence.

    Returns the instant and whether the wall time fell in a gap (and was shifted).
    """
    tz = _zone(zone)
    wall = datetime.combine(local_date, local_time, tzinfo=tz)  # fold=0
    instant = wall.astimezone(UTC)
    back = instant.astimezone(tz).replace(tzinfo=None)
    return instant, back != wall.replace(tzinfo=None)


def slot_instance(slot: Slot, local_date: date) -> SlotInstance:
    """The occurrence of ``slot`` on ``local_date`` (see the module docstring for DST rules)."""
    starts_at, shifted = local_to_utc(local_date, slot.start, slot.zone)
    return SlotInstance(
        slot=slot,
        local_date=local_date,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(seconds=slot.length_s),
        shifted=shifted,
    )


def _days(first: date, last: date) -> Iterable[date]:
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)


def instances_for_dates(slots: Sequence[Slot], first: date, last: date) -> list[SlotInstance]:
    """Every slot instance on the local dates ``first``..``last`` inclusive, by start time."""
    found = [slot_instance(s, d) for d in _days(first, last) for s in slots]
    return sorted(found, key=lambda i: (i.starts_at, i.slot.name))


def instances_between(slots: Sequence[Slot], start: datetime, end: datetime) -> list[SlotInstance]:
    """Slot instances whose UTC start lies in ``[start, end)``; both bounds must be aware."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must be timezone-aware")
    if end <= start or not slots:
        return []
    found: list[SlotInstance] = []
    for zone in sorted({s.zone for s in slots}):
        tz = _zone(zone)
        # One day of margin on both sides covers any UTC offset and midnight-crossing slots.
        first = start.astimezone(tz).date() - timedelta(days=1)
        last = end.astimezone(tz).date() + timedelta(days=1)
        in_zone = [s for s in slots if s.zone == zone]
        found.extend(
            i for i in instances_for_dates(in_zone, first, last) if start <= i.starts_at < end
        )
    return sorted(found, key=lambda i: (i.starts_at, i.slot.name))


def _wall_overlap(a: Slot, b: Slot) -> bool:
    """Overlap of two daily recurring wall-clock intervals on the 24-hour circle."""
    a0 = a.start.hour * 3600 + a.start.minute * 60 + a.start.second
    b0 = b.start.hour * 3600 + b.start.minute * 60 + b.start.second
    # a starts inside b, or b starts inside a (modulo one day): that is exactly an overlap.
    return (a0 - b0) % DAY_S < b.length_s or (b0 - a0) % DAY_S < a.length_s


@lru_cache(maxsize=64)
def _transition_days(zone: str, first_year: int, last_year: int) -> tuple[date, ...]:
    """Local dates on which the zone's UTC offset changes (DST or rule changes)."""
    tz = _zone(zone)
    days: list[date] = []
    day = date(first_year, 1, 1)
    prev = datetime.combine(day, time(0), tzinfo=tz).utcoffset()
    while day.year <= last_year:
        nxt = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).utcoffset()
        if nxt != prev:
            days.append(day)
        prev = nxt
        day += timedelta(days=1)
    return tuple(days)


def validate_slots(slots: Sequence[Slot], *, years: tuple[int, int] = (2020, 2040)) -> None:
    """Refuse a station's slot set whose slots overlap, or whose names repeat.

    Checks the wall clock (every ordinary day) and, for zones with daylight saving, the real
    instants around each offset change in ``years``: a 02:30 slot shifted to 03:30 by a gap may
    collide with a 03:00 slot only on that day. Raises ``SlotsOverlap`` naming the two slots.
    """
    ordered = sorted(slots, key=lambda s: (s.start, s.name))
    names = [s.name for s in ordered]
    for name in sorted(set(names)):
        if names.count(name) > 1:
            raise InvalidSlot(
                f"Tên khung giờ «{name}» bị trùng", f"slot name '{name}' is used twice"
            )
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if _wall_overlap(a, b):
                raise SlotsOverlap(a.name, b.name)
    for zone in sorted({s.zone for s in ordered}):
        in_zone = [s for s in ordered if s.zone == zone]
        for day in _transition_days(zone, *years):
            around = instances_for_dates(in_zone, day - timedelta(days=1), day + timedelta(days=1))
            for prev, cur in zip(around, around[1:], strict=False):
                if cur.starts_at < prev.ends_at:
                    raise SlotsOverlap(prev.slot.name, cur.slot.name, on=cur.local_date)


LOCK_LEAD = timedelta(minutes=30)


def lock_due(instance: SlotInstance, now: datetime, lead: timedelta = LOCK_LEAD) -> bool:
    """True from ``lead`` before the slot starts until it ends: its programme must be locked."""
    return instance.starts_at - lead <= now < instance.ends_at
