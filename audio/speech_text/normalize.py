"""Turn one line of a Vietnamese administrative script into the words a station reader says."""

from __future__ import annotations

import re
from collections.abc import Mapping

from audio.speech_text.abbreviation_expansion import _expand_abbreviations
from audio.speech_text.abbreviations import (
    CONTEXT_ABBREVIATIONS,
    DEFAULT_ABBREVIATIONS,
    is_station_entry,
    read_in_context,
)
from audio.speech_text.acronyms import spell_unknown_acronyms
from audio.speech_text.brand_words import read_brand_words
from audio.speech_text.clock_times import _read_time
from audio.speech_text.codes import (
    read_code,
    read_document_number,
    read_document_types,
    read_form_codes,
    read_groups,
    read_plate,
)
from audio.speech_text.conventions import LETTER_NAMES
from audio.speech_text.day_numbers import _DATE_RANGE_BEFORE, _DAY_RANGE_BEFORE, HOLIDAY_BEFORE
from audio.speech_text.digit_strings import (
    _DOTTED_GROUPS,
    _FILE_CODE,
    _LABELLED_CODE,
    _LONG_DIGITS,
    _read_dotted_groups,
    _read_labelled_code,
    _read_long_digits,
    _read_number,
)
from audio.speech_text.dotted_dates import TIME_BEFORE_DATE, mark_dotted_dates
from audio.speech_text.match_context import _after, _before, _head, _wrap
from audio.speech_text.numbers import read_cardinal, read_ordinal, roman_to_int
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
from audio.speech_text.pre_number_passes import before_numbers
from audio.speech_text.roads import KM_RE, ROAD_RE, read_chainage, read_road
from audio.speech_text.roman_numerals import _FUEL_GRADE, _ROMAN_CONTEXT, _fuel_grade, _roman
from audio.speech_text.slash_dates import (
    _DATE_WORDS,
    _counts_out_of,
    _in_date_context,
    _read_date,
    _read_month,
    _read_slash_pair,
)
from audio.speech_text.sms_syntax import read_sms_syntax
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


# "Q.1", "P.5": a district or ward by its number; a space lets the number be read as one.
_PLACE_NUMBER = re.compile(r"(?<![\w.])([PQ])\.(?=\d)")
# "ống DN100", "van DN50": a pipe's nominal diameter, spelled "dê en" (D is "dê", Đ is "đê"); never "doanh nghiệp",
# which is never glued to a number.
_PIPE_DIAMETER = re.compile(r"(?<![\w.-])DN(?=\d{2,4}(?!\d|[.,/]\d))")
# "ĐT: 0210…" labels a telephone number; "ĐT 741" (a number not starting with 0) is a road.
# "ĐT trực ban 0262…", "ĐT đường dây nóng: 0…": up to three lowercase words may stand between the label and the number.
_PHONE_LABEL = re.compile(r"(?<![\w/-])ĐT(?=(?:\s+[a-zà-ỹđ]+){0,3}\s*:?\s*[(0+])")
# "&" left between two words once the known codes (GD&ĐT) are expanded: "HĐND&UBND" -> … và ….
_JOINING_AND = re.compile(r"(?<=[^\W\d_])&(?=[^\W\d_])")
# "./." closes an official document.
_DOCUMENT_END = re.compile(r"\.\s*/\s*\.\s*$")
_LINE_BULLET = re.compile(r"^\s*(?:#+|[-+•●▪◦–—])\s+")
_LINE_SECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.(?=\s)")
_LINE_ROMAN = re.compile(r"^([IVXL]+)\.(?=\s)")
_RANGE = re.compile(rf"{CLOSE}\s*[-–—]\s*{OPEN}")
# "từ ngày 01/12/2025 - ngày 02/12/2025", "từ 7 giờ 05 phút – 10 giờ": a dash between two dates or times whose
# second repeats its word ("ngày") or whose first ends with "giờ"/"phút" is a range too.
_WORD_RANGE = re.compile(rf"(?:{CLOSE}|(?<={CLOSE} giờ)|(?<={CLOSE} phút))\s*[-–—]\s*(?=ngày {OPEN}|{OPEN})")
# "từ 1 tỷ - 2 tỷ đồng", "3 triệu đồng - 5 triệu đồng": a range of two amounts that end with their scale word.
# "15.000 đồng - 20.000 đồng" too: two amounts of money written with the currency word.
_SCALE_RANGE = re.compile(rf"{CLOSE}( (?:(?:nghìn|ngàn|triệu|tỷ|tỉ)(?: đồng)?|đồng))\s*[-–—]\s*(?={OPEN})")
# "15.000đ/kg-20.000đ/kg": a dash glued to a unit after "/" separates two prices (it is no minus sign).
_UNIT_DASH = re.compile(rf"(?<=/)({UNIT_RE})-(?=\d)")
# "15.000đ-20.000đ/kg", "15.000 đồng-20.000 đồng": a dash glued between a quantity's unit and the next number
# separates the two ends of a range, as when it is spaced.
_GLUED_UNIT_DASH = re.compile(rf"(\d ?(?:{UNIT_RE}|đồng|nghìn|ngàn|triệu|tỷ))-(?=\d)")
# "15.000 đ/kg – 20.000 đ/kg": a range of two prices per unit.
_PER_UNIT_RANGE = re.compile(rf"{CLOSE}(/(?:{UNIT_RE}))(?![\w²³])\s*[-–—]\s*(?={OPEN})")
# "tỷ lệ 3:1", "tỉ lệ bản đồ 1:500": a ratio ("ba trên một"); other "N:M" left to the voice (a score is a pause).
_RATIO_COLON = re.compile(rf"(?i)(?<=\bt[ỷỉ] lệ\b)([^.;{OPEN}]{{0,30}}{OPEN}[^{CLOSE}]*){CLOSE}:(?={OPEN})")
_ATTACHED_DIGITS = re.compile(r"(?<=[^\W\d_])-?(\d+)(?!\w)")
_LEFTOVER_DIGITS = re.compile(r"\d+")

_LONG_UNITS = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if len(u) > 1)
# "895 triệu kWh", "5 nghìn ha": a unit after a number and its scale word.
_UNIT_AFTER = re.compile(
    rf"{CLOSE}( ?)({_LONG_UNITS})(?![\w²³])|{CLOSE}( ?(?:nghìn|ngàn|triệu|tỷ|tỉ) )({UNIT_RE})(?![\w²³])"
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_LUNAR_WORD = re.compile(rf"(?:(?<={CLOSE} )|(?<=[Gg]iêng )|(?<=[Cc]hạp ))(?:AL|Âl)\b")
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
                or _DATE_RANGE_BEFORE.search(head) or TIME_BEFORE_DATE.search(head) or HOLIDAY_BEFORE.search(head):
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






# "mã HN2", "ký hiệu DN4": letters glued to a digit after a code label are a code, spelled (NEW-v10-4 "hát en"),
# not the place or body the letters abbreviate elsewhere.
_CODE_LABEL_BEFORE = re.compile(r"(?i)(?:\bmã|\bký hiệu|\bkí hiệu)(?:\s+(?:số|thẻ|quyền lợi|đối tượng))?\s*:?\s*$")






def normalize_line(line: str, abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> str:
    """Return the spoken form of one line (no newline inside)."""
    text = read_sms_syntax(drop_markup(line.replace("\u00a0", " "), abbreviations))
    text = before_numbers(text, abbreviations)
    text = _LABELLED_CODE.sub(_read_labelled_code, text)
    text = _FILE_CODE.sub(_read_labelled_code, text)
    if "." in text:
        text = _DOTTED_GROUPS.sub(_read_dotted_groups, text)
    text = _LONG_DIGITS.sub(_read_long_digits, text)
    # "./." closes an official document: it has no spoken form
    text = _DOCUMENT_END.sub(".", text)
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
    if "-" in text:
        text = _GLUED_UNIT_DASH.sub(r"\1 - ", text)
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
    text = read_brand_words(text)
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
