"""Dates written with dots or spaced dashes ("ngày 10.9", "từ 7 - 13.9", "23 – 5 – 2021"), rewritten as "d/m".

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
    "trước", "sau", "và", "mai", "qua", "nay", "dịp", "tức",
)
_INTRODUCER = "|".join(sorted(DATE_INTRODUCERS, key=len, reverse=True))
_DOTTED = re.compile(r"(?<![\w.,/])(\d{1,3})\.(\d{1,2})(?![\w/]|[.,]\d)")
_BEFORE_WORD = re.compile(rf"(?i)(?:^|[\s(])(?:{_INTRODUCER})\s+$")
# "từ 7 - 13.9", "ngày 10 - 20.9", "từ 7 đến 13.9": the second day of a range begun by a date word.
_RANGE_BEFORE = re.compile(rf"(?i)(?:^|[\s(])(?:{_INTRODUCER})\s+(?:ngày\s+)?\d{{1,2}}\s*(?:[-–—]|đến|và)\s*$")
_QUANTITY_AFTER = re.compile(rf"\s?(?:triệu|tỷ|tỉ|nghìn|ngàn|trăm|lần|điểm|{UNIT_RE})(?![\w²³])")
_SPACED = re.compile(r"(?<![\w.,/])(\d{1,2}) ([-–—]) (\d{1,2}) \2 ((?:19|20)\d\d)(?!\w)")


def _is_date(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _dotted(match: re.Match[str]) -> str:
    day, month = match[1], match[2]
    text, start = match.string, match.start()
    if _QUANTITY_AFTER.match(text, match.end()):
        # "10.9 triệu", "9.5 m": one or two digits after the dot are no thousands group but a
        # decimal written the English way, read "phẩy" like "10,9".
        return f"{day},{month}"
    if not _is_date(day, month):
        return match[0]
    head = text[max(0, start - 40):start]
    if _BEFORE_WORD.search(head) or _RANGE_BEFORE.search(head):
        return f"{day}/{month}"
    return match[0]


def _spaced(match: re.Match[str]) -> str:
    day, month = match[1], match[3]
    return f"{day}/{month}/{match[4]}" if _is_date(day, month) else match[0]


def mark_dotted_dates(text: str) -> str:
    """Rewrite the dates written with dots or spaced dashes as "d/m" and "d/m/yyyy"."""
    if "." in text:
        text = _DOTTED.sub(_dotted, text)
    if " " in text:
        text = _SPACED.sub(_spaced, text)
    return text
