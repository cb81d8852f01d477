"""The opening and closing announcements, spoken with the real time of the slot."""

from __future__ import annotations

from datetime import datetime

from app.models import Station
from app.speech.service import spoken

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def _fill(template: str, station: Station, local_start: datetime) -> str:
    minutes = f" {local_start.minute} phút" if local_start.minute else ""
    values = {
        "station": station.name,
        "time": f"{local_start.hour} giờ{minutes}",
        "date": f"{WEEKDAYS[local_start.weekday()]}, ngày {local_start.day} tháng {local_start.month} "
                f"năm {local_start.year}",
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        # A station's own template with a stray brace is read as written.
        return template


def opening_text(station: Station, local_start: datetime) -> str:
    """E.g. "Đây là Đài truyền thanh phường Hà Tu. Bây giờ là sáu giờ ba mươi phút, …"."""
    return spoken(_fill(station.opening_announcement, station, local_start), station)


def closing_text(station: Station, local_start: datetime) -> str:
    return spoken(_fill(station.closing_announcement, station, local_start), station)
