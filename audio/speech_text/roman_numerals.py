"""Roman numerals after a context word ("Đại hội XIII", "quý I, II/2026") and fuel grades ("RON 95-III")."""

from __future__ import annotations

import re

from audio.speech_text.match_context import _wrap
from audio.speech_text.numbers import read_cardinal, read_ordinal, roman_to_int

_ROMAN_CONTEXT = re.compile(
    r"(?P<ctx>(?<!\w)(?:[Đđ]ại hội|[Kk]hóa|[Kk]hoá|[Tt]hứ|[Qq]uý|[Tt]hế kỷ|[Tt]hế kỉ|[Pp]hần"
    r"|[Cc]hương|[Mm]ục|[Đđ]ợt|[Gg]iai đoạn|[Hh]ạng|[Ll]oại|[Kk]ỳ|[Vv]ùng|[Đđ]iều|[Cc]ấp"
    # "Chi cục Thuế khu vực II", "trên BĐ III" (a flood alarm level): cardinals too.
    r"|[Kk]hu vực|[Bb]áo động|BĐ"
    # "cụm III" (a cluster of communes in an emulation or contest), "tiểu đoàn II": cardinals (v13).
    r"|[Cc]ụm|[Tt]iểu đoàn) \(?)"
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
