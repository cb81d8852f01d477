"""Times of day ("7h30", "19g", "13:45"), and a bare "g" after a number: an hour or grams."""

from __future__ import annotations

import re

from audio.speech_text.match_context import _after, _before, _head
from audio.speech_text.numbers import read_cardinal, read_integer_text
from audio.speech_text.passes import UNITS

# "từ 7g đến 11g", "19g ngày 14-11", "24/24g": words around a bare "g" that make it an hour.
_HOUR_G_BEFORE = frozenset({"từ", "lúc", "đến", "tới", "vào", "trước", "sau", "đêm", "sáng", "chiều", "tối", "trưa"})
_HOUR_G_AFTER = re.compile(
    r"(?i)\s*(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|cùng ngày|hằng ngày|hàng ngày|mỗi ngày|đến|tới|[-–—]\s*\d"
    r"|(?:thứ|chủ nhật)\b)"
)


# "13g30-17g", "từ 7-11g": the end of a range that began with a time.
_TIME_RANGE_HEAD = re.compile(r"(?:\d[hg:]\d{0,2}|(?:từ|lúc) \d{1,2})\s*[-–]\s*$")


def _bare_g_is_hour(match: re.Match[str]) -> bool:
    """ "7g ngày 15-11" is seven o'clock, "5g muối" five grams: hours stop at 24 and need a time word near."""
    if int(match["hh"]) > 24:
        return False
    head = _head(match, 20)
    return (head.endswith("/") or _before(match) in _HOUR_G_BEFORE or _TIME_RANGE_HEAD.search(head) is not None
            or _HOUR_G_AFTER.match(_after(match, 20)) is not None)


def _read_time(match: re.Match[str]) -> str | None:
    if match["hg"] and not _bare_g_is_hour(match):
        return f"{read_integer_text(match['hh'])} {UNITS['g']}"
    hours = int(match["hh"])
    minutes = int(match["hm"] or match["gm"] or match["cm"] or 0)
    if hours > 24 or minutes > 59:
        return None
    words = f"{read_cardinal(hours)} giờ"
    return f"{words} {read_cardinal(minutes)} phút" if minutes else words
