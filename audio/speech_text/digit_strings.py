"""Numbers said digit by digit (dialled numbers, accounts, codes, long serials) or as quantities (`_read_number`)."""

from __future__ import annotations

import re

from audio.speech_text.codes import (
    EMERGENCY,
    EMERGENCY_CUES,
    PHONE_CUES,
    SERVICE_CUE_NEAR,
    SERVICE_NUMBER,
    spell_letters,
)
from audio.speech_text.day_numbers import _reads_as_day
from audio.speech_text.match_context import _after, _before, _head, _raw_head
from audio.speech_text.numbers import read_decimal, read_digits, read_integer_text
from audio.speech_text.passes import CLOSE, OPEN, UNITS
from audio.speech_text.slash_dates import _DAY_PREFIXES, _is_lunar, _read_day, _read_month

# A run of more than 15 digits (a serial, an account number) is no quantity anyone says aloud, and
# past 4,300 digits Python will not even parse it: it is read digit by digit.
_LONG_DIGITS = re.compile(r"\d(?:[.,]?\d){15,}")
# "tài khoản số 3761.0.1062972.91049": an account number written in irregular dotted groups is read digit by digit in
# its groups ("…, không, …"), not as thousands. Regular thousands ("1.234.567") and dates stay numbers.
_DOTTED_GROUPS = re.compile(r"(?<![\w.,])\d+(?:\.\d+){2,}(?![\w]|[.,]\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,2}\.\d{1,2}\.\d{4}")
# "Số tài khoản nhận ủng hộ: 7601 …": up to three words may stand between the label and its colon (v13).
_ACCOUNT_CUE = re.compile(r"(?i)(?:tài khoản|\bSTK|\bTK)(?:\s+số)?(?:(?:\s+[a-zà-ỹđ]+){1,3}\s*:)?\s*:?\s*$")
_ACCOUNT_GROUPS = re.compile(
    r"(?i)(?:tài khoản|\bSTK|\bTK)(?:\s+số)?(?:(?:\s+[a-zà-ỹđ]+){1,3}\s*:)?\s*:?\s*(?:\d+[ -]){1,5}$"
)


# "Mã hồ sơ: H37.22-240315-0012", "mã số thuế 0101234567-001": a code after its label, letters by their names and
# digits one by one in the written groups (separators are pauses, not words).
_LABELLED_CODE = re.compile(
    r"(?i:\b(?:mã(?: hồ sơ| số thuế| số| tra cứu| bưu gửi| vận đơn| định danh)?|số hồ sơ)\s*:?\s*)"
    r"(?=[A-Z0-9]*\d)([A-Z0-9]+(?:[.-][A-Z0-9]+)+)(?=$|[\s,;)]|\.(?!\w))"
)

# "H41.25-260315-0027": letters glued to digits, then two or more digit groups joined by dots or dashes, is a file
# code wherever it stands (its label may be words away: "mã hồ sơ của ông được cấp là …"); read like a labelled one.
_FILE_CODE = re.compile(r"(?<![\w.-])(?=[A-Z0-9.-]*\d{4})([A-Z]{1,3}\d{1,4}(?:[.-]\d+){2,})(?=$|[\s,;)]|\.(?!\w))")


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


def _read_long_digits(match: re.Match[str]) -> str:
    after = match.string[match.end():match.end() + 1]
    return f" {read_digits(match[0])}" + (" " if after.isalnum() else "")


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
    if digits[0] != "0" and len(digits) <= 4 and _NUMBERED_THING.search(head):
        return False  # "đến cột số 112": a numbered pole, not a service number
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


# "Tổng đài có 115 nhân viên": a number of people or calls after the line's name is a count, not a number to dial.
_COUNTED_AFTER = re.compile(r"\s*(?:người|nhân viên|cán bộ|điện thoại viên|cuộc|lượt|hộ|ca|trường hợp|tin nhắn"
                            r"|công dân|thanh niên|tân binh|học sinh|hội viên|đoàn viên|đảng viên|gia đình|đối tượng"
                            r"|chiến sĩ|phương tiện|xe|suất|phần quà)\b")


# "từ cột số 47 đến cột số 112", "phòng số 113": a numbered thing (pole, room, house, plot) is a count, never dialled.
_NUMBERED_THING = re.compile(
    r"(?i)\b(?:cột|nhà|phòng|tổ|lô|thửa|tờ bản đồ|ki ốt|kiốt|quầy|cửa|bàn|cổng|tầng|km|mục|điều"
    r"|khoản|trang|xe|tàu|tuyến|ghế|khu)\s+số\s*$"
)


# "gọi 113, 114, 115 khi …": the next numbers of a list that began after a calling word.
_CALLED_LIST = re.compile(r"(?i)(?:số|gọi|cấp cứu|báo|quay)\W*(?:11[1-5]\s*(?:,|hoặc|và)\s*)+$")
