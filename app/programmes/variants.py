"""Which programmes an area hears, when a slot has area variants beside the station-wide one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol, TypeVar


class Heard(Protocol):
    """What the choice looks at: a Programme row, or the relay poll cache's copy of one."""

    @property
    def id(self) -> int: ...
    @property
    def area_key(self) -> int: ...
    @property
    def is_emergency(self) -> bool: ...
    @property
    def slot_name(self) -> str: ...
    @property
    def air_date(self) -> date: ...
    @property
    def starts_at(self) -> datetime: ...


H = TypeVar("H", bound=Heard)


def as_heard_in(rows: Iterable[H], area_id: int) -> list[H]:
    """Per slot instance the area's own variant, else the station-wide programme (area_key 0);
    every emergency on its own. In airing order."""
    chosen: dict[tuple[object, ...], H] = {}
    for programme in sorted(rows, key=lambda p: -p.area_key):  # the area's own variant first
        if programme.area_key not in (0, area_id):
            continue
        key = ("emergency", programme.id) if programme.is_emergency else (programme.slot_name, programme.air_date)
        chosen.setdefault(key, programme)
    return sorted(chosen.values(), key=lambda p: (p.starts_at, p.id))
