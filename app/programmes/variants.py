"""Which programmes an area hears, when a slot has area variants beside the station-wide one."""

from __future__ import annotations

from collections.abc import Iterable

from app.models import Programme


def as_heard_in(rows: Iterable[Programme], area_id: int) -> list[Programme]:
    """Per slot instance the area's own variant, else the station-wide programme (area_key 0);
    every emergency on its own. In airing order."""
    chosen: dict[tuple[object, ...], Programme] = {}
    for programme in sorted(rows, key=lambda p: -p.area_key):  # the area's own variant first
        if programme.area_key not in (0, area_id):
            continue
        key = ("emergency", programme.id) if programme.is_emergency else (programme.slot_name, programme.air_date)
        chosen.setdefault(key, programme)
    return sorted(chosen.values(), key=lambda p: (p.starts_at, p.id))
