"""Days, months and dates ("ngày 5/3", "30-4"), lunar dates, and a "N/M" that is no date (a fraction, a count)."""

from __future__ import annotations

import re

from audio.speech_text.match_context import _after, _before
from audio.speech_text.numbers import read_cardinal

_LUNAR_AFTER = re.compile(r"^\s*(?:[()]\s*)?(?:âm lịch|Âm lịch|ÂL|AL|âl|Âl)\b")
_DATE_WORDS = frozenset({
    "ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "mai", "qua", "nay", "từ", "đến", "và", "lễ",
    "tức", "nhằm", "rằm", "mùng", "mồng", "(", "hết", "trước", "sau", "tới", "đầu", "cuối", "dịp",
})
# Words before "N/M" that make it a quantity (a fraction or a score), not a date; and nouns after
# a fraction ("2/3 số hộ").
_QUANTITY_BEFORE = frozenset({
    "hơn", "khoảng", "trên", "dưới", "gần", "có", "được", "đạt", "chiếm", "còn", "điểm", "gồm", "là",
    "tới", "bằng", "giảm", "tăng", "với", "phần",
})
_FRACTION_NOUNS = re.compile(r"\s*(?:số|diện tích|chặng|dân số|tổng|thời gian|lượng|khối lượng|quân số"
                             r"|kinh phí|dân|hộ|lượt|học sinh|người|trường hợp|thời lượng"
                             # an amount of money or of a measure ("hỗ trợ 1/2 học phí", "1/3 chiều dài")
                             r"|học phí|chi phí|viện phí|phí|giá trị|giá|tiền|vốn|lương|thu nhập|ngân sách|quỹ"
                             r"|sản lượng|công suất|chiều dài|quãng đường|đoạn|phần|mức|lao động|đàn|đất|nhà)\b")
# Words of amount before "N/M" ("hỗ trợ 1/2 học phí", "tối đa 1/3"): a fraction of something, not a day.
_AMOUNT_BEFORE = frozenset({"hỗ trợ", "tối đa", "tối thiểu", "ít nhất", "chỉ còn", "chưa đến", "chưa tới",
                            "miễn", "trích", "gấp", "mất", "chừng", "ước", "vòng"})
# Date words that also mean "up to"/"from" an amount ("có tới 2/3 số hộ"): a date unless a noun that only a
# share can precede follows ("từ 1/6 học sinh …" stays the first of June).
_WEAK_DATE_WORDS = frozenset({"từ", "đến", "tới", "và", "(", "hết", "trước", "sau", "đầu", "cuối"})
# Nouns counted out of a total after "N/M": "1/7 vị trí", "10/11 huyện" (một trên bảy vị trí) — neither a
# date nor a fraction of a quantity.
_COUNT_NOUNS = re.compile(
    r"\s*(?:vị trí|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|thôn|tổ dân phố|khu phố|bản|ấp|đơn vị|chỉ tiêu"
    r"|tiêu chí|trường|lớp|cơ sở|liều|mẫu|ca|dịch vụ|thủ tục|hồ sơ|doanh nghiệp|thành viên|đại biểu|phiếu"
    r"|câu|xe|tàu|điểm|cơ quan|tuyến|công trình|dự án|khu vực"
    # party, union and residential units counted out of a total ("07/08 chi bộ", "5/6 chi hội", "9/10 xóm")
    r"|chi bộ|đảng bộ|chi hội|chi đoàn|tổ chức cơ sở đảng|xóm|làng|khu dân cư|tổ(?! chức)|trạm|nhà văn hóa)\b"
)
_HOUSE_WORDS = frozenset({
    "số", "ngõ", "ngách", "hẻm", "kiệt", "nhà", "phòng", "lô", "căn", "lớp", "tổ", "phố", "khu", "thôn",
    "xóm", "ấp", "đội", "tầng", "đường",
})


def _is_lunar(match: re.Match[str]) -> bool:
    after = _after(match, 60)
    return _LUNAR_AFTER.match(after) is not None or _LUNAR_RANGE_AFTER.match(after) is not None


# "từ ngày 2/1 đến ngày 30/3 âm lịch", "tháng 12 đến tháng 2 ÂL": the first date of a range or list whose last
# date is lunar is lunar too.
_LUNAR_RANGE_AFTER = re.compile(
    r"^\s*(?:đến|tới|[-–]|và|,)\s*(?:(?:hết|ngày|mùng|rằm|tháng)\s*){0,3}\d{1,2}(?:[/.-]\d{1,2})?"
    r"\s*(?:[()]\s*)?(?:âm lịch|Âm lịch|ÂL|AL|âl|Âl)\b"
)


def _read_month(month: int, lunar: bool = False) -> str:
    if lunar and month in (1, 12):
        return "giêng" if month == 1 else "chạp"
    return "tư" if month == 4 else read_cardinal(month)


# A day prefix already written: "mùng 3", and "mồng 3" read as written (NEW-v11-6), never doubled.
_DAY_PREFIXES = frozenset({"mùng", "mồng"})


def _read_day(day: int, after_mung: bool = False) -> str:
    # Northern announcers say "mùng" before days one to ten.
    return f"mùng {read_cardinal(day)}" if day <= 10 and not after_mung else read_cardinal(day)


def _read_date(match: re.Match[str], day: int, month: int, year: int | None) -> str | None:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    words = [_read_day(day, _before(match) in _DAY_PREFIXES), "tháng", _read_month(month, _is_lunar(match))]
    if year is not None:
        words += ["năm", read_cardinal(year)]
    return " ".join(words)


def _in_date_context(match: re.Match[str]) -> bool:
    """A valid "d/m" is a date unless it is a house number, a score or a fraction by its context."""
    before = _before(match)
    if before == "nay" and _before(match, 2) == "hiện nay":
        before = ""  # "Hiện nay 4/5 thôn": "currently", no day named
    if _is_lunar(match):
        return True
    after = _after(match)
    if before in _WEAK_DATE_WORDS and _is_fraction(match, after):
        return False  # "có tới 2/3 số hộ": a share of the households, not the second of March
    if before in _DATE_WORDS:
        return True
    if before in _AMOUNT_BEFORE or _before(match, 2) in _AMOUNT_BEFORE:
        return False
    if before in _HOUSE_WORDS or before in _QUANTITY_BEFORE or match[0] == "24/7":
        return False
    # "1/7 vị trí" counts out of a total (never more than the total: "30/4 xã" is a date).
    counted = int(match["dm_d"]) <= int(match["dm_m"]) and _COUNT_NOUNS.match(after) is not None
    return _FRACTION_NOUNS.match(after) is None and not counted


_SHARE_NOUNS = re.compile(r"\s*(?:số|tổng số|diện tích|dân số|khối lượng|sản lượng|kinh phí|học phí|chi phí"
                          r"|giá trị|quân số)\b")


def _proper_fraction(match: re.Match[str]) -> bool:
    """ "2/3", "1/10": smaller over larger, at most tenths, no leading zero (a date's "02/03" has one)."""
    left, right = match["dm_d"], match["dm_m"]
    return 0 < int(left) < int(right) <= 10 and not left.startswith("0")


def _is_fraction(match: re.Match[str], after: str) -> bool:
    """A proper fraction ("2/3") before a noun only a share can precede ("số hộ", "học phí")."""
    return _proper_fraction(match) and _SHARE_NOUNS.match(after) is not None


def _counts_out_of(match: re.Match[str]) -> bool:
    """ "04/04 thôn", "08/10 xã": how many units of a total, also with the leading zeros of a date, unless
    a date word comes before it ("ngày 04/04 thôn …")."""
    return (int(match["dm_d"]) <= int(match["dm_m"]) and _COUNT_NOUNS.match(_after(match)) is not None
            and _before(match) not in _DATE_WORDS)


def _read_slash_pair(match: re.Match[str]) -> str:
    """ "N/M" that is not a date: a fraction, a house number or a ratio."""
    left, right = match["dm_d"], match["dm_m"]
    n, m = int(left), int(right)
    knock_out = _before(match) == "vòng" and n == 1 and m in (2, 4, 8, 16, 32, 64)  # "vòng 1/8" (NEW-v16-3)
    if knock_out or (_before(match) not in _HOUSE_WORDS and _proper_fraction(match)
                     and (_before(match) != "điểm") and _COUNT_NOUNS.match(_after(match)) is None):
        return f"{read_cardinal(n)} phần {'tư' if m == 4 else read_cardinal(m)}"
    return f"{read_cardinal(n)} trên {read_cardinal(m)}"
