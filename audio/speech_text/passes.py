"""Whole-line passes around the number reader: symbols before it, slashes and units after it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from audio.speech_text.conventions import LETTER_NAMES, SYMBOLS

# Spoken numeric items are wrapped in these markers so that a dash between two of them can be read
# "đến" (a range) and a slash after one can be read "mỗi" (a rate).
OPEN, CLOSE = "\x01", "\x02"

UNITS: dict[str, str] = {
    "km/h": "ki lô mét trên giờ",
    "m/s": "mét trên giây",
    "km²": "ki lô mét vuông",
    "km2": "ki lô mét vuông",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "m³": "mét khối",
    "m3": "mét khối",
    "cm³": "xăng ti mét khối",
    "cc": "phân khối",  # an engine's size, "xe máy 50cc" (U1: phân khối for engines)
    "cm3": "xăng ti mét khối",
    "cm²": "xăng ti mét vuông",
    "°C": "độ xê",
    "ºC": "độ xê",
    "oC": "độ xê",
    "ha": "héc ta",
    "km": "ki lô mét",
    "Km": "ki lô mét",
    "KM": "ki lô mét",
    "cm": "xăng ti mét",
    "mm": "mi li mét",
    "mmHg": "mi li mét thủy ngân",
    "kg": "ki lô gam",
    "Kg": "ki lô gam",
    "KG": "ki lô gam",
    "g": "gam",
    "mg": "mi li gam",
    "mmol": "mi li mol",
    "ml": "mi li lít",
    "l": "lít",
    "kWh": "ki lô oát giờ",
    "kW": "ki lô oát",
    "MW": "mê ga oát",
    "kV": "ki lô vôn",
    "kVA": "ki lô vôn am pe",  # a transformer's rating, "trạm biến áp 400 kVA" (v14 disputed)
    "MVA": "mê ga vôn am pe",
    "kHz": "ki lô héc",  # a coast-radio frequency "tần số 7903 kHz" (v13)
    "MHz": "mê ga héc",
    "tr.đồng": "triệu đồng",  # "35 tr.đồng", the press short form of triệu (v13)
    "tr.đ": "triệu đồng",
    "Tr.đ": "triệu đồng",  # NEW-v13-9, both capitalisations
    "Tr.đồng": "triệu đồng",
    "V": "vôn",
    "MB": "mê ga bai",
    "GB": "gi ga bai",
    "m": "mét",
    "đ": "đồng",
    "VNĐ": "đồng",
    "VND": "đồng",
    "USD": "đô la Mỹ",
    "%": "phần trăm",
    "‰": "phần nghìn",
}
UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

_INITIAL = re.compile(r"\b([A-ZĐ][a-zà-ỹđ]{1,6}) ([A-ZĐ])\.(?=\s*(?:[,;:)(]|[a-zà-ỹđ]|$))")
_WEEKDAY_RANGE = re.compile(r"(?i)\b((?:thứ \w+|chủ nhật|t[2-7]|cn))\s*[-–—]\s*(?=thứ|chủ nhật|T[2-7]\b|CN\b)")
_ZERO_MINUTES = re.compile(r"(?<!\d)(\d{1,2}) giờ 00(?!\d)(?: phút)?")


def _symbol(key: str, table: Mapping[str, str]) -> str:
    return table.get(key) or SYMBOLS[key]


def drop_markup(text: str, table: Mapping[str, str]) -> str:
    """Markdown emphasis is silent; the footnote sign "(*)" is read ("dấu (*)" -> "dấu sao")."""
    if "(*)" in text:
        # (?<!\s): start at the beginning of a run of spaces, never inside it (linear on long runs).
        text = re.sub(r"(?<!\s)\s*\(\*\)", lambda _: " " + _symbol("(*)", table), text)
    return text.replace("*", "")


# "> 38", "(<140/90 mmHg)", "<5 tuổi": a comparison before a number, after a space, "(" or at the start.
_GREATER = re.compile(r"(?:(?<=[\s(])|^)>\s*(?=\d|\()")
_LESS = re.compile(r"(?:(?<=[\s(])|^)<\s*(?=\d|\()")
_ABOUT = re.compile(r"(?:(?<=\s)|^)~\s*(?=\d)")
# "25 ~ 30 độ": "~" between two numbers is a range.
_ABOUT_RANGE = re.compile(r"(?<=\d)\s*~\s*(?=\d)")
# "5′", "30″": minutes and seconds (of time or of arc); "7h30′" is a time whose reader takes "'".
_PRIME_AFTER_TIME = re.compile(r"(?<=[hg]\d\d)′")
_PRIMES = re.compile(r"(?<=\d) ?([′″])")
_AND = re.compile(r"(?<=\s)&(?=\s)")
# A minus sign before a number after a word: "có nơi -2°C" (not a range "5 -10").
_MINUS = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_] \()|^)[-−](?=\d)")
# "3×4", and "4,5% × 2.340.000 đồng" (a formula: a rate times an amount).
_TIMES_DIGITS = re.compile(r"(?<=\d)\s*[x×]\s*(?=\d)|(?<=%)\s*[x×]\s*(?=\d)")
_TIMES_WORD = re.compile(r"(?<=[^\W\d_]) [x×] (?=\d)")
# "5 + 3", "125.000.000 đồng + 2 tấn gạo": a spaced "+" before a number adds quantities.
_PLUS = re.compile(r"(?<=[\w%]) \+ (?=\d)")
_ETC = re.compile(r"\bv\.v\.(?=\s*\S)")
_ETC_END = re.compile(r"\bv\.v(?:\.|…)?$")


def read_symbols(text: str, table: Mapping[str, str]) -> str:
    """Symbols an announcer reads as words; dashes between words and "…" are left as pauses."""
    if "v.v" in text:
        text = _ETC.sub(_symbol("v.v.", table), text)
        text = _ETC_END.sub(_symbol("v.v.", table) + ".", text)
    for key in ("≥", "≤", "±"):
        if key in text:
            text = re.sub(rf"{key}\s*", _symbol(key, table) + " ", text)
    if ">" in text:
        text = _GREATER.sub(_symbol(">", table) + " ", text)
    if "<" in text:
        text = _LESS.sub(_symbol("<", table) + " ", text)
    if "~" in text:
        text = _ABOUT_RANGE.sub(" đến ", text)
        text = _ABOUT.sub(_symbol("~", table) + " ", text)
    if "′" in text or "″" in text:
        text = _PRIME_AFTER_TIME.sub("'", text)
        text = _PRIMES.sub(lambda m: " " + _symbol(m[1], table), text)
    if "&" in text:
        text = _AND.sub(_symbol("&", table), text)
    if "-" in text or "−" in text:
        text = _MINUS.sub(_symbol("-", table) + " ", text)
    if "x" in text or "×" in text:
        text = _TIMES_DIGITS.sub(f" {_symbol('×', table)} ", text)
        text = _TIMES_WORD.sub(f" {_symbol('×', table)} ", text)
    if "+" in text:
        text = _PLUS.sub(f" {_symbol('+', table)} ", text)
    if "-" in text or "–" in text or "—" in text:
        text = _WEEKDAY_RANGE.sub(lambda m: f"{m[1]} đến ", text)
    if "giờ" in text:
        text = _ZERO_MINUTES.sub(lambda m: f"{m[1]}h", text)
    return text


def read_initials(text: str) -> str:
    """ "Nguyễn Văn V." -> "Nguyễn Văn Vê": a person's initial, not a numeral nor a sentence end."""
    def spoken(match: re.Match[str]) -> str:
        if _LABEL_WORD.fullmatch(match[1]):
            return match[0]  # "Vitamin D.": a letter naming a kind, read by read_named_letters
        end = "." if match.end() == len(match.string) else ""
        return f"{match[1]} {LETTER_NAMES[match[2]].capitalize()}{end}"

    text = _INITIAL.sub(spoken, text)
    return _NAME_INITIAL.sub(lambda m: f"{m['name']} {LETTER_NAMES[m['letter']].capitalize()}", text)


# "Hộ ông Nguyễn Văn C, thôn 3", "bà Lê Thị D": a single capital after a Vietnamese personal name is the person's
# initial, said by its letter name (xê, dê, bê) even when it looks like a Roman numeral (C, D, V, X; v10 NEW-v10-3).
# A name is a common surname and one or two capitalised words, or any one to three capitalised words after a title.
_SURNAMES = (
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đào|Đinh|Mai|Trịnh|Lương|Cao|Tạ"
    "|Lưu|Chu|Triệu|Kiều|Lâm|Quách|Tô|Vương|Thái|Phùng|Doãn|Tăng|Nông|Lò|Mạc|Hứa|Thân|Lại|Tống|Khúc|Hà"
)
_TITLES = r"ông|bà|anh|chị|cháu|cụ|em|đồng chí|đ/c|hộ|bệnh nhân|đối tượng|công dân|người"
_NAME_WORD = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
_NAME_INITIAL = re.compile(
    rf"(?P<name>(?<![\w/])(?:(?:{_SURNAMES})(?: {_NAME_WORD}){{1,2}}"
    rf"|(?i:{_TITLES}) (?:{_NAME_WORD} ){{0,2}}{_NAME_WORD}))"
    r" (?P<letter>[A-ZĐ])(?=\s*(?:[,;:)(–-]|\s[a-zà-ỹđ0-9]|$))"
)


# Nouns that label a thing by a letter: "nhóm máu O, A", "viêm gan B", "điểm đ khoản 1", "khu A"; the letter is
# followed by a lowercase word, a sign, or the capitalised next level of a legal reference ("Điểm c Khoản 3").
_LETTER_LABELS = (
    r"nhóm máu|nhóm|tuýp|điểm|viêm gan|vitamin|vi-ta-min|khu|dãy|lô|tòa nhà|toà nhà|nhà|bảng|cổng|khối"
    r"|phân khu|tiểu khu|mục|tiết|câu|phần|hạng|loại|phương án"
)
_LETTER = r"(?:[A-ZĐ]{1,2}|[a-zđ])"
_LABEL_WORD = re.compile(rf"(?i:{_LETTER_LABELS})")
_NAMED_LETTERS = re.compile(
    rf"(?P<label>(?i:(?<![^\W\d_])(?:{_LETTER_LABELS}))) (?P<letters>{_LETTER}(?:(?:, | và | hoặc | hay |/){_LETTER})*)"
    # Not the first part of a joined code: "phương án BT-HT-TĐC" is a plan of bồi thường, hỗ trợ, tái định cư.
    r"(?=$|(?!-[A-ZĐ]{2})[^\w\s]|\s+(?:[a-zà-ỹđ0-9]|$)|\s+(?:Khoản|Điều|Điểm|Mục|Chương|Phần|Tiết)\b)"
)
_ONE_LETTER = re.compile(_LETTER)


def read_named_letters(text: str) -> str:
    """Letters that name a group, a point of a law or a block, read by their names in lowercase
    ("nhóm máu O, A" -> nhóm máu o, a; "điểm đ" -> điểm đê; "nhóm AB" -> nhóm a bê)."""

    def spoken(match: re.Match[str]) -> str:
        label, letters = match["label"], match["letters"]
        if re.fullmatch(r"[IVXL]", letters):  # "Nhóm I", "khu V": a roman numeral
            return match[0]
        return f"{label} " + _ONE_LETTER.sub(
            lambda m: " ".join(LETTER_NAMES[ch.upper()] for ch in m[0]), letters).replace("/", ", ")

    return _NAMED_LETTERS.sub(spoken, text)


_PERIODS = r"năm|tháng|tuần|quý|ngày"
# The last spoken number before a "/" was a date ("ba mươi mốt tháng tám"), not a quantity with a unit.
_DATE_ATOM = re.compile(rf"{OPEN}[^{CLOSE}]* tháng [^{CLOSE}]*{CLOSE}[^{OPEN}]*$")
_RATE_LOOKBACK = re.compile(rf"{CLOSE}(?: ?[^\s,;:()\n{OPEN}]+){{0,2}} ?$")
_PERIOD_LOOKBACK = re.compile(rf"{CLOSE}(?: ?[^\s,;:()\n{OPEN}]+){{0,7}} ?$")
_PERIOD_AFTER = re.compile(r"(?:ngày|tuần|tháng|quý|năm|giờ|ca|buổi|đêm|vụ)(?!\w)")
_PERIOD_BEFORE = re.compile(r"(?<!\w)(?:ngày|tuần|tháng|quý|năm|giờ|ca|buổi|đêm|vụ)\s?$")


def read_slashes(text: str) -> str:
    """ "/" after a quantity is "mỗi" (đồng/con), between two words a pause (quận/phường)."""
    if "/" not in text:
        return text
    text = text.replace("và/hoặc", "và hoặc")
    text = _PER_TIME.sub(r"\1 một lần", text)
    out: list[str] = []
    last = 0
    for match in _WORD_SLASH.finditer(text):
        out.append(text[last:match.start()])
        head = text[max(0, match.start() - 40):match.start()]
        if _RATIO_LOOKBACK.search(head):
            out.append(" trên ")  # "tỷ lệ chết/mắc": a ratio of two counts
        else:
            rate = _RATE_LOOKBACK.search(head)
            # "ngày 31/8 tăng/giảm": after a date the two words are alternatives, not a rate.
            # "Phường 5/Quận 3": a capital after "/" starts a name, never a unit.
            # "2.000 lít nước uống đóng chai/ngày": a period after "/" makes a rate of the quantity a few words back.
            # Between two periods ("theo tháng/quý") "/" gives a choice, not a rate.
            # "5-6 kg đạm urê/sào", "02 con lợn giống/hộ nghèo": what a household or an area gets, a few words
            # after the quantity, is a rate too (one | mỗi, NEW-v10-6).
            if rate is None and (_PERIOD_AFTER.match(text, match.end()) or _SHARE_AFTER.match(text, match.end())) \
                    and not _PERIOD_BEFORE.search(head):
                rate = _PERIOD_LOOKBACK.search(head)
            # "200 triệu kWh/năm": a unit of several words after a number is a quantity too (even one ending "giờ").
            rate = rate or _MEASURE_RATE.search(head)
            per_unit = rate and not _DATE_ATOM.search(head) and not text[match.end()].isupper()
            concentration = _MASS_BEFORE.search(head) and _VOLUME_AFTER.match(text, match.end())
            physical = per_unit and _PHYSICAL_RATE.match(text, match.end()) and not _MONEY_BEFORE.search(head) \
                and not (_VOLUME_BEFORE.search(head) and _HOUR_AFTER.match(text, match.end()))
            if concentration or physical:
                out.append(" trên ")  # "tấn/ha", "km/giờ", "người/km²": a physical rate
            else:
                out.append(" mỗi " if per_unit else ", ")
        last = match.end()
    out.append(text[last:])
    text = _MEASURE_OVER_HOURS.sub(r"\1 trong ", "".join(out))
    text = _SLASH_NUMBER.sub(" trên ", text)
    return _UNIT_AFTER_EACH.sub(lambda m: _SYMBOL_AFTER_EACH[m[1]], text)


# A quantity over an area or an hour is a physical rate, read "trên" (tấn/ha, km/giờ, người/km²); a price
# per unit stays "mỗi" (đồng/m², đồng/giờ).
_PHYSICAL_RATE = re.compile(r"(?:ha|km²|km2|m²|m2|h|giờ)(?![\w²³])")
# A volume per hour ("2.500 m³/giờ", a pump's capacity) is read like a volume per day or second: "mỗi" (NEW-v14-7;
# v14-v16 all give một | mỗi for a volume per time), while a speed ("km/h") stays "trên".
_VOLUME_BEFORE = re.compile(rf"(?<!\w)(?:mét khối|khối|lít){CLOSE}?\s?$")
_HOUR_AFTER = re.compile(r"(?:h|giờ)(?!\w)")
_MONEY_BEFORE = re.compile(rf"(?<!\w)(?:đồng|đ|VNĐ|USD|đô la Mỹ|nghìn|ngàn|triệu|tỷ){CLOSE}?\s?$")
_MEASURES = sorted({v for k, v in UNITS.items() if v not in ("đồng", "đô la Mỹ", "phần trăm")}
                   | {"tấn", "tạ", "yến", "lít", "mét khối", "khối"}, key=len, reverse=True)
_MEASURE_ALTERNATION = "|".join(_MEASURES)
_MEASURE_RATE = re.compile(rf"{CLOSE}(?: (?:nghìn|ngàn|triệu|tỷ))? (?:{_MEASURE_ALTERNATION})\s?$")
# "150 mm/3 giờ", "100 mm/24h": a measure over a number of hours or days is what fell "trong" that time.
_MEASURE_OVER_HOURS = re.compile(
    rf"((?<!\w)(?:{_MEASURE_ALTERNATION}){CLOSE}?)\s?/\s?"
    rf"(?={OPEN}[^{CLOSE}]*(?:{CLOSE} ?(?:giờ|tiếng|ngày)(?!\w)|(?<= )(?:giờ|tiếng|ngày){CLOSE}))")
# "Tỷ lệ chết/mắc", "tỉ lệ nam/nữ": the words on either side of "/" are the two terms of a ratio.
_RATIO_LOOKBACK = re.compile(r"(?i)\bt[ỷỉ] (?:lệ|số)(?: [^\W\d_]+){1,3}$")
# "12 ca tử vong/1.000 ca mắc", "35 ca/100.000 dân", "2325/2385 liều": "/" before a number is "trên".
_SLASH_NUMBER = re.compile(rf"(?<=[^\W\d_]|{CLOSE})\s?/\s?(?={OPEN})")
# Who or what a quantity is shared out to: "urê/sào", "lợn giống/hộ nghèo", "suất quà/người".
_SHARE_AFTER = re.compile(
    r"(?:sào|mẫu|hộ|người|khẩu|nhân khẩu|suất|lao động|học sinh|cháu|gia đình|xã|thôn|con|cơ sở|lớp|trường)(?!\w)")
# A concentration, a mass in a volume ("0,45 mg/l khí thở", "mg/lít"), is read "trên" only (NEW-v10-6).
_MASS_BEFORE = re.compile(rf"(?<!\w)(?:mi li gam|gam|mi cờ rô gam|mg|g){CLOSE}?\s?$")
_VOLUME_AFTER = re.compile(r"(?:l|lít|ml|dl|m³|m3|mét khối)(?![\w²³])")
_PER_TIME = re.compile(rf"\b({_PERIODS})/lần\b")
_WORD_SLASH = re.compile(rf"(?<=[^\W\d_]|[²³%{CLOSE}])\s?/\s?(?=[^\W\d_])")
# The unit after the "/" of a rate, said as its word; a time symbol too ("150 m³/s", "20 m³/h": giây, giờ, phút).
_SYMBOL_AFTER_EACH = {**UNITS, "s": "giây", "h": "giờ", "ph": "phút"}
_UNIT_AFTER_EACH = re.compile(rf"(?:(?<=mỗi )|(?<=trên ))({UNIT_RE}|s|h|ph)(?![\w²³])")
