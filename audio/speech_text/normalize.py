"""Turn one line of a Vietnamese administrative script into the words a station reader says."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from audio.speech_text.abbreviations import (
    CONTEXT_ABBREVIATIONS,
    DEFAULT_ABBREVIATIONS,
    is_station_entry,
    read_in_context,
)
from audio.speech_text.acronyms import spell_unknown_acronyms
from audio.speech_text.codes import (
    EMERGENCY,
    EMERGENCY_CUES,
    PHONE_CUES,
    SERVICE_CUE_NEAR,
    SERVICE_NUMBER,
    read_code,
    read_document_number,
    read_document_types,
    read_form_codes,
    read_groups,
    read_plate,
    spell_letters,
)
from audio.speech_text.conventions import LETTER_NAMES
from audio.speech_text.dotted_dates import TIME_BEFORE_DATE, mark_dotted_dates
from audio.speech_text.numbers import (
    read_cardinal,
    read_decimal,
    read_digits,
    read_integer_text,
    read_ordinal,
    roman_to_int,
)
from audio.speech_text.passes import (
    CLOSE,
    OPEN,
    UNIT_RE,
    UNITS,
    drop_markup,
    read_initials,
    read_named_letters,
    read_slashes,
    read_symbols,
)
from audio.speech_text.phones import read_spaced_phones
from audio.speech_text.place_words import read_tt
from audio.speech_text.roads import KM_RE, ROAD_RE, read_chainage, read_road
from audio.speech_text.v12_rules import DOCUMENT_END, before_numbers
from audio.speech_text.web import protect_addresses, restore

_CODE = r"[A-ZĐ](?:[A-ZĐƯ]|[a-zđ](?=[A-ZĐ\d/-]|\b))[A-Za-zĐđƯ0-9&]*"  # Ư: "BCĐTƯATTP"
# "688/HD – BCH": a spaced dash before another capital code inside a document number separates its parts.
_SPACED_DASH = r" [-–] (?=[A-ZĐ]{2,}(?![^\W\d_]))"
_NUM = r"\d{1,3}(?:\.\d{3})+(?![\d])|\d+"
_ATOMS = re.compile(
    # Every item starts with a digit, "(", a capital or "thứ": the lookahead skips other positions fast.
    r"(?=[\d(A-ZĐtk])(?:"
    rf"(?P<road>(?<![\w/.-])(?P<road_k>{ROAD_RE})\.? ?(?P<road_n>0?[1-9]\d{{0,3}})(?P<road_l>[A-Z]?)(?![\w]))"
    rf"|(?P<km>(?<![\w/.])(?:{KM_RE}) ?(?P<km_n>\d{{1,4}})(?:\+(?P<km_m>\d{{1,3}}))?(?![\w]|[.,]\d))"
    # "15/KH-UBND", "57-NQ/TW", "QĐ- BNN-TY" (a space after a separator), "298 KH/TWĐTN" (a space, then a
    # code with a separator inside).
    rf"|(?P<doc>(?<![\w/.])(?P<doc_n>\d+)(?P<doc_a>[a-zđ]?)(?:/(?P<doc_y>\d{{4}}))?"
    # "15/KH–UBND" (an en dash), "152/QĐ.UBND" (a dot before another capital code) separate parts too.
    rf"(?: ?[-–/] ?(?P<doc_c>{_CODE}(?:(?:[-–/] ?|\.(?=[A-ZĐ]{{2}})| [-/](?! )|{_SPACED_DASH}){_CODE})*)"
    rf"| (?P<doc_s>{_CODE}(?:[-/]{_CODE})+)))"
    # "14A-123.45", "29C1-123.45", and a motorbike's "29-C1 123.45" (the dash after the province).
    r"|(?P<plate>(?<![\w.])(?P<pl_p>\d{2})(?P<pl_h>-)?(?P<pl_s>[A-Z]{1,2})(?P<pl_d>\d?)(?(pl_h)(?<=\d) |-)"
    r"(?P<pl_n>\d{3}\.\d{2}|\d{4,5})(?![\w]|[.,]\d))"
    # A phone number, never a date written with dots ("01.01.2024").
    r"|(?P<phone>(?<![\w.,])(?!\d{1,2}(?P<ph_sep>[./-])\d{1,2}(?P=ph_sep)(?:19|20)\d\d(?!\d))"
    r"(?:\(0\d{1,3}\)[\s.]?\d{2,8}(?:[ .]\d{2,4})*"
    r"|0\d{1,3}(?:(?:\.\s?|\s)\d{2,8}){1,4}(?=[^\d.,]|[.,](?!\d)|$)"
    r"|(?:1800|1900)(?:[ .]\d{3,4}|-(?!(?:1[89]|20)\d\d\b)\d{3,4}){1,2}(?=\D|$)"
    r"|\d{4}(?: \d{4}){2,}(?=\D|$)"
    r"|0\d{2,3}-\d{3,4}-\d{3,4}(?![\d-])"
    r"|0\d{2,}(?:-\d{3})?(?![\d,.]\d)"
    r"|\d{7,}(?![\d,.]\d)))"
    r"|(?P<date>(?<![\w/.,])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/]))"
    # "Thông tư 304/2016", "tháng 12/2019": a document number and its year, or a month and a year.
    r"|(?P<my>(?<![\w/.,])(?P<my_m>\d{1,5})/(?P<my_y>\d{4})(?![\w/]))"
    # "số 213/18A": a house number whose second part carries a letter (never a date).
    r"|(?P<house>(?<![\w/.,])(?P<ho_n>\d{1,4})/(?P<ho_m>\d{1,4})(?P<ho_l>[A-Z])(?![\w/]))"
    r"|(?P<dm>(?<![\w/.,])(?P<dm_d>\d{1,3})/(?P<dm_m>\d{1,3})(?![\w/]|[.,]\d))"
    r"|(?P<dotdate>(?<=[Nn]gày )(?P<dd_d>\d{1,2})\.(?P<dd_m>\d{1,2})(?![\w/.]|,\d))"
    rf"|(?P<dash>(?<![\w/.,])(?P<da_d>\d{{1,2}})-(?P<da_m>\d{{1,2}})(?![\w/]|[.,]\d|\s?(?:{UNIT_RE})(?![\w²³])))"
    r"|(?P<time>(?<![\w.,])(?P<hh>\d{1,2})(?:h(?P<hm>\d{2})?(?:'|’|ph\b|p\b)?|g(?P<gm>\d{2})'?|:(?P<cm>\d{2})"
    # "19g ngày 14-11", "24/24g": a bare "g" after an hour is giờ unless the context weighs something.
    r"|(?P<hg>g))"
    r"(?![\w:]))"
    r"|(?P<ord>(?<!\w)(?P<thu>[Tt]hứ) (?P<ord_n>\d{1,2})(?![\w]|[.,]\d))"
    rf"|(?P<num>(?<![\w.,])(?<![^\W\d_]-)(?P<int>{_NUM})(?:,(?P<frac>\d+))?"
    rf"(?:(?P<usp> ?)(?P<unit>{UNIT_RE})(?![\w²³])|(?![\w])))"
    r"|(?P<code>(?<![\w/.-])(?:[A-Z]/)?(?:[A-ZĐ][A-Za-zĐđ]*\d[A-Z\d]*|\d+[A-Z]{1,2})(?![\w])))"
)

_ROMAN_CONTEXT = re.compile(
    r"(?P<ctx>(?<!\w)(?:[Đđ]ại hội|[Kk]hóa|[Kk]hoá|[Tt]hứ|[Qq]uý|[Tt]hế kỷ|[Tt]hế kỉ|[Pp]hần"
    r"|[Cc]hương|[Mm]ục|[Đđ]ợt|[Gg]iai đoạn|[Hh]ạng|[Ll]oại|[Kk]ỳ|[Vv]ùng|[Đđ]iều|[Cc]ấp"
    # "Chi cục Thuế khu vực II", "trên BĐ III" (a flood alarm level): cardinals too.
    r"|[Kk]hu vực|[Bb]áo động|BĐ) \(?)"
    # "quý I, II/2026", "quý III và IV": a list of numerals under one context word and one year (NEW-v11-11).
    r"(?P<roman>[IVXL]+)(?P<more>(?:\s*(?:,|và|&)\s*[IVXL]+(?![\w.]))*)(?:/(?P<year>\d{4}))?(?!\w)"
)
# "RON 95-III", "E5 RON 92-II": a fuel grade, octane then emission level (rôn chín mươi lăm ba); the dash is silent.
_FUEL_GRADE = re.compile(r"\bRON (\d{2})\s?-\s?([IV]{1,3})\b")


def _fuel_grade(match: re.Match[str]) -> str:
    level = roman_to_int(match[2])
    if level is None:
        return match[0]
    return f"RON {_wrap(read_cardinal(int(match[1])))} {_wrap(read_cardinal(level))}"


# "Q.1", "P.5": a district or ward by its number; a space lets the number be read as one.
_PLACE_NUMBER = re.compile(r"(?<![\w.])([PQ])\.(?=\d)")
# "ống DN100", "van DN50": a pipe's nominal diameter, spelled "dê en" (D is "dê", Đ is "đê"); never "doanh nghiệp",
# which is never glued to a number.
_PIPE_DIAMETER = re.compile(r"(?<![\w.-])DN(?=\d{2,4}(?!\d|[.,/]\d))")
# "ĐT: 0210…" labels a telephone number; "ĐT 741" (a number not starting with 0) is a road.
_PHONE_LABEL = re.compile(r"(?<![\w/-])ĐT(?=\s*:?\s*[(0+])")
# "&" left between two words once the known codes (GD&ĐT) are expanded: "HĐND&UBND" -> … và ….
_JOINING_AND = re.compile(r"(?<=[^\W\d_])&(?=[^\W\d_])")
_LINE_BULLET = re.compile(r"^\s*(?:#+|[-+•●▪◦–—])\s+")
_LINE_SECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.(?=\s)")
_LINE_ROMAN = re.compile(r"^([IVXL]+)\.(?=\s)")
_RANGE = re.compile(rf"{CLOSE}\s*[-–—]\s*{OPEN}")
# "từ ngày 01/12/2025 - ngày 02/12/2025", "từ 7 giờ 05 phút – 10 giờ": a dash between two dates or times whose
# second repeats its word ("ngày") or whose first ends with "giờ"/"phút" is a range too.
_WORD_RANGE = re.compile(rf"(?:{CLOSE}|(?<={CLOSE} giờ)|(?<={CLOSE} phút))\s*[-–—]\s*(?=ngày {OPEN}|{OPEN})")
# "từ 1 tỷ - 2 tỷ đồng", "3 triệu đồng - 5 triệu đồng": a range of two amounts that end with their scale word.
_SCALE_RANGE = re.compile(rf"{CLOSE}( (?:nghìn|ngàn|triệu|tỷ|tỉ)(?: đồng)?)\s*[-–—]\s*(?={OPEN})")
# "15.000đ/kg-20.000đ/kg": a dash glued to a unit after "/" separates two prices (it is no minus sign).
_UNIT_DASH = re.compile(rf"(?<=/)({UNIT_RE})-(?=\d)")
# "15.000 đ/kg – 20.000 đ/kg": a range of two prices per unit.
_PER_UNIT_RANGE = re.compile(rf"{CLOSE}(/(?:{UNIT_RE}))(?![\w²³])\s*[-–—]\s*(?={OPEN})")
# "tỷ lệ 3:1", "tỉ lệ bản đồ 1:500": a ratio ("ba trên một"); other "N:M" left to the voice (a score is a pause).
_RATIO_COLON = re.compile(rf"(?i)(?<=\bt[ỷỉ] lệ\b)([^.;{OPEN}]{{0,30}}{OPEN}[^{CLOSE}]*){CLOSE}:(?={OPEN})")
_ATTACHED_DIGITS = re.compile(r"(?<=[^\W\d_])-?(\d+)(?!\w)")
_LEFTOVER_DIGITS = re.compile(r"\d+")
# A run of more than 15 digits (a serial, an account number) is no quantity anyone says aloud, and
# past 4,300 digits Python will not even parse it: it is read digit by digit.
_LONG_DIGITS = re.compile(r"\d(?:[.,]?\d){15,}")
# "tài khoản số 3761.0.1062972.91049": an account number written in irregular dotted groups is read digit by digit in
# its groups ("…, không, …"), not as thousands. Regular thousands ("1.234.567") and dates stay numbers.
_DOTTED_GROUPS = re.compile(r"(?<![\w.,])\d+(?:\.\d+){2,}(?![\w]|[.,]\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,2}\.\d{1,2}\.\d{4}")
_ACCOUNT_CUE = re.compile(r"(?i)(?:tài khoản|\bSTK|\bTK)(?:\s+số)?\s*:?\s*$")
_ACCOUNT_GROUPS = re.compile(r"(?i)(?:tài khoản|\bSTK|\bTK)(?:\s+số)?\s*:?\s*(?:\d+[ -]){1,5}$")


# "Mã hồ sơ: H37.22-240315-0012", "mã số thuế 0101234567-001": a code after its label, letters by their names and
# digits one by one in the written groups (separators are pauses, not words).
_LABELLED_CODE = re.compile(
    r"(?i:\b(?:mã(?: hồ sơ| số thuế| số| tra cứu| bưu gửi| vận đơn| định danh)?|số hồ sơ)\s*:?\s*)"
    r"(?=[A-Z0-9]*\d)([A-Z0-9]+(?:[.-][A-Z0-9]+)+)(?=$|[\s,;)]|\.(?!\w))"
)


def _read_labelled_code(match: re.Match[str]) -> str:
    code = match[1]
    if _THOUSANDS.fullmatch(code) or (code.replace(".", "").replace("-", "").isdigit() and len(code) < 8):
        return match[0]  # "mã 1.200", "mã 12-3": a number or a date, not a code
    spoken = ", ".join(" ".join(read_digits(p) if p.isdigit() else spell_letters(p)
                                for p in re.findall(r"[A-Z]+|\d+", group)) for group in re.split(r"[.-]", code))
    return match[0][: match.start(1) - match.start()] + spoken


def _read_dotted_groups(match: re.Match[str]) -> str:
    written = match[0]
    digits = written.count(".")
    if _THOUSANDS.fullmatch(written) or len(written) - digits < 8:
        return written
    if len(written) - digits < 16 and not _ACCOUNT_CUE.search(match.string[max(0, match.start() - 30):match.start()]):
        return written
    after = match.string[match.end():match.end() + 1]
    spoken = ", ".join(read_digits(group) for group in written.split("."))
    return f" {spoken}" + (" " if after.isalnum() else "")


_LONG_UNITS = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if len(u) > 1)
# "895 triệu kWh", "5 nghìn ha": a unit after a number and its scale word.
_UNIT_AFTER = re.compile(
    rf"{CLOSE}( ?)({_LONG_UNITS})(?![\w²³])|{CLOSE}( ?(?:nghìn|ngàn|triệu|tỷ|tỉ) )({UNIT_RE})(?![\w²³])"
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_LUNAR_AFTER = re.compile(r"^\s*(?:[()]\s*)?(?:âm lịch|Âm lịch|ÂL|AL|âl|Âl)\b")
_LUNAR_WORD = re.compile(rf"(?:(?<={CLOSE} )|(?<=[Gg]iêng )|(?<=[Cc]hạp ))(?:AL|Âl)\b")
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
                             r"|kinh phí|dân|hộ|lượt|học sinh|người|trường hợp|thời lượng)\b")
# Nouns counted out of a total after "N/M": "1/7 vị trí", "10/11 huyện" (một trên bảy vị trí) — neither a
# date nor a fraction of a quantity.
_COUNT_NOUNS = re.compile(
    r"\s*(?:vị trí|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|thôn|tổ dân phố|khu phố|bản|ấp|đơn vị|chỉ tiêu"
    r"|tiêu chí|trường|lớp|cơ sở|liều|mẫu|ca|dịch vụ|thủ tục|hồ sơ|doanh nghiệp|thành viên|đại biểu|phiếu"
    r"|câu|xe|tàu|điểm|cơ quan|tuyến|công trình|dự án|khu vực"
    # party, union and residential units counted out of a total ("07/08 chi bộ", "5/6 chi hội", "9/10 xóm")
    r"|chi bộ|đảng bộ|chi hội|chi đoàn|tổ chức cơ sở đảng|xóm|làng|khu dân cư|tổ(?! chức)|trạm|nhà văn hóa)\b"
)
# A document-type word (or "số") just before "N/YYYY": the number of a document and its year ("Thông tư
# 304/2016" -> ba trăm linh bốn năm hai nghìn không trăm mười sáu), read like the year part of a full code.
_DOCUMENT_BEFORE = re.compile(
    r"(?i)(?:\bsố|thông tư|liên tịch|nghị định|quyết định|chỉ thị|nghị quyết|công văn|kế hoạch|thông báo|công điện"
    r"|hướng dẫn|văn bản|tờ trình|báo cáo|pháp lệnh|kết luận|quy định|luật)\s*:?\s*$"
)
# "thắng với tỷ số 3-1", "tỉ số 2 - 0": a match score, each side said, the dash silent.
# A result's verb before it is a score too: "thắng 3-1", "hòa 1-1", "thua 0-2" (NEW-v10-5 widened).
_SCORE_WORDS = r"(?:t[ỷỉ] số(?: chung cuộc| cách biệt)?|thắng|thua|hòa|hoà|cầm hòa)"
_SCORE_BEFORE = re.compile(rf"(?i)\b{_SCORE_WORDS}\s*:?\s*$")
# The same with spaces or an en dash ("tỷ số 1 - 1", "tỷ số 2–1"), once both numbers are read.
_SCORE_DASH = re.compile(
    rf"(?i)(\b{_SCORE_WORDS}\s*:?\s*{OPEN}[^{CLOSE}]*){CLOSE}\s*[-–—]\s*(?={OPEN})")
_HOUSE_WORDS = frozenset({
    "số", "ngõ", "ngách", "hẻm", "kiệt", "nhà", "phòng", "lô", "căn", "lớp", "tổ", "phố", "khu", "thôn",
    "xóm", "ấp", "đội", "tầng", "đường",
})


def _wrap(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def _head(match: re.Match[str], width: int = 80) -> str:
    """The text just before a match (its last `width` characters: context is local)."""
    start = match.start()
    return match.string[max(0, start - width): start].replace(OPEN, "").replace(CLOSE, "")


def _before(match: re.Match[str], words: int = 1) -> str:
    """The lowercased words just before a match, to read it in context ("tháng 4" -> "tháng tư")."""
    head = _head(match).lower().replace("(", " ( ")
    return " ".join(head.split()[-words:])


def _after(match: re.Match[str], width: int = 200) -> str:
    """The text just after a match (bounded, like `_head`: a long script stays linear)."""
    return match.string[match.end(): match.end() + width]


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
    if before in _DATE_WORDS or _is_lunar(match):
        return True
    if before in _HOUSE_WORDS or before in _QUANTITY_BEFORE or match[0] == "24/7":
        return False
    after = _after(match)
    # "1/7 vị trí" counts out of a total (never more than the total: "30/4 xã" is a date).
    counted = int(match["dm_d"]) <= int(match["dm_m"]) and _COUNT_NOUNS.match(after) is not None
    return _FRACTION_NOUNS.match(after) is None and not counted


def _counts_out_of(match: re.Match[str]) -> bool:
    """ "04/04 thôn", "08/10 xã": how many units of a total, also with the leading zeros of a date, unless
    a date word comes before it ("ngày 04/04 thôn …")."""
    return (int(match["dm_d"]) <= int(match["dm_m"]) and _COUNT_NOUNS.match(_after(match)) is not None
            and _before(match) not in _DATE_WORDS)


def _read_slash_pair(match: re.Match[str]) -> str:
    """ "N/M" that is not a date: a fraction, a house number or a ratio."""
    left, right = match["dm_d"], match["dm_m"]
    n, m = int(left), int(right)
    if _before(match) not in _HOUSE_WORDS and 0 < n < m <= 10 and not left.startswith("0") \
            and (_before(match) != "điểm") and _COUNT_NOUNS.match(_after(match)) is None:
        return f"{read_cardinal(n)} phần {'tư' if m == 4 else read_cardinal(m)}"
    return f"{read_cardinal(n)} trên {read_cardinal(m)}"


# "3 tháng một lần" (every three months) names no month.
# "9 tháng năm 2025" (the first nine months of the year) counts months: "năm" before a year is the year, not May.
_MONTH_AFTER = (r"tháng\s+(?:\d|(?:giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
                r"(?!\w|\s+lần\b)(?<!năm(?=\s+(?:\d{4}|nay|qua|trước|sau)\b)))")
# "ngày 25 đến 30-6": the second day of a range that began with "ngày" is a date too.
_DAY_RANGE_BEFORE = re.compile(r"(?i)\bngày\s+\d{1,2}\s*(?:đến|và|[-–])\s*$")
# "ngày 10-9 đến 15-9": the second date of a range whose first is a date.
_DATE_RANGE_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+\d{1,2}[-/.]\d{1,2}\s*(?:đến|và|[-–])\s*(?:ngày\s+)?$"
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


def _read_number(match: re.Match[str]) -> str:
    integer, frac, unit = match["int"], match["frac"], match["unit"]
    value = int(integer.replace(".", ""))
    context = _before(match)
    if frac is not None:
        words = read_decimal(integer, frac)
    elif "." not in integer and not unit and _is_dialled(match, integer):
        words = read_digits(integer)
    elif context == "tháng" and 1 <= value <= 12:
        words = _read_month(value, _is_lunar(match))
    elif frac is None and not unit and _reads_as_day(match, value):
        words = _read_day(value, context in _DAY_PREFIXES)
    else:
        words = read_integer_text(integer)
    if unit:
        words = f"{words} {UNITS[unit]}"
    return words


def _is_dialled(match: re.Match[str], digits: str) -> bool:
    head = _head(match)
    if len(digits) >= 3 and PHONE_CUES.search(head) \
            and not (len(digits) <= 4 and digits[0] != "0" and _COUNTED_AFTER.match(_after(match, 30))):
        return True  # "gọi 0912…"; but "phát lệnh gọi 234 công dân" counts people called up
    if _ACCOUNT_GROUPS.search(head) or (len(digits) >= 3 and _ACCOUNT_CUE.search(head)):
        return True  # "số tài khoản 3700 201 012345": every written group digit by digit, not only the first
    if len(digits) >= 4 and _SECRET_CODE_BEFORE.search(head):
        return True  # "mã OTP gồm 6 chữ số như 123456": a code's digits, said one by one
    if (SERVICE_NUMBER.fullmatch(digits) or digits in EMERGENCY) and _AFTER_DIALLED.search(_raw_head(match)):
        return True  # "0239.3856.113 hoặc 113": the other number to call after a dialled one
    if SERVICE_NUMBER.fullmatch(digits) and SERVICE_CUE_NEAR.search(head) \
            and not _COUNTED_AFTER.match(_after(match, 30)):
        return True  # "số điện thoại khẩn cấp 113", "gọi điện vào đài 1080", "gọi ngay 114"
    if digits not in EMERGENCY:
        return False
    # "gọi 113, 114 hoặc 115 khi …": a service number in a list of them, not a count of something. The last of the
    # list is dialled whatever follows it.
    listed = re.match(r"\s*(?:[,;:)]|\.(?!\d)|hoặc\b|$)", _after(match)) is not None
    after_another = re.search(r"\b11[1-5]\W*(?:hoặc\s*)?$", head) is not None
    called = EMERGENCY_CUES.search(head) is not None or _CALLED_LIST.search(head) is not None
    return (called or (listed and after_another)) and not _COUNTED_AFTER.match(_after(match, 30))


# "mã OTP … như 123456", "mật khẩu là 2468", "mã PIN: 0000": digits of a code or password after its label.
_SECRET_CODE_BEFORE = re.compile(
    r"(?i)(?:\bmã\b|\bOTP\b|mật khẩu|\bPIN\b)"
    r"(?:\s*(?:số|xác thực|xác nhận|OTP|PIN|giao dịch)?\s*:?|[^.;!?]{0,40}?(?:\bnhư|\blà|:|ví dụ))\s*$"
)
_DIGIT_WORDS = "không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
# A number read digit by digit just before, then "hoặc" / "," / "hay".
_AFTER_DIALLED = re.compile(rf"{OPEN}(?:(?:{_DIGIT_WORDS}),? ){{3,}}(?:{_DIGIT_WORDS}){CLOSE}\s*(?:hoặc|hay|,|/)\s*$")


def _raw_head(match: re.Match[str], width: int = 200) -> str:
    """The text just before a match with its spoken-item markers kept."""
    return match.string[max(0, match.start() - width): match.start()]


# "Tổng đài có 115 nhân viên": a number of people or calls after the line's name is a count, not a number to dial.
_COUNTED_AFTER = re.compile(r"\s*(?:người|nhân viên|cán bộ|điện thoại viên|cuộc|lượt|hộ|ca|trường hợp|tin nhắn"
                            r"|công dân|thanh niên|tân binh|học sinh|hội viên|đoàn viên|đảng viên|gia đình|đối tượng"
                            r"|chiến sĩ|phương tiện|xe|suất|phần quà)\b")


# "gọi 113, 114, 115 khi …": the next numbers of a list that began after a calling word.
_CALLED_LIST = re.compile(r"(?i)(?:số|gọi|cấp cứu|báo|quay)\W*(?:11[1-5]\s*(?:,|hoặc|và)\s*)+$")


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


# "Quy định 69-QĐ/TW": a party regulation (quy định) is numbered with "QĐ" like a decision (quyết định).
# "Quy định số 131-QĐ/TW, số 132-QĐ/TW": the next number of a list of regulations is one too.
_RULE_BEFORE = re.compile(
    r"(?i)quy định\s*(?:số)?\s*:?\s*(?:\d+-QĐ/[A-ZĐƯ]+(?:,| và) (?:số )?)?$"
)


def _context_readings(match: re.Match[str], code: str) -> dict[str, str]:
    """Readings of the two-meaning abbreviations inside a document code ("20-NQ/TU"), by its sentence."""
    parts = set(re.split(r" ?[-–/.] ?", code))
    keys = [key for key in CONTEXT_ABBREVIATIONS if key in parts or key in code]
    if not keys:
        return {}
    head, tail = _head(match, 300), _after(match, 300)
    return {key: read_in_context(key, head, tail, match.string) for key in keys}


def _atom(match: re.Match[str], abbreviations: Mapping[str, str]) -> str:
    kind = match.lastgroup
    spoken: str | None
    if kind == "road":
        spoken = read_road(match["road_k"], match["road_n"], match["road_l"])
    elif kind == "km":
        spoken = read_chainage(match["km_n"], match["km_m"])
    elif kind == "doc":
        code = match["doc_c"] or match["doc_s"]
        context = {k: v for k, v in _context_readings(match, code).items()
                   if not is_station_entry(abbreviations, k)}
        if _RULE_BEFORE.search(_head(match, 60)) and not is_station_entry(abbreviations, "QĐ"):
            context["QĐ"] = "quy định"
        spoken = read_document_number(match["doc_n"], match["doc_y"], code, abbreviations, context,
                                      match["doc_a"])
    elif kind == "plate":
        spoken = read_plate(match["pl_p"], match["pl_s"], match["pl_d"], match["pl_n"])
    elif kind == "phone":
        spoken = read_groups(match["phone"])
    elif kind == "date":
        spoken = _read_date(match, int(match["d"]), int(match["m"]), int(match["y"]))
    elif kind == "my":
        number, year = int(match["my_m"]), int(match["my_y"])
        if _DOCUMENT_BEFORE.search(_head(match, 40)) or _before(match) in _PERIOD_WORDS:
            spoken = f"{read_cardinal(number)} năm {read_cardinal(year)}"
        elif 1 <= number <= 12 and not match["my_m"].startswith("00"):
            prefix = "" if _before(match) == "tháng" else "tháng "
            spoken = f"{prefix}{_read_month(number)} năm {read_cardinal(year)}"
        else:
            return f"{_wrap(read_cardinal(number))}/{_wrap(read_cardinal(year))}"
    elif kind == "dm":
        day_text, month_text = match["dm_d"], match["dm_m"]
        dated = ((day_text.startswith("0") or month_text.startswith("0")) and not _counts_out_of(match)) \
            or _in_date_context(match)
        spoken = _read_date(match, int(day_text), int(month_text), None) if dated else None
        if spoken is None:
            spoken = _read_slash_pair(match)
    elif kind == "house":
        spoken = (f"{read_cardinal(int(match['ho_n']))} trên {read_cardinal(int(match['ho_m']))}"
                  f" {LETTER_NAMES[match['ho_l']]}")
    elif kind == "dotdate":
        spoken = _read_date(match, int(match["dd_d"]), int(match["dd_m"]), None)
    elif kind == "dash":
        spoken = None
        head = _head(match)
        if _SCORE_BEFORE.search(head):  # "tỷ số 3-1" = ba một (NEW-v10-5): a score, not a range
            return _wrap(f"{read_cardinal(int(match['da_d']))} {read_cardinal(int(match['da_m']))}")
        if _before(match) in _DATE_WORDS - {"từ", "đến", "và", "("} or _DAY_RANGE_BEFORE.search(head) \
                or _DATE_RANGE_BEFORE.search(head) or TIME_BEFORE_DATE.search(head):
            spoken = _read_date(match, int(match["da_d"]), int(match["da_m"]), None)
        if spoken is None:
            return f"{_wrap(read_cardinal(int(match['da_d'])))}-{_wrap(read_cardinal(int(match['da_m'])))}"
    elif kind == "time":
        spoken = _read_time(match)
    elif kind == "ord":
        spoken = f"{match['thu']} {read_ordinal(int(match['ord_n']))}"
    elif kind == "code":
        vitamin = re.fullmatch(r"([A-K])(\d{1,2})", match["code"])
        if vitamin and _before(match) in ("vitamin", "vi-ta-min"):
            # "vitamin B12": the letter by its name, the number a cardinal (bê mười hai), not a model code
            spoken = f"{LETTER_NAMES[vitamin[1]].lower()} {read_cardinal(int(vitamin[2]))}"
        elif re.fullmatch(r"[A-ZĐ]{1,4}\d{1,5}", match["code"]) and _CODE_LABEL_BEFORE.search(_head(match, 40)):
            spoken = read_code(match["code"], {})  # "mã HN2": letters by name, digits one by one
        else:
            spoken = read_code(match["code"], abbreviations)
    else:
        spoken = _read_number(match)
    return match.group(0) if spoken is None else _wrap(spoken)


# "Đợt 1/2026", "kỳ 2/2025": a numbered round or term of a year, read "năm" like "quý I/2025" (SL2), not a month.
_PERIOD_WORDS = frozenset({"đợt", "kỳ", "lần", "phiên", "khóa", "quý", "giai đoạn", "học kỳ", "kỳ họp"})


def _roman(match: re.Match[str]) -> str:
    value = roman_to_int(match["roman"])
    if value is None:
        return match.group(0)
    ctx = match["ctx"]
    words = read_ordinal(value) if ctx.lower().startswith("thứ") else read_cardinal(value)
    for joiner, numeral in re.findall(r"\s*(,|và|&)\s*([IVXL]+)", match["more"] or ""):
        more = roman_to_int(numeral)
        if more is None:
            return match.group(0)
        # each numeral of the list takes the context word again: "quý I, II" = quý một quý hai
        said = read_ordinal(more) if ctx.lower().startswith("thứ") else read_cardinal(more)
        words += f"{' và' if joiner != ',' else ''} {ctx.strip(' (').lower()} {said}"
    if match["year"]:
        words += f" năm {read_cardinal(int(match['year']))}"
    return f"{ctx}{words}"


@lru_cache(maxsize=32)
def _abbreviation_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        escaped = re.escape(key)
        if re.fullmatch(r"\w\.", key):
            # One-letter keys with a dot ("P.", "Q.") are initials unless a place name follows.
            escaped += rf"(?= ?[A-ZĐÀ-Ỹ0-9{OPEN}])"
        elif key[-1].isalnum():
            # Digits may follow ("COP26"): they are read as a number afterwards.
            escaped += r"(?![^\W\d_])"
        parts.append(escaped)
    # Never inside a word or a code ("15/KH-UBND" is read by the document reader); after a "/" that follows another
    # capital abbreviation it is the second of two ("CCCD/CMND").
    return re.compile(rf"(?<![\w-])(?<![^\W\d_A-ZĐ]/)(?<!\d/)(?:{'|'.join(parts)})")


@lru_cache(maxsize=32)
def _gloss_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\s)\s*\(({alternatives})\)")


def _drop_glosses(line: str, abbreviations: Mapping[str, str]) -> str:
    """Drop "(CPI)" after "Chỉ số giá tiêu dùng": read aloud it would repeat the same words."""

    def replace(match: re.Match[str]) -> str:
        expansion = abbreviations[match[1]].lower()
        said_before = line[max(0, match.start() - len(expansion) - 1): match.start()].lower().endswith(expansion)
        return "" if said_before else match[0]

    return _gloss_pattern(tuple(abbreviations)).sub(replace, line) if "(" in line else line


# "mã HN2", "ký hiệu DN4": letters glued to a digit after a code label are a code, spelled (NEW-v10-4 "hát en"),
# not the place or body the letters abbreviate elsewhere.
_CODE_LABEL_BEFORE = re.compile(r"(?i)(?:\bmã|\bký hiệu|\bkí hiệu)(?:\s+(?:số|thẻ|quyền lợi|đối tượng))?\s*:?\s*$")


def _expand(match: re.Match[str], abbreviations: Mapping[str, str]) -> str:
    key = match[0]
    if key in CONTEXT_ABBREVIATIONS and not is_station_entry(abbreviations, key):
        start, end = match.start(), match.end()
        head, tail = match.string[max(0, start - 300): start], match.string[end: end + 300]
        spoken = read_in_context(key, head, tail, match.string)
    else:
        spoken = abbreviations[key]
    # "Chỉ số PCI": the expansion would repeat the words before it, so the letters are read.
    first_words = " ".join(spoken.lower().split()[:2])
    before = " ".join(match.string[max(0, match.start() - 80): match.start()].lower().split()[-2:])
    if key.isupper() and len(spoken.split()) > 2 and first_words == before:
        return spell_letters(key)
    return spoken + (" " if key[-1] == "." else "")


def _expand_abbreviations(line: str, abbreviations: Mapping[str, str]) -> str:
    if not abbreviations:
        return line
    line = _drop_glosses(line, abbreviations)
    pattern = _abbreviation_pattern(tuple(abbreviations))
    return pattern.sub(lambda m: _expand(m, abbreviations), line)


def _read_long_digits(match: re.Match[str]) -> str:
    after = match.string[match.end():match.end() + 1]
    return f" {read_digits(match[0])}" + (" " if after.isalnum() else "")


def normalize_line(line: str, abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> str:
    """Return the spoken form of one line (no newline inside)."""
    text = before_numbers(drop_markup(line.replace("\u00a0", " "), abbreviations), abbreviations)
    text = _LABELLED_CODE.sub(_read_labelled_code, text)
    if "." in text:
        text = _DOTTED_GROUPS.sub(_read_dotted_groups, text)
    text = _LONG_DIGITS.sub(_read_long_digits, text)
    # "./." closes an official document: it has no spoken form
    text = DOCUMENT_END.sub(".", text)
    text = _LINE_BULLET.sub("", text)
    text = _LINE_SECTION.sub(
        lambda m: " chấm ".join(read_cardinal(int(p)) for p in m[1].split(".")) + ".", text
    )
    text = _LINE_ROMAN.sub(
        lambda m: f"{read_cardinal(v)}." if (v := roman_to_int(m[1])) else m[0], text
    )
    text, saved = protect_addresses(text, abbreviations)
    text = _PHONE_LABEL.sub("điện thoại", text)
    text = read_spaced_phones(text)
    text = mark_dotted_dates(text)
    text = _PLACE_NUMBER.sub(r"\1. ", text)
    if "RON" in text:
        text = _FUEL_GRADE.sub(_fuel_grade, text)
    if "DN" in text:
        text = _PIPE_DIAMETER.sub("dê en ", text)
    text = read_form_codes(text)
    text = read_document_types(text, abbreviations)
    if "/" in text:
        text = _UNIT_DASH.sub(r"\1 - ", text)
    text = read_symbols(text, abbreviations)
    text = _ROMAN_CONTEXT.sub(_roman, text)
    text = read_initials(text)
    text = read_named_letters(text)
    text = _ATOMS.sub(lambda m: _atom(m, abbreviations), text)
    if "số" in text or "th" in text or "hò" in text or "hoà" in text:
        text = _SCORE_DASH.sub(rf"\1{CLOSE} {OPEN}", text)
    text = _RANGE.sub(f"{CLOSE} đến {OPEN}", text)
    text = _PER_UNIT_RANGE.sub(rf"{CLOSE}\1 đến ", text)
    text = _SCALE_RANGE.sub(rf"{CLOSE}\1 đến ", text)
    if ":" in text:
        text = _RATIO_COLON.sub(rf"\1{CLOSE} trên ", text)
    text = _WORD_RANGE.sub(lambda m: f"{m[0][:1] if m[0][:1] == CLOSE else ''} đến ", text)
    text = _UNIT_AFTER.sub(lambda m: f"{CLOSE} {(m[3] or '').strip()} {UNITS[m[2] or m[4]]}", text)
    text = _LUNAR_WORD.sub("âm lịch", text)
    if "TT" not in abbreviations:
        text = read_tt(text)
    text = _expand_abbreviations(text, abbreviations)
    text = _JOINING_AND.sub(" và ", text)
    text = spell_unknown_acronyms(text)
    text = read_slashes(text)
    text = text.replace(OPEN, "").replace(CLOSE, "")
    text = re.sub(r"\bđộ C\b", "độ xê", text)
    text = _ATTACHED_DIGITS.sub(lambda m: " " + read_cardinal(int(m[1])), text)
    text = _LEFTOVER_DIGITS.sub(lambda m: f" {read_cardinal(int(m[0]))} ", text)
    text = restore(text, saved)
    return _SPACES.sub(" ", text).strip()
