"""Turn one line of a Vietnamese administrative script into the words a station reader says."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from audio.speech_text.abbreviations import DEFAULT_ABBREVIATIONS, spell_letters
from audio.speech_text.numbers import (
    read_cardinal,
    read_decimal,
    read_digits,
    read_integer_text,
    read_ordinal,
    roman_to_int,
)

# Spoken numeric items are wrapped in these markers so that a dash between two of them can be read
# "đến" (a range) while a dash between words ("kinh tế - xã hội") is left alone.
_OPEN, _CLOSE = "\x01", "\x02"

UNITS: dict[str, str] = {
    "km/h": "ki lô mét trên giờ",
    "km²": "ki lô mét vuông",
    "km2": "ki lô mét vuông",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "m³": "mét khối",
    "m3": "mét khối",
    "°C": "độ xê",
    "ha": "héc ta",
    "km": "ki lô mét",
    "cm": "xen ti mét",
    "mm": "mi li mét",
    "kg": "ki lô gam",
    "kWh": "ki lô oát giờ",
    "kW": "ki lô oát",
    "MW": "mê ga oát",
    "m": "mét",
    "đ": "đồng",
    "VNĐ": "đồng",
    "VND": "đồng",
    "USD": "đô la Mỹ",
    "%": "phần trăm",
}
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

_CODE = r"[A-ZĐ]{2}[A-Za-zĐđ0-9&]*"
_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
_ATOMS = re.compile(
    rf"(?P<doc>(?<![\w/])\d+(?:/\d{{4}})? ?[-/](?={_CODE}){_CODE}(?:[-/]{_CODE})*)"
    r"|(?P<date>(?<![\w/.,])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/]))"
    r"|(?P<my>(?<![\w/.,])(?P<my_m>\d{1,2})/(?P<my_y>\d{4})(?![\w/]))"
    r"|(?P<dm>(?<![\w/.,])(?P<dm_d>\d{1,2})/(?P<dm_m>\d{1,2})(?![\w/]))"
    r"|(?P<time>(?<![\w.,])(?P<hh>\d{1,2})(?:h(?P<hm>\d{2})?(?:'|’|ph\b|p\b)?|:(?P<cm>\d{2}))"
    r"(?![\w:]))"
    r"|(?P<phone>(?<![\w.,])(?:0\d{2,3}(?:[ .]\d{3,4}){2}|0\d{9,10})(?![\w]|[.,]\d))"
    r"|(?P<ord>(?<!\w)(?P<thu>[Tt]hứ) (?P<ord_n>\d{1,2})(?![\w.,]))"
    rf"|(?P<num>(?<![\w.,])(?<![^\W\d_]-)(?P<int>{_NUM})(?:,(?P<frac>\d+))?"
    rf"(?:(?P<usp> ?)(?P<unit>{_UNIT_RE})(?![\w²³])|(?![\w])))"
)

_ROMAN_CONTEXT = re.compile(
    r"(?P<ctx>(?<!\w)(?:[Đđ]ại hội|[Kk]hóa|[Kk]hoá|[Tt]hứ|[Qq]uý|[Tt]hế kỷ|[Tt]hế kỉ|[Pp]hần"
    r"|[Cc]hương|[Mm]ục|[Đđ]ợt|[Gg]iai đoạn) \(?)(?P<roman>[IVXLC]+)(?:/(?P<year>\d{4}))?(?!\w)"
)
_LINE_BULLET = re.compile(r"^\s*(?:#+|[-+•●▪◦–—])\s+")
_LINE_SECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.(?=\s)")
_LINE_ROMAN = re.compile(r"^([IVXL]+)\.(?=\s)")
_RANGE = re.compile(rf"{_CLOSE}\s*[-–—]\s*{_OPEN}")
_PER = re.compile(r"(?<=[a-zà-ỹđ])/(?=[a-zà-ỹđ])")
_ATTACHED_DIGITS = re.compile(r"(?<=[^\W\d_])-?(\d+)(?!\w)")
_LEFTOVER_DIGITS = re.compile(r"\d+")
# A run of more than 15 digits (a serial, an account number) is no quantity anyone says aloud, and
# past 4,300 digits Python will not even parse it: it is read digit by digit.
_LONG_DIGITS = re.compile(r"\d(?:[.,]?\d){15,}")
_SPACES = re.compile(r"[ \t\u00a0]+")


_DOCUMENT_END = re.compile(r"\.\s*/\s*\.\s*$")


def _wrap(text: str) -> str:
    return f"{_OPEN}{text}{_CLOSE}"


def _before(match: re.Match[str], words: int = 1) -> str:
    """The lowercased text just before a match, to read it in context ("tháng 4" -> "tháng tư")."""
    head = match.string[: match.start()].replace(_OPEN, "").replace(_CLOSE, "")
    return " ".join(head.lower().split()[-words:])


def _read_month(month: int) -> str:
    return "tư" if month == 4 else read_cardinal(month)


def _read_day(day: int) -> str:
    # Northern announcers say "mùng" before days one to ten.
    return f"mùng {read_cardinal(day)}" if day <= 10 else read_cardinal(day)


def _read_date(match: re.Match[str], day: int, month: int, year: int | None) -> str | None:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    words = [] if _before(match) == "ngày" else ["ngày"]
    words += [_read_day(day), "tháng", _read_month(month)]
    if year is not None:
        words += ["năm", read_cardinal(year)]
    return " ".join(words)


def _read_doc_code(code: str, abbreviations: Mapping[str, str]) -> str:
    """Read a document code such as "NQ/TW" or "QĐ-TTg": known parts expanded, others spelled."""
    words: list[str] = []
    for part in re.split(r"([-/])", code):
        if part == "/":
            words.append("trên")
        elif part and part != "-":
            letters, digits = re.fullmatch(r"(.*?)(\d*)", part).groups()  # type: ignore[union-attr]
            words.append(abbreviations.get(letters) or spell_letters(letters))
            if digits:
                words.append(read_cardinal(int(digits)))
    return " ".join(w for w in words if w)


def _read_doc(text: str, abbreviations: Mapping[str, str]) -> str:
    number, year, code = re.fullmatch(
        r"(\d+)(?:/(\d{4}))? ?[-/](.*)", text
    ).groups()  # type: ignore[union-attr]
    words = [read_cardinal(int(number))]
    if year:
        words += ["trên", read_cardinal(int(year))]
    # "-" joining number and code is silent; "/" is read "trên" like the slashes inside the code.
    if text[len(number) + (len(year) + 1 if year else 0):].lstrip().startswith("/"):
        words.append("trên")
    words.append(_read_doc_code(code, abbreviations))
    return " ".join(words)


def _read_number(match: re.Match[str]) -> str:
    integer, frac, unit = match["int"], match["frac"], match["unit"]
    value = int(integer.replace(".", ""))
    context = _before(match)
    if frac is not None:
        words = read_decimal(integer, frac)
    elif context == "tháng" and 1 <= value <= 12:
        words = _read_month(value)
    elif context == "ngày" and match.string[match.end():].lstrip().lower().startswith("tháng"):
        words = _read_day(value)
    else:
        words = read_integer_text(integer)
    if unit:
        words = f"{words} {UNITS[unit]}"
    return words


def _read_time(match: re.Match[str]) -> str | None:
    hours = int(match["hh"])
    minutes = int(match["hm"] or match["cm"] or 0)
    if hours > 24 or minutes > 59:
        return None
    words = f"{read_cardinal(hours)} giờ"
    return f"{words} {read_cardinal(minutes)} phút" if minutes else words


def _read_phone(text: str) -> str:
    groups = re.split(r"[ .]", text)
    if len(groups) == 1:
        digits = groups[0]
        groups = [digits[:4], digits[4:7], digits[7:]]
    return ", ".join(read_digits(group) for group in groups)


def _atom(match: re.Match[str], abbreviations: Mapping[str, str]) -> str:
    kind = match.lastgroup
    spoken: str | None
    if kind == "doc":
        spoken = _read_doc(match["doc"], abbreviations)
    elif kind == "date":
        spoken = _read_date(match, int(match["d"]), int(match["m"]), int(match["y"]))
    elif kind == "my":
        month = int(match["my_m"])
        spoken = None
        if 1 <= month <= 12:
            prefix = "" if _before(match) == "tháng" else "tháng "
            spoken = f"{prefix}{_read_month(month)} năm {read_cardinal(int(match['my_y']))}"
    elif kind == "dm":
        spoken = _read_date(match, int(match["dm_d"]), int(match["dm_m"]), None)
        if spoken is None:
            spoken = f"{read_cardinal(int(match['dm_d']))} trên {read_cardinal(int(match['dm_m']))}"
    elif kind == "time":
        spoken = _read_time(match)
    elif kind == "phone":
        spoken = _read_phone(match["phone"])
    elif kind == "ord":
        spoken = f"{match['thu']} {read_ordinal(int(match['ord_n']))}"
    else:
        spoken = _read_number(match)
    return match.group(0) if spoken is None else _wrap(spoken)


def _roman(match: re.Match[str]) -> str:
    value = roman_to_int(match["roman"])
    if value is None:
        return match.group(0)
    ctx = match["ctx"]
    words = read_ordinal(value) if ctx.lower().startswith("thứ") else read_cardinal(value)
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
            escaped += r"(?= ?[A-ZĐÀ-Ỹ0-9])"
        elif key[-1].isalnum():
            # Digits may follow ("COP26"): they are read as a number afterwards.
            escaped += r"(?![^\W\d_])"
        parts.append(escaped)
    return re.compile(rf"(?<![\w/-])(?:{'|'.join(parts)})")


@lru_cache(maxsize=32)
def _gloss_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"\s*\(({alternatives})\)")


def _drop_glosses(line: str, abbreviations: Mapping[str, str]) -> str:
    """Drop "(CPI)" after "Chỉ số giá tiêu dùng": read aloud it would repeat the same words."""

    def replace(match: re.Match[str]) -> str:
        expansion = abbreviations[match[1]].lower()
        said_before = line[: match.start()].lower().endswith(expansion)
        return "" if said_before else match[0]

    return _gloss_pattern(tuple(abbreviations)).sub(replace, line)


def _expand_abbreviations(line: str, abbreviations: Mapping[str, str]) -> str:
    if not abbreviations:
        return line
    line = _drop_glosses(line, abbreviations)
    pattern = _abbreviation_pattern(tuple(abbreviations))
    # A dotted key may touch the next word ("KT.CHỦ TỊCH"): keep a space after its expansion.
    return pattern.sub(lambda m: abbreviations[m[0]] + (" " if m[0][-1] == "." else ""), line)


def _read_long_digits(match: re.Match[str]) -> str:
    after = match.string[match.end():match.end() + 1]
    return f" {read_digits(match[0])}" + (" " if after.isalnum() else "")


def normalize_line(line: str, abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> str:
    """Return the spoken form of one line (no newline inside)."""
    text = line.replace("*", "").replace("\u00a0", " ")
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
    text = _ROMAN_CONTEXT.sub(_roman, text)
    text = _ATOMS.sub(lambda m: _atom(m, abbreviations), text)
    text = _RANGE.sub(f"{_CLOSE} đến {_OPEN}", text)
    text = text.replace(_OPEN, "").replace(_CLOSE, "")
    text = _expand_abbreviations(text, abbreviations)
    text = text.replace("và/hoặc", "và hoặc")
    text = _PER.sub(" mỗi ", text)
    text = _ATTACHED_DIGITS.sub(lambda m: " " + read_cardinal(int(m[1])), text)
    text = _LEFTOVER_DIGITS.sub(lambda m: f" {read_cardinal(int(m[0]))} ", text)
    return _SPACES.sub(" ", text).strip()
