"""Line passes run on the written line before the number reader (`normalize_line` calls `before_numbers`).

- A code just after the name it stands for ("Trung tâm Kiểm soát bệnh tật CDC") is spelled, not said twice.
- Words printed in capitals for emphasis ("KHÔNG BAO GIỜ") inside a line that is no heading are ordinary words
  (NEW-v12-12).
- Initials of a person after a kinship or title word ("chị N. T.") are read by their letter names.
- A list or range of days ending on a date ("(4, 5 và 6/3)", "gieo mạ 05 - 20/02") takes "mùng" on every day 1-10
  (the NEW-v11-2 list rule, also without "ngày" before the list).
- Vietnamese words run together without marks outside an address ("dichvucong") are read by their syllables.
- A police department ending a document code ("1234/BCA-C06") is read after the issuer, as it is read alone.
- A fertiliser grade ("NPK 5-10-3") is three numbers, the dashes silent.
- Two words joined by a hyphen before a per-unit slash ("sáng-chiều/ngày") are a pair of words, and after a quantity
  written in words ("hai buổi sáng-chiều/ngày") the slash before a period is a rate ("mỗi", as after digits).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from audio.speech_text.acronyms import is_heading, spell_acronym
from audio.speech_text.conventions import LETTER_NAMES, LOAN_WORDS
from audio.speech_text.match_context import _wrap
from audio.speech_text.numbers import read_cardinal
from audio.speech_text.web import unaccented_syllables

_VOWELS = "AĂÂEÊIOÔƠUƯYÀẰẦÈỀÌÒỒỜÙỪỲÁẮẤÉẾÍÓỐỚÚỨÝẢẲẨẺỂỈỎỔỞỦỬỶÃẴẪẼỄĨÕỖỠŨỮỸẠẶẬẸỆỊỌỘỢỤỰỴ"


def capital_syllable(vowels: str = _VOWELS) -> str:
    """The shape of one Vietnamese syllable in capitals: onset, one to three of `vowels`, a final consonant."""
    return rf"(?:NGH|NG|GH|GI|KH|PH|TH|TR|CH|NH|QU|[BCDĐGHKLMNPRSTVX])?[{vowels}]{{1,3}}(?:NG|NH|CH|[CMNPT])?"


CAPITAL_SYLLABLE = capital_syllable()
_TONED = re.compile(rf"[{_VOWELS[12:]}ĂÂÊÔƠƯ]")
# Two or more capital syllables in a row, one at least with a Vietnamese vowel mark: not an acronym.
_SHOUTED = re.compile(rf"(?<![\w-])(?:{CAPITAL_SYLLABLE})(?: (?:{CAPITAL_SYLLABLE}))+(?![\w-])")


def _lower_shouted(match: re.Match[str]) -> str:
    return match[0].lower() if _TONED.search(match[0]) else match[0]


_KIN_INITIALS = re.compile(
    r"(?<![\w])((?:[Cc]hị|[Aa]nh|[Ôô]ng|[Bb]à|[Ee]m|[Cc]háu|[Cc]ụ|[Cc]ô|[Cc]hú|[Bb]é|[Ss]inh viên|[Hh]ọc sinh)"
    r"|[Đđ]ối tượng|[Nn]ạn nhân) ((?:[A-ZĐ]\. ?){1,4})"
)


def _read_kin_initials(match: re.Match[str]) -> str:
    letters = re.findall(r"[A-ZĐ]", match[2])
    tail = " " if match[2].endswith(" ") else ""
    return f"{match[1]} {' '.join(LETTER_NAMES[letter] for letter in letters)}{tail}"


# "(4, 5 và 6/3)", "gieo mạ 05 - 20/02", "ngày 4, 5/3": the days before a day/month; not after a number word,
# a slash or a document sign, and not a count out of a total ("3 và 4/5 hộ").
_DAY_LIST = re.compile(
    r"(?<![\w/.,-])(?<!số )(?<!lần )(?<!thứ )(?<!mùng )(?<!mồng )"
    r"(?P<days>(?:(?:0?[1-9]|[12]\d|3[01])\s*(?:,|và|-|–)\s*)+)"
    r"(?P<last>(?:0?[1-9]|[12]\d|3[01]))/(?P<month>0?[1-9]|1[0-2])(?P<year>/\d{4})?(?![\d/])"
    r"(?!\s+(?:số|hộ|người|thôn|tổ|chi|cử|phiếu|tỉnh|xã|phường|đơn|chỉ|trường|lớp|học))"
)
_LIST_DAY = re.compile(r"(?<![\d])(0?)([1-9]|10)(?!\d)")


def _mung_days(match: re.Match[str]) -> str:
    days = _LIST_DAY.sub(lambda m: f"mùng {m[2]}", match["days"])
    return f"{days}{match['last']}/{match['month']}{match['year'] or ''}"


# "tiếp công dân vào các ngày 03, 10, 17 và 24" (the month named before): a list of days after "các/những ngày";
# days 1-10 take mùng as on a dated list (v13).
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_NAMED_DAY_LIST = re.compile(
    rf"(?P<head>\b(?:các|những) ngày )(?P<days>(?:{_DAY}\s*,\s*)+{_DAY}(?:\s*,?\s*và\s*{_DAY})?)"
    r"(?![/.,-]\d|\s*(?:tháng|-|–|/))"
)

# "diễn ra 2 ngày, 14 và 15-11", "ngày 4, 5-9": days listed after "ngày", the last with a dashed month (press style):
# the dash there is the date's, read as "/" (mười lăm tháng mười một), not a range (v13).
_DASHED_DAY_LIST = re.compile(
    rf"(?<=ngày)([,:]?\s+)((?:{_DAY}\s*(?:,|và)\s*)+{_DAY})\s?[-–]\s?(1[0-2]|0?[1-9])(?![\d/.,-]\d|\d)"
)


def _mung_named_days(match: re.Match[str]) -> str:
    return match["head"] + _LIST_DAY.sub(lambda m: f"mùng {m[2]}", match["days"])


# "công viên 30-4", "đường 3-2", "quảng trường 26-3": a place named after a date says the date (ba mươi tháng tư),
# not a range (v13); with a slash too ("đường 3/2", "đường 30/4", "vườn hoa 19/8": the date, not "ba trên hai",
# NEW-v14-6, NEW-v16-3). A house number is written after "số", "ngõ", "hẻm", "kiệt", never after the street word.
_PLACE_NAMED_BY_DATE = re.compile(
    r"(?i)(?<!\w)((?:công viên|đường|phố|quảng trường|cầu|sân vận động|chợ|khu phố|bến xe|nhà thi đấu) )"
    r"([12]\d|3[01]|0?[1-9])\s?[-–]\s?(1[0-2]|0?[1-9])(?![\d/.,-]\d|\d)"
)
_PLACE_NAMED_BY_SLASH_DATE = re.compile(
    r"(?i)(?<![\w/])((?:công viên|đường|quảng trường|vườn hoa|cầu|sân vận động|bến xe|nhà thi đấu) )"
    r"([12]\d|3[01]|[1-9])/(1[0-2]|[1-9])(?![\d/.,-]\d|\d)"
)

# "sửa chữa đường ống D300", "cống D1000": a pipe's diameter in millimetres, "dê ba trăm" (a size, not a code) (v13).
# A hydrant's outlet ("họng nước chữa cháy D65") is sized the same way, and a size may carry its unit ("D800mm").
_PIPE_DIAMETER = re.compile(
    r"(?i)(?<!\w)((?:ống|cống|họng|trụ)(?: [a-zà-ỹđ]+){0,3} )D ?(\d{2,4})(?=mm\b|(?![\w.,]\d|\w))"
)


def _read_pipe_diameter(match: re.Match[str]) -> str:
    return f"{match[1]}dê {_wrap(read_cardinal(int(match[2])))}"


def _read_place_date(match: re.Match[str]) -> str:
    # The day of a name is a plain cardinal ("đường ba tháng hai", not "mùng ba"); the month is read by the date rules.
    return f"{match[1]}{_wrap(read_cardinal(int(match[2])))} tháng {match[3]}"


_PAIR_BEFORE_RATE = re.compile(r"(?<=[a-zà-ỹđ])-(?=[a-zà-ỹđ]+/[a-zà-ỹđ])")
# "tối đa hai buổi sáng chiều/ngày": a quantity written in words, a period after "/" a few words on, is a rate too.
_WORD_QUANTITY_RATE = re.compile(
    r"(?<![\w])((?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?: [a-zà-ỹđ]+){1,3})/"
    r"(?=(?:ngày|tuần|tháng|quý|năm|buổi|ca|đêm|vụ)(?!\w))"
)


# "(VNeID, dichvucong...)": an app or site named by Vietnamese words run together without marks, outside an
# address: read by the syllables an address is read with (`web`), when it splits into three or more of them.
_RUN_TOGETHER = re.compile(r"(?<![\w@./#:-])[a-z]{8,}(?![\w@/:-]|\.[a-z])")


def _read_run_together(match: re.Match[str]) -> str:
    word = match[0]
    if word in LOAN_WORDS:
        return word
    spoken = " ".join(unaccented_syllables(word) or ()).split()
    # Three syllables at least, of three letters on average: "television" (te-le-vi-si-on) is no Vietnamese run.
    return " ".join(spoken) if len(spoken) >= 3 and len(word) >= 3 * len(spoken) else word


# "phân NPK 5-10-3", "NPK 16-16-8": the grade of a fertiliser, its numbers said one after another, the dashes silent.
_FERTILISER_GRADE = re.compile(r"\b(NPK|N-P-K)\s*(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})(?![\d-])")


# "1234/BCA-C06", "89/CAT-PC06": a police department (Cục C06, Phòng PC06) ending a document code is read as the
# department alone is ("xê không sáu"), after the issuer: the dash before it becomes a space.
_POLICE_UNIT_LAST = re.compile(
    r"(?<=\d/)([A-ZĐ][A-ZĐƯa-z]+(?:-[A-ZĐ][A-ZĐƯa-z]+)*)-((?:[ACHKPX]|P[ACHKX])\d{2})(?![\w-])"
)


# "Trung tâm Kiểm soát bệnh tật CDC Hà Nội": a code just after the very name it stands for is spelled (xê đê xê), not
# expanded into the name a second time (blind review of v12).
_CODE_AFTER_WORDS = re.compile(r"(?<=[^\W\d_]) ([A-Z]{2,6})(?![\w-])")


def _spell_repeated_code(text: str, abbreviations: Mapping[str, str]) -> str:
    def spoken(match: re.Match[str]) -> str:
        name = abbreviations.get(match[1])
        if not name:
            return match[0]
        before = text[max(0, match.start() - len(name) - 1):match.start()].lower()
        return f" {spell_acronym(match[1])}" if before.endswith(name.lower()) else match[0]

    return _CODE_AFTER_WORDS.sub(spoken, text)


# "86.000đồng/kg", "3 triệuđồng", "5tỷ": a money word glued to its number (or to its scale word) is read apart.
_GLUED_MONEY = re.compile(r"(?<=\d)(?=(?:đồng|nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_]))"
                          r"|(?:(?<=nghìn)|(?<=triệu)|(?<=ngàn)|(?<=tỷ))(?=đồng\b)")
# A written "tỉ" (the number word) is the same word as "tỷ" and is transcribed so (NEW-v14-3); "tỉ lệ", "tỉ số",
# "tỉ mỉ" and the like are other words, kept as written.
_TI_NUMBER = re.compile(r"(?<![^\W\d_])tỉ(?![^\W\d_])(?! (?:lệ|số|mỉ|trọng|giá|suất|phú|thí)(?![^\W\d_]))")


# "trên BĐIII", "BĐII 03cm": a flood-alarm level glued to its Roman numeral is the level (báo động ba).
_GLUED_ALARM = re.compile(r"(?<![\w])BĐ(I{1,3}|IV)(?![\w])")
# "UBMTTQ VN", "Hội LHPN VN", "Hội Nông dân VN": "VN" closing an organisation's name is the country (Việt Nam),
# not two letters; after an abbreviation of three or more capitals or a "Hội"/"Đoàn" name of a few words.
_COUNTRY_AFTER_ORG = re.compile(
    r"(?<![\w-])((?:[A-ZĐ]{3,}|(?:Hội|Đoàn|Tổng liên đoàn|Liên đoàn|Liên hiệp)(?: [A-ZĐÀ-Ỹa-zà-ỹđ]+){1,4}) )"
    r"VN(?![\w.-])"
)


def before_numbers(text: str, abbreviations: Mapping[str, str]) -> str:
    """The passes on the written line (see the module docstring)."""
    text = _spell_repeated_code(text, abbreviations)
    if "BĐI" in text:
        text = _GLUED_ALARM.sub(r"BĐ \1", text)
    if "VN" in text:
        text = _COUNTRY_AFTER_ORG.sub(r"\1Việt Nam", text)
    if "tỉ" in text:
        text = _TI_NUMBER.sub("tỷ", text)
    if "đồng" in text or "nghìn" in text or "ngàn" in text or "triệu" in text or "tỷ" in text:
        text = _GLUED_MONEY.sub(" ", text)
    if re.search(r"[A-ZĐ]{2}", text) and not is_heading(text):  # a heading is left as written (`acronyms`)
        text = _SHOUTED.sub(_lower_shouted, text)
    if text.isascii() is False or re.search(r"[a-z]{8}", text):
        text = _RUN_TOGETHER.sub(_read_run_together, text)
    if "/" in text and "-" in text:
        text = _POLICE_UNIT_LAST.sub(r"\1 \2", text)
    if "NPK" in text or "N-P-K" in text:
        text = _FERTILISER_GRADE.sub(r"\1 \2 \3 \4", text)
    if ". " in text:
        text = _KIN_INITIALS.sub(_read_kin_initials, text)
    if "-" in text or "–" in text:
        text = _PLACE_NAMED_BY_DATE.sub(_read_place_date, text)
    if "/" in text:
        text = _PLACE_NAMED_BY_SLASH_DATE.sub(_read_place_date, text)
    if "ống" in text or "họng" in text or "trụ" in text:
        text = _PIPE_DIAMETER.sub(_read_pipe_diameter, text)
    if "ngày" in text and ("-" in text or "–" in text):
        text = _DASHED_DAY_LIST.sub(r"\1\2/\3", text)
    if "ngày " in text:
        text = _NAMED_DAY_LIST.sub(_mung_named_days, text)
    if "/" in text:
        text = _DAY_LIST.sub(_mung_days, text)
        text = _WORD_QUANTITY_RATE.sub(r"\1 mỗi ", _PAIR_BEFORE_RATE.sub(" ", text))
    return text
