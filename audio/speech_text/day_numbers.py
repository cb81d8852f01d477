"""A bare number read as a day of the month ("ngày 12 đến 25 tháng 4", "các ngày 03, 10 và 17 tháng 7")."""

from __future__ import annotations

import re

from audio.speech_text.match_context import _after, _before, _head

# "3 tháng một lần" (every three months) names no month.
# "9 tháng năm 2025" (the first nine months of the year) counts months: "năm" before a year is the year, not May.
_MONTH_AFTER = (r"tháng\s+(?:\d|(?:giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
                r"(?!\w|\s+lần\b)(?<!năm(?=\s+(?:\d{4}|nay|qua|trước|sau)\b)))")
# "ngày 25 đến 30-6", "mùng 2 đến 4-11": the second day of a range that began with "ngày"/"mùng" is a date too.
_DAY_RANGE_BEFORE = re.compile(r"(?i)\b(?:ngày|mùng|mồng)\s+\d{1,2}\s*(?:đến|và|[-–])\s*$")
# "ngày 10-9 đến 15-9": the second date of a range whose first is a date.
_DATE_RANGE_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+\d{1,2}[-/.]\d{1,2}\s*(?:đến|và|[-–])\s*(?:ngày\s+)?$"
)

# "Ngày Nhà giáo Việt Nam 20-11", "ngày Quốc khánh 2-9", "Tết Độc lập 2-9": a named day (capitalised words after
# "ngày", "tết", "lễ") is followed by its date, never by a range of two numbers.
# An event named in lower case is a named day too: "ngày bầu cử 15-3", "ngày hội 26-3" (NEW-v16-4).
HOLIDAY_BEFORE = re.compile(
    r"(?:\b[Nn]gày|\b[Tt]ết|\b[Ll]ễ) [A-ZĐÀ-Ỹ][^\W\d_]*(?: [^\W\d_]+){0,5} $"
    r"|\b[Nn]gày (?:bầu cử|hội|khai giảng|bế giảng|tựu trường|khai mạc|bế mạc|ra quân|hiến máu|thành lập|giỗ"
    r"|truyền thống|kỷ niệm|kỉ niệm|đại hội|hội thao|hội diễn|lễ hội)(?: [^\W\d_]+){0,4} $"
)


def _reads_as_day(match: re.Match[str], value: int) -> bool:
    if not 1 <= value <= 31:
        return False
    after = _after(match).lstrip().lower()
    if re.match(_MONTH_AFTER, after):
        return True
    if _DAY_RANGE_BEFORE.search(_head(match)) and _NEXT_DAY.match(f"và {match[0]}{after[:30]}"):
        return True  # the second day of "ngày 5 và 6 hàng tháng" (mùng sáu), unless a count follows it
    if _in_day_list(match):
        return True  # "các ngày 03, 10, 17 và 31 tháng 7", "các ngày 1, 6, 11 âm lịch": every day of the list
    if _before(match) not in ("ngày", "từ"):
        return False
    # "ngày 12 đến 25 tháng 4", "ngày 5-6/9", "ngày 10-15/5/2025": a day of the month named just after;
    # "ngày 05 và 20 hàng tháng": days listed after "ngày" with no month (a monthly routine).
    return (re.match(rf"^(?:\S+\s+){{0,4}}?{_MONTH_AFTER}", after) is not None
            or _NEXT_DATE.match(after) is not None
            or (_before(match) == "ngày" and (_NEXT_DAY.match(after) is not None
                                              or _MONTHLY_AFTER.match(after) is not None)))


_DAY_NUMBER = r"(?:0?[1-9]|[12]\d|3[01])"
# A list of day numbers that began after "ngày" ("các ngày 03, 10, 17 và", "ngày 1, 6,").
_DAY_LIST_HEAD = re.compile(rf"(?i)\b(?:ngày|mùng|mồng)\s+(?:{_DAY_NUMBER}\s*(?:,|và|[-–]|đến)\s*(?:ngày\s+)?)+$")
# The rest of the list, ending on what makes its numbers days: a month, "âm lịch" or "hằng tháng".
_DAY_LIST_TAIL = re.compile(
    rf"(?:\s*(?:,|và|[-–]|đến)\s*(?:ngày\s+)?{_DAY_NUMBER})*\s*(?:\(\s*)?"
    r"(?:tháng\s+(?:\d|giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:âm|Âm) lịch\b|ÂL\b|AL\b"
    r"|(?:hàng|hằng|mỗi)\s+tháng\b)"
)
_DAY_LIST_NEXT = re.compile(rf"\s*(?:,|và|[-–]|đến)\s*(?:ngày\s+)?{_DAY_NUMBER}(?![\d/.,:]\d)")


def _in_day_list(match: re.Match[str]) -> bool:
    """A number of a list of days (NEW-v11-2): after "ngày" and a day of the list, or after "ngày" with more days
    following, when the list ends on a month, "âm lịch" or "hằng tháng"."""
    after = _after(match, 120)
    if not _DAY_LIST_TAIL.match(after):
        return False
    if _DAY_LIST_HEAD.search(_head(match)):
        return True
    return _before(match) == "ngày" and _DAY_LIST_NEXT.match(after) is not None


# "từ ngày 02 đến ngày 10 hàng tháng", "ngày 1 và ngày 15 hằng tháng": days of every month.
_MONTHLY_AFTER = re.compile(r"(?:\s*(?:,|và|đến|[-–])\s*(?:hết\s+)?(?:ngày\s+)?\d{1,2})*\s*(?:hàng|hằng|mỗi)\s+tháng\b")
_NEXT_DATE = re.compile(r"(?:[-–,]|và|đến)\s?(?:ngày\s)?\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?(?![\d/-]|\.\d)")
# The next day of a list ("và 20", ", 15") when no counted noun follows it ("ngày 15, 20 hộ dân" counts households).
_NEXT_DAY = re.compile(
    r"(?:,|và|[-–]|đến)\s?(?:0?[1-9]|[12]\d|3[01])(?![\d/.,:-]|\s*(?:%|người|hộ|ca|lượt|trường hợp|cán bộ|em|học sinh"
    r"|km|m|kg|tấn|ha|giờ|h|g|phút|triệu|nghìn|tỷ|đồng|đ)\b)")
