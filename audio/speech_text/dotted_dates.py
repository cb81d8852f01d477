"""Dates written with dots or dashes ("ngày 10.9", "từ 7 - 13.9", "23 – 5 – 2021", "tháng 10-2019"), rewritten
as "d/m" or "m/yyyy".

A "d.m" is a date only by its context: a word that introduces a date just before it ("ngày", "sáng",
"từ" …) or the second half of a day range that began with one ("từ 7 - 13.9"). "10.9 triệu" or
"9.5 m" (a decimal written the English way, a quantity word or unit after it) are read as decimals
("mười phẩy chín triệu") and "3.500" (a thousands group) stays a number. The number reader then
reads "d/m" as it reads every other date.
"""

from __future__ import annotations

import re

from audio.speech_text.passes import UNIT_RE

# Words after which a "d.m" is a day and a month.
DATE_INTRODUCERS = (
    "ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "rạng sáng", "từ", "đến", "tới", "hết",
    "trước", "sau", "và", "mai", "qua", "nay", "dịp", "tức", "vào",
)
_INTRODUCER = "|".join(sorted(DATE_INTRODUCERS, key=len, reverse=True))
_DOTTED = re.compile(r"(?<![\w.,/])(\d{1,3})\.(\d{1,2})(?![\w/]|[.,]\d)")
_WEEKDAY = r"thứ (?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ nhật"
_BEFORE_WORD = re.compile(rf"(?i)(?:(?:^|[\s(])(?:{_INTRODUCER})\s+|(?:{_WEEKDAY})\s*[,(]?\s*)$")
# "từ 7 - 13.9", "ngày 10 - 20.9", "từ 7 đến 13.9": the second day of a range begun by a date word.
# "từ ngày 31.8 - 6.9", "ngày 15.8, 16.8 và 17.8": the next date of a range or a list begun by a date word.
_NEXT = r"\s*(?:[-–—,]|đến|và)\s*(?:ngày\s+)?"
_RANGE_BEFORE = re.compile(
    rf"(?i)(?:^|[\s(])(?:{_INTRODUCER})\s+(?:ngày\s+)?\d{{1,2}}(?:[./]\d{{1,2}})?"
    rf"(?:{_NEXT}\d{{1,2}}[./]\d{{1,2}}){{0,6}}{_NEXT}$"
)
# "đến 5 giờ 22-8", "lúc 6 giờ 30 phút 2-9", "đến 17h 5.9": a time of day (after a word that introduces one),
# then a day and a month without "ngày".
TIME_BEFORE_DATE = re.compile(
    r"(?i)(?:^|[\s(])(?:lúc|từ|đến|tới|trước|sau|vào|hết)\s+"
    r"(?:\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{2})?(?:\s*(?:phút|'|’))?|\d{1,2}:\d{2})\s*$"
)
_QUANTITY_AFTER = re.compile(rf"\s?(?:triệu|tỷ|tỉ|nghìn|ngàn|trăm|lần|điểm|{UNIT_RE})(?![\w²³])")
# "tháng 10-2019", "đến 7.2024": a month and a year (after a word that introduces a date).
_MONTH_YEAR = re.compile(r"(?<![\w.,/-])(\d{1,2})[.-]((?:19|20)\d\d)(?![\w/]|[.,-]\d)")
_MONTH_YEAR_BEFORE = re.compile(rf"(?i)(?:^|[\s(])(?:tháng|trong|đầu|cuối|giữa|{_INTRODUCER})\s+$")
_SPACED = re.compile(r"(?<![\w.,/])(\d{1,2}) ([-–—]) (\d{1,2}) \2 ((?:19|20)\d\d)(?!\w)")


# "lúc 7.30", "7.30 sáng": hours and minutes written with a dot.
_TIME_BEFORE = re.compile(r"(?i)(?:^|\s)lúc\s+$")
_TIME_AFTER = re.compile(r"\s*(?:sáng|chiều|tối|trưa|đêm)\b")


def _is_date(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _dotted(match: re.Match[str]) -> str:
    day, month = match[1], match[2]
    text, start = match.string, match.start()
    if _QUANTITY_AFTER.match(text, match.end()):
        # "10.9 triệu", "9.5 m": one or two digits after the dot are no thousands group but a
        # decimal written the English way, read "phẩy" like "10,9".
        return f"{day},{month}"
    head = text[max(0, start - 40):start]
    if len(month) == 2 and int(day) <= 24 and int(month) <= 59 and (
            _TIME_BEFORE.search(head) or (_TIME_AFTER.match(text, match.end())
                                          and (not _BEFORE_WORD.search(head) or not _is_date(day, month)))):
        return f"{day}h{month}"
    if not _is_date(day, month):
        return match[0]
    if _BEFORE_WORD.search(head) or _RANGE_BEFORE.search(head) or TIME_BEFORE_DATE.search(head):
        return f"{day}/{month}"
    return match[0]


def _month_year(match: re.Match[str]) -> str:
    start = match.start()
    if 1 <= int(match[1]) <= 12 and _MONTH_YEAR_BEFORE.search(match.string[max(0, start - 20):start]):
        return f"{match[1]}/{match[2]}"
    return match[0]


def _spaced(match: re.Match[str]) -> str:
    day, month = match[1], match[3]
    return f"{day}/{month}/{match[4]}" if _is_date(day, month) else match[0]


def mark_dotted_dates(text: str) -> str:
    """Rewrite the dates written with dots or spaced dashes as "d/m" and "d/m/yyyy"."""
    if "." in text or "-" in text:
        text = _MONTH_YEAR.sub(_month_year, text)
    if "." in text:
        text = _DOTTED.sub(_dotted, text)
    if " " in text:
        text = _SPACED.sub(_spaced, text)
    return text
