"""Built-in dictionary of administrative abbreviations and how a station reader says them."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# "TU" and "BTGTU" are left out on purpose: they stand for a provincial (tỉnh ủy) or a city
# (thành ủy) committee depending on the issuer, so they are spelled rather than guessed.
# Keys are matched case-sensitively as whole words; the longest key wins ("UB MTTQ" before "UB").
# Entries were collected from the seed directives (Hà Tu, Cẩm Phả, Thanh Xuân, Hải Phòng,
# Quảng Ninh).
_ENTRIES: dict[str, str] = {
    # People's committees, councils, fronts
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "MTTQVN": "mặt trận tổ quốc Việt Nam",
    "UB MTTQ": "ủy ban mặt trận tổ quốc",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "UB": "ủy ban",
    "UBKTTW": "ủy ban kiểm tra trung ương",
    "BTG": "ban tuyên giáo",
    "BTGTW": "ban tuyên giáo trung ương",
    "BCH": "ban chấp hành",
    "TW": "trung ương",
    "TƯ": "trung ương",
    "CT-XH": "chính trị - xã hội",
    "KT-XH": "kinh tế - xã hội",
    "VH-XH": "văn hóa - xã hội",
    "VH-TT": "văn hóa - thông tin",
    "VH TT": "văn hóa thông tin",
    "VHTT": "văn hóa thông tin",
    "VH": "văn hóa",
    "TTTT": "thông tin và truyền thông",
    "STTTT": "sở thông tin và truyền thông",
    "TTg": "thủ tướng",
    "ANTT": "an ninh trật tự",
    "AN-QP": "an ninh - quốc phòng",
    "QP-AN": "quốc phòng - an ninh",
    "ATGT": "an toàn giao thông",
    "CSGT": "cảnh sát giao thông",
    "PCCC": "phòng cháy chữa cháy",
    "PCCC&CNCH": "phòng cháy chữa cháy và cứu nạn cứu hộ",
    "CNCH": "cứu nạn cứu hộ",
    "ATVSTP": "an toàn vệ sinh thực phẩm",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "TDP": "tổ dân phố",
    "KP": "khu phố",
    "CN": "chủ nhật",
    "CB": "cán bộ",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "CBCC": "cán bộ, công chức",
    "ĐVTN": "đoàn viên thanh niên",
    "TNCS": "thanh niên cộng sản",
    "HLHPN": "hội liên hiệp phụ nữ",
    "CCB": "cựu chiến binh",
    "QĐND": "quân đội nhân dân",
    "CAND": "công an nhân dân",
    "CHXHCN": "cộng hòa xã hội chủ nghĩa",
    "XHCN": "xã hội chủ nghĩa",
    "ĐBQH": "đại biểu quốc hội",
    "QH": "quốc hội",
    "GDP": "gi đi pi",
    "GRDP": "tổng sản phẩm trên địa bàn",
    "CPI": "chỉ số giá tiêu dùng",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "PAPI": "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
    "PAR INDEX": "chỉ số cải cách hành chính",
    "SIPAS": "chỉ số hài lòng về sự phục vụ hành chính",
    "FDI": "đầu tư trực tiếp nước ngoài",
    "OCOP": "ô cốp",
    "COVID": "cô-vít",
    "COP": "cốp",
    "ASEAN": "a-xê-an",
    "UNESCO": "u-nét-xcô",
    "USD": "đô la Mỹ",
    "VNĐ": "đồng",
    "VND": "đồng",
    "TP.HCM": "thành phố Hồ Chí Minh",
    "TP HCM": "thành phố Hồ Chí Minh",
    "TPHCM": "thành phố Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "TP.": "thành phố",
    "TP": "thành phố",
    "Q.": "quận",
    "P.": "phường",
    "V/v": "về việc",
    "v/v": "về việc",
    "CTr": "chương trình",
    "TM.": "thay mặt",
    "KT.": "ký thay",
    "K/T": "ký thay",
    "B/c": "báo cáo",
    "VP": "văn phòng",
    "TNHH": "trách nhiệm hữu hạn",
    "HTX": "hợp tác xã",
    "NTM": "nông thôn mới",
    "GPMB": "giải phóng mặt bằng",
    "LĐTB&XH": "lao động - thương binh và xã hội",
    "LĐ-TB&XH": "lao động - thương binh và xã hội",
}

DEFAULT_ABBREVIATIONS: Mapping[str, str] = MappingProxyType(_ENTRIES)

# Vietnamese letter names used to spell codes that are not in the dictionary (e.g. "NQ" in a
# document number is read "nờ quy"), the way announcers spell them.
LETTER_NAMES: Mapping[str, str] = MappingProxyType({
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "F": "ép", "G": "giê",
    "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "lờ", "M": "mờ", "N": "nờ", "O": "o",
    "P": "pê", "Q": "quy", "R": "rờ", "S": "ét", "T": "tê", "U": "u", "V": "vê", "W": "vê kép",
    "X": "ích", "Y": "i dài", "Z": "dét",
})


def spell_letters(code: str) -> str:
    """Spell an uppercase code with Vietnamese letter names: "NQ" -> "nờ quy"."""
    return " ".join(LETTER_NAMES.get(ch.upper(), ch) for ch in code if ch.isalpha())


def merged_abbreviations(extra: Mapping[str, str] | None) -> Mapping[str, str]:
    """The built-in dictionary with a station's entries over it; an empty value disables one."""
    if not extra:
        return DEFAULT_ABBREVIATIONS
    merged = {**DEFAULT_ABBREVIATIONS, **extra}
    return {key: value for key, value in merged.items() if key and value}
