"""Digit strings, licence plates, model codes and document numbers: read as announcers read them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from audio.speech_text.abbreviations import DOCUMENT_TYPES, is_station_entry
from audio.speech_text.commune_abbreviations import COMMUNE_CODE_PARTS
from audio.speech_text.conventions import LETTER_NAMES
from audio.speech_text.numbers import read_cardinal, read_digits

# Words that announce a telephone or service number: a short number after them is dialled,
# so it is read digit by digit ("tổng đài 1022" -> một không hai hai).
PHONE_CUES = re.compile(
    r"(?i)(?:gọi|tổng đài|đường dây nóng|hotline|hót lai|điện thoại|số máy|fax|cấp cứu|nhắn tin|tài khoản)\W*$"
)
EMERGENCY = frozenset({"111", "112", "113", "114", "115"})
# Short service numbers (111…119, 10xx: 1022, 1080) are dialled when a calling word stands within the last
# few words, not only just before them ("gọi điện vào đài 1080", "số điện thoại khẩn cấp 113").
SERVICE_NUMBER = re.compile(r"11\d|10\d\d")
SERVICE_CUE_NEAR = re.compile(
    r"(?i)(?:gọi|tổng đài|đài|đường dây nóng|hotline|hót lai|điện thoại|khẩn cấp|cấp cứu|số máy|quay số|bấm số)"
    r"(?:\s+[^\W\d]+){0,3}\W*$"
    # A line's name may be longer: "Tổng đài quốc gia bảo vệ trẻ em 111", "đường dây nóng phòng chống dịch 1022".
    r"|(?i:tổng đài|đường dây nóng|đường dây|hotline|hót lai)(?:\s+[^\W\d]+){0,9}\W*$"
)
# "Công an 113, Cứu hỏa 114": the service named just before its number.
EMERGENCY_CUES = re.compile(
    r"(?i)(?:số|gọi|cấp cứu|báo|quay|công an|cảnh sát|cứu hỏa|cứu hoả|chữa cháy|cứu nạn|cứu hộ|cứu thương)\W*$"
)


def spell_letters(code: str) -> str:
    """Spell a code with Vietnamese letter names: "NQ" -> "en quy"."""
    return " ".join(LETTER_NAMES.get(ch.upper(), ch) for ch in code if ch.isalpha())


def read_groups(text: str) -> str:
    """Digits read one by one in the groups they are written in, a pause (comma) between groups."""
    groups = re.findall(r"\d+", text)
    return ", ".join(read_digits(group) for group in groups)


def read_plate(province: str, series: str, series_digit: str, serial: str) -> str:
    """A licence plate: "14A-123.45" -> "mười bốn a, một hai ba, bốn năm"."""
    head = f"{read_cardinal(int(province))} {spell_letters(series)}"
    if series_digit:
        head += f" {read_digits(series_digit)}"
    return f"{head}, {read_groups(serial)}"


# Letters of a code named after a place, said as in the name: the rice varieties of the Ô Môn institute (OM5451
# "ô em năm bốn năm một", v14 disputed).
_NAMED_CODE_LETTERS = {"OM": "ô em"}


def read_code(code: str, abbreviations: Mapping[str, str]) -> str:
    """A code mixing letters and digits: "H5N1" -> hát năm en một, "5G" -> năm gờ, "QH15"."""
    if code in abbreviations:
        return abbreviations[code]
    prefix, _, rest = code.rpartition("/")
    spoken_prefix = spell_letters(prefix) + " " if prefix else ""
    leading = re.fullmatch(r"(\d+)([A-Za-z]+)", rest)
    if leading:
        return spoken_prefix + f"{read_cardinal(int(leading[1]))} {spell_letters(leading[2])}"
    age_group = re.fullmatch(r"U(\d{2})", rest)  # "U23 Việt Nam": an age group, read as a number
    if age_group:
        return spoken_prefix + f"u {read_cardinal(int(age_group[1]))}"
    card = re.fullmatch(r"([A-Za-zĐđ]{1,4})(\d{6,})", rest)
    if card:  # "HN4010123456789": a card or record number, letters by name and digits one by one (NEW-v10-4)
        return spoken_prefix + f"{spell_letters(card[1])} {read_digits(card[2])}"
    known = re.fullmatch(r"([A-Za-zĐđ]+)(\d+)", rest)
    if known and known[1] in abbreviations:
        term = " khóa" if known[1] in TERM_NUMBERED and not is_station_entry(abbreviations, known[1]) else ""
        return spoken_prefix + f"{abbreviations[known[1]]}{term} {read_cardinal(int(known[2]))}"
    parts = re.findall(r"[A-Za-zĐđ]+|\d+", rest)
    words = [read_digits(p) if p.isdigit() else _NAMED_CODE_LETTERS.get(p) or spell_letters(p) for p in parts]
    return spoken_prefix + " ".join(words)


def _read_doc_part(part: str, abbreviations: Mapping[str, str], context_reader: Mapping[str, str],
                   department: str | None = None) -> str | None:
    """A part's reading, or None when its letters are unknown (the caller then leaves the code out)."""
    letters, digits = re.fullmatch(r"(.*?)(\d*)", part).groups()  # type: ignore[union-attr]
    spoken = (_station_entry(letters, abbreviations) or department or context_reader.get(letters)
              or DOCUMENT_TYPES.get(letters) or _MINISTRIES.get(letters)
              or abbreviations.get(letters) or _ISSUERS.get(letters)
              or _split_known(letters, abbreviations, context_reader))
    if spoken is None:
        if len(letters) > 1:
            return None
        spoken = spell_letters(letters)
    if digits and letters in TERM_NUMBERED and not is_station_entry(abbreviations, letters):
        spoken += " khóa"  # "QH14": the National Assembly of the 14th term
    return f"{spoken} {read_cardinal(int(digits))}" if digits else spoken


# Bodies numbered by their term: "68/2020/QH14" is the law of the Quốc hội khóa XIV, read "quốc hội khóa mười bốn".
TERM_NUMBERED = frozenset({"QH", "UBTVQH"})


def _station_entry(letters: str, abbreviations: Mapping[str, str]) -> str | None:
    """A station's own reading of a code part wins over every built-in reading, inside a code too."""
    return abbreviations[letters] if is_station_entry(abbreviations, letters) else None


def _split_known(letters: str, abbreviations: Mapping[str, str],
                 context_reader: Mapping[str, str]) -> str | None:
    """Read an issuing body as its known parts: "SGDĐT" -> sở + giáo dục và đào tạo, "BTGDVTU" ->
    ban tuyên giáo + dân vận + thành ủy (fewest parts wins), rather than spell seven letters."""

    def words(piece: str) -> str | None:
        return (context_reader.get(piece) or abbreviations.get(piece) or _ISSUERS.get(piece)
                or _OFFICE_PREFIXES.get(piece))

    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(end):
            head, spoken = best[start], words(letters[start:end])
            if head is not None and spoken and (best[end] is None or len(head) + 1 < len(best[end] or [])):
                best[end] = [*head, spoken]
    parts = best[-1]
    return " ".join(parts) if parts and len(parts) > 1 else None


# Parts of an issuing body's code that are read only inside a document number.
_OFFICE_PREFIXES = {
    "S": "sở", "B": "bộ", "P": "phòng", "TT": "trung tâm", "BQL": "ban quản lý", "DV": "dân vận",
    "TG": "tuyên giáo", "VP": "văn phòng", "UB": "ủy ban",
}


# Inside a document code these letters name a ministry, whatever they mean elsewhere ("TT-BTC": bộ tài
# chính, while "BTC" in a sentence is a ban tổ chức).
_MINISTRIES = {"BTC": "bộ tài chính", "BNV": "bộ nội vụ", "BDTTG": "bộ dân tộc và tôn giáo"}

# Issuing bodies and their departments that appear only inside document numbers ("4757/BNN-TY",
# "4913/VP-KT"): outside one these letters mean other things or nothing.
_ISSUERS = {
    "BNN": "bộ nông nghiệp và phát triển nông thôn", "BNNMT": "bộ nông nghiệp và môi trường",
    "TY": "thú y", "KT": "kinh tế", "TCMT": "tổng cục môi trường", "TCTK": "tổng cục thống kê",
    "BHXHVN": "bảo hiểm xã hội Việt Nam", "TLĐ": "tổng liên đoàn", "BTCTW": "ban tổ chức trung ương",
    "BKHCN": "bộ khoa học và công nghệ", "TTCP": "thanh tra chính phủ", "VPCP": "văn phòng chính phủ",
    "KGVX": "khoa giáo văn xã", "BTGDVTW": "ban tuyên giáo và dân vận trung ương",
    "UBTVQH": "ủy ban thường vụ quốc hội", "HĐBCQG": "hội đồng bầu cử quốc gia",
    # Party committees issuing "86-KH/HU": huyện ủy, quận ủy, đảng ủy (TU, tỉnh or thành ủy, is read by the sentence).
    "HU": "huyện ủy", "QU": "quận ủy", "ĐU": "đảng ủy",
    # Power and water companies writing to wards about cuts ("140/TB-ĐQLĐL": đội quản lý điện lực).
    "ĐQLĐL": "đội quản lý điện lực", "QLĐL": "quản lý điện lực", "ĐL": "điện lực", "CTĐL": "công ty điện lực",
    **COMMUNE_CODE_PARTS,
}


# The department that drafted a document, after its issuer ("7476/VPCP-NN", "125/UBND-TH", "5032/BYT-TCCB"): the
# units of the Government Office (Nghị định 36/2025/NĐ-CP: Vụ Tổng hợp, Pháp luật, Kinh tế tổng hợp, Công nghiệp, Nông
# nghiệp, Khoa giáo - Văn xã, Đổi mới doanh nghiệp, Quan hệ quốc tế, Nội chính, Tổ chức công vụ, Thư ký - Biên tập, Hành
# chính, Tổ chức cán bộ), of a provincial or district office (văn xã, nội chính, tiếp công dân, tài chính - kế hoạch)
# and of
# the ministries that write to wards (Bộ Y tế: dự phòng, khám chữa bệnh, kế hoạch - tài chính; Bộ NN: khuyến nông). Read
# only after an issuer: elsewhere "TH" is tiểu học and "CN" chủ nhật. A code with a part not listed is left out.
_DEPARTMENTS = {
    "TH": "tổng hợp", "PL": "pháp luật", "KTTH": "kinh tế tổng hợp", "CN": "công nghiệp", "NN": "nông nghiệp",
    "ĐMDN": "đổi mới doanh nghiệp", "QHQT": "quan hệ quốc tế", "NC": "nội chính", "TCCV": "tổ chức công vụ",
    "TKBT": "thư ký biên tập", "HC": "hành chính", "TCCB": "tổ chức cán bộ", "QHĐP": "quan hệ địa phương",
    "KSTT": "kiểm soát thủ tục", "KTN": "kinh tế ngành", "VX": "văn xã", "TCD": "tiếp công dân",
    "TCKH": "tài chính kế hoạch", "KHTC": "kế hoạch tài chính", "DP": "dự phòng", "KN": "khuyến nông",
    # Offices of a ward or district and of its health centre ("1234/UBND-NV", "99/TTYT-KHNV").
    "NV": "nội vụ", "KHNV": "kế hoạch nghiệp vụ", "TCHC": "tổ chức hành chính", "KHTH": "kế hoạch tổng hợp",
    "BCVT": "bưu chính viễn thông", "VHXH": "văn hóa xã hội",
    "TCKT": "tài chính kế toán", "YT": "y tế", "GD": "giáo dục", "QLCL": "quản lý chất lượng",
}


def _department(index: int, part: str, code: str) -> str | None:
    if index == 0 or (part == "TH" and "GD" in code):  # "PGDĐT-TH": the primary-school section
        return None
    return _DEPARTMENTS.get(part)


def read_document_number(number: str, year: str | None, code: str, abbreviations: Mapping[str, str],
                         context_reader: Mapping[str, str], suffix: str | None = None) -> str:
    """ "43-NQ/TW" -> "bốn mươi ba nghị quyết trung ương": separators silent, year as "năm"; a letter
    after the number ("168a/QĐ-UBND") by its name."""
    words = [read_cardinal(int(number))]
    if suffix:
        words.append(spell_letters(suffix))
    if year:
        words += ["năm", read_cardinal(int(year))]
    parts = [p for p in re.split(r" ?[-–/.] ?", code) if p]
    readings = [_read_doc_part(p, abbreviations, context_reader, _department(i, p, code)) for i, p in enumerate(parts)]
    # A code with a part nobody can say as words (an unlisted issuer) is left out whole, the convention's reading
    # A ("số một trăm bốn mươi"): letters are never spelled inside a document code, and half a code misleads.
    if None in readings:
        return " ".join(w for w in words if w)
    return " ".join(w for w in [*words, *readings] if w)


# "mẫu CT-01", "Mẫu số TK1-TS", "tờ khai CT01": a form's code after its label, letters by name and digits one by one
# (v9 NEW-U3: CT07 xê tê không bảy), with or without a dash.
_FORM_CODE = re.compile(
    r"(?P<label>(?<!\w)(?i:mẫu(?: số)?|biểu mẫu|tờ khai|phiếu))\s+"
    r"(?P<code>[A-ZĐ]{1,4}(?:[-.]?\d{1,3}[a-z]?)(?:-[A-ZĐ]{1,4}\d{0,3})?)(?![\w-])"
)


def read_form_codes(text: str) -> str:
    if "ẫu" not in text and "khai" not in text and "hiếu" not in text:
        return text

    def spoken(match: re.Match[str]) -> str:
        parts = re.findall(r"[A-Za-zĐđ]+|\d+", match["code"])
        return f"{match['label']} " + " ".join(read_digits(p) if p.isdigit() else spell_letters(p) for p in parts)

    return _FORM_CODE.sub(spoken, text)


# "Thực hiện CV số 567/UBND-KT", "TB số 89/TB-UBND": a document type abbreviated before "số" is said as its
# type word (công văn, thông báo; v10 NEW-v10-2), never spelled.
_TYPE_BEFORE_NUMBER = re.compile(
    r"(?<![\w/.-])(?P<type>CV|TB|QĐ|KH|NQ|CT|HD|BC|TTr|CĐ|NĐ|KL|PA|GM|BB|CTr|ĐA)(?=\s+số\b)"
)


def read_document_types(text: str, abbreviations: Mapping[str, str]) -> str:
    if " số" not in text:
        return text

    def spoken(match: re.Match[str]) -> str:
        key = match["type"]
        return abbreviations[key] if is_station_entry(abbreviations, key) else DOCUMENT_TYPES[key]

    return _TYPE_BEFORE_NUMBER.sub(spoken, text)

