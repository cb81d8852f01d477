"""Built-in dictionary of the abbreviations ward bulletins use, and how a station reader says them.

Keys are matched case-sensitively as whole words; the longest key wins ("UB MTTQ" before "UB").
Entries were collected from the seed directives (Hà Tu, Cẩm Phả, Thanh Xuân, Hải Phòng, Quảng
Ninh) and from public notices of wards, communes, health, police, tax and power services.
Abbreviations with two meanings (BCH, TU) are in `CONTEXT_ABBREVIATIONS`, read by the sentence.
The larger ward table (offices, party, police and defence, health and schools, tax) is in
`ward_abbreviations.py`, the sector notices' (land, justice, power, schools…) in `sector_abbreviations.py`;
every key is defined in one table only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from audio.speech_text.commune_abbreviations import COMMUNE_ABBREVIATIONS
from audio.speech_text.conventions import LOAN_WORDS
from audio.speech_text.notice_abbreviations import NOTICE_ABBREVIATIONS
from audio.speech_text.sector_abbreviations import SECTOR_ABBREVIATIONS
from audio.speech_text.sport_health_abbreviations import SPORT_HEALTH_ABBREVIATIONS
from audio.speech_text.ward_abbreviations import WARD_ABBREVIATIONS

_ADMINISTRATION: dict[str, str] = {
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "MTTQVN": "mặt trận tổ quốc Việt Nam",
    "UB MTTQ": "ủy ban mặt trận tổ quốc",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "UB": "ủy ban",
    "UBKT": "ủy ban kiểm tra",
    "UBKTTW": "ủy ban kiểm tra trung ương",
    "BTG": "ban tuyên giáo",
    "BTGTW": "ban tuyên giáo trung ương",
    "BCĐ": "ban chỉ đạo",
    "BQL": "ban quản lý",
    "BTC": "ban tổ chức",
    "BDV": "ban dân vận",
    "ĐU": "đảng ủy",
    "ĐUK": "đảng ủy khối",
    "TW": "trung ương",
    "TƯ": "trung ương",
    "CP": "chính phủ",
    "TTg": "thủ tướng",
    "QH": "quốc hội",
    "ĐBQH": "đại biểu quốc hội",
    "CT-XH": "chính trị - xã hội",
    "KT-XH": "kinh tế - xã hội",
    "VH-XH": "văn hóa - xã hội",
    "VH-TT": "văn hóa - thông tin",
    "VH TT": "văn hóa thông tin",
    "VHTT": "văn hóa thông tin",
    "VH": "văn hóa",
    "TTTT": "thông tin và truyền thông",
    "STTTT": "sở thông tin và truyền thông",
    "BTTTT": "bộ thông tin và truyền thông",
    "BYT": "bộ y tế",
    "SYT": "sở y tế",
    "PYT": "phòng y tế",
    "BCA": "bộ công an",
    "BCT": "bộ công thương",
    "BXD": "bộ xây dựng",
    "BTC-BYT": "bộ tài chính - bộ y tế",
    "BTNMT": "bộ tài nguyên và môi trường",
    "BGDĐT": "bộ giáo dục và đào tạo",
    "SGDĐT": "sở giáo dục và đào tạo",
    "GD&ĐT": "giáo dục và đào tạo",
    "GDĐT": "giáo dục và đào tạo",
    "BLĐTBXH": "bộ lao động - thương binh và xã hội",
    "LĐTB&XH": "lao động - thương binh và xã hội",
    "LĐ-TB&XH": "lao động - thương binh và xã hội",
    "BNN&PTNT": "bộ nông nghiệp và phát triển nông thôn",
    "NN&PTNT": "nông nghiệp và phát triển nông thôn",
    "PTNT": "phát triển nông thôn",
    "NN-MT": "nông nghiệp và môi trường",
    "NNMT": "nông nghiệp và môi trường",
    "TN&MT": "tài nguyên và môi trường",
    "TNMT": "tài nguyên và môi trường",
    "KH&ĐT": "kế hoạch và đầu tư",
    "TC-KH": "tài chính - kế hoạch",
    "VP": "văn phòng",
    "HĐNVQS": "hội đồng nghĩa vụ quân sự",
    "NVQS": "nghĩa vụ quân sự",
    "CHQS": "chỉ huy quân sự",
    "BCHQS": "ban chỉ huy quân sự",
    "PCTT": "phòng chống thiên tai",
    "PCTT&TKCN": "phòng chống thiên tai và tìm kiếm cứu nạn",
    "TKCN": "tìm kiếm cứu nạn",
    "PTDS": "phòng thủ dân sự",
    "DQTV": "dân quân tự vệ",
    "CA": "công an",
    "CAP": "công an phường",
    "CAX": "công an xã",
    "CAND": "công an nhân dân",
    "CSKV": "cảnh sát khu vực",
    "CSGT": "cảnh sát giao thông",
    "CSCĐ": "cảnh sát cơ động",
    "QĐND": "quân đội nhân dân",
    "ANTT": "an ninh trật tự",
    "AN-QP": "an ninh - quốc phòng",
    "QP-AN": "quốc phòng - an ninh",
    "ATGT": "an toàn giao thông",
    "TTATGT": "trật tự an toàn giao thông",
    "PCCC": "phòng cháy chữa cháy",
    "PCCC&CNCH": "phòng cháy chữa cháy và cứu nạn cứu hộ",
    "CNCH": "cứu nạn cứu hộ",
    "GPLX": "giấy phép lái xe",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "ĐKKD": "đăng ký kinh doanh",
    "GCN": "giấy chứng nhận",
    "QSDĐ": "quyền sử dụng đất",
    "TTHC": "thủ tục hành chính",
    "DVC": "dịch vụ công",
    "CCHC": "cải cách hành chính",
    "TDP": "tổ dân phố",
    "KDC": "khu dân cư",
    "KP": "khu phố",
    "KCN": "khu công nghiệp",
    "CCN": "cụm công nghiệp",
    "TBA": "trạm biến áp",
    "CB": "cán bộ",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "CBCC": "cán bộ, công chức",
    "CCVC": "công chức, viên chức",
    "CTMT": "công tác mặt trận",  # "Ban CTMT khu dân cư" (CTMTQG, a national programme, is longer and wins)
    "ND": "nông dân",  # "Hội ND xã"
    "BĐ": "báo động",  # "trên BĐ III" (a flood alarm level)
    "NLĐ": "người lao động",
    "NCT": "người cao tuổi",
    "NKT": "người khuyết tật",
    "HS": "học sinh",
    "SN": "sinh năm",
    "TP.HCM": "thành phố Hồ Chí Minh",
    "TP HCM": "thành phố Hồ Chí Minh",
    "TPHCM": "thành phố Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "TP.": "thành phố",
    "TP": "thành phố",
    "Tp.": "thành phố",
    "TX": "thị xã",
    "Q.": "quận",
    "P.": "phường",
    "NTM": "nông thôn mới",
    "GPMB": "giải phóng mặt bằng",
    "XDCB": "xây dựng cơ bản",
}

_ORGANISATIONS: dict[str, str] = {
    "ĐVTN": "đoàn viên thanh niên",
    "TNCS": "thanh niên cộng sản",
    "TNTN": "thanh niên tình nguyện",
    "HLHPN": "hội liên hiệp phụ nữ",
    "LHPN": "liên hiệp phụ nữ",
    "CCB": "cựu chiến binh",
    "HND": "hội nông dân",
    "HTX": "hợp tác xã",
    "CLB": "câu lạc bộ",
    "LĐLĐ": "liên đoàn lao động",
    "CĐCS": "công đoàn cơ sở",
    "NVH": "nhà văn hóa",
    "TNHH": "trách nhiệm hữu hạn",
    "CHXHCN": "cộng hòa xã hội chủ nghĩa",
    "XHCN": "xã hội chủ nghĩa",
    # v13: the provincial radio-television station ("Đài PT-TH tỉnh"), the storm-and-flood board ("Ban PCBL và TKCN"),
    # an electricity company's customer care ("ứng dụng CSKH").
    "PT-TH": "phát thanh truyền hình", "PT&TH": "phát thanh truyền hình", "PTTH": "phát thanh truyền hình",
    "PCBL": "phòng chống bão lụt", "PCLB": "phòng chống lụt bão", "CSKH": "chăm sóc khách hàng",
}

_HEALTH_EDUCATION: dict[str, str] = {
    "TYT": "trạm y tế",
    "TTYT": "trung tâm y tế",
    "BVĐK": "bệnh viện đa khoa",
    "BV": "bệnh viện",
    "KSBT": "kiểm soát bệnh tật",
    "CDC": "trung tâm kiểm soát bệnh tật",
    "WHO": "tổ chức y tế thế giới",
    "NVY": "nghiệp vụ y",
    "SXH": "sốt xuất huyết",
    "TCM": "tay chân miệng",
    "HA": "huyết áp",
    "KHHGĐ": "kế hoạch hóa gia đình",
    "DS-KHHGĐ": "dân số - kế hoạch hóa gia đình",
    "ATTP": "an toàn thực phẩm",
    "ATVSTP": "an toàn vệ sinh thực phẩm",
    "VSATTP": "vệ sinh an toàn thực phẩm",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "BHTN": "bảo hiểm thất nghiệp",
    "MN": "mầm non",
    "TH": "tiểu học",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "GDTX": "giáo dục thường xuyên",
    "GDNN": "giáo dục nghề nghiệp",
    "QLT": "quản lý thi",
}

_ECONOMY: dict[str, str] = {
    "MTV": "một thành viên",  # "Công ty TNHH MTV …" (NEW-v11-4)
    "PĐ": "phân đoạn",  # a power-line section in outage notices ("từ PĐ 31B/82 đến …")
    "GTGT": "giá trị gia tăng",
    "TNCN": "thu nhập cá nhân",
    "TNDN": "thu nhập doanh nghiệp",
    "MST": "mã số thuế",
    "NSNN": "ngân sách nhà nước",
    "GDP": "gi đi pi",
    "GRDP": "tổng sản phẩm trên địa bàn",
    "CPI": "chỉ số giá tiêu dùng",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "PAPI": "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
    "PAR INDEX": "chỉ số cải cách hành chính",
    "SIPAS": "chỉ số hài lòng về sự phục vụ hành chính",
    "FDI": "đầu tư trực tiếp nước ngoài",
    "USD": "đô la Mỹ",
    "VNĐ": "đồng",
    "VND": "đồng",
}

_DOCUMENTS: dict[str, str] = {
    "V/v": "về việc",
    "v/v": "về việc",
    "Đ/c": "đồng chí",
    "đ/c": "đồng chí",
    "Đ/C": "đồng chí",
    "CTr": "chương trình",
    "TM.": "thay mặt",
    "KT.": "ký thay",
    "K/T": "ký thay",
    "TL.": "thừa lệnh",
    "B/c": "báo cáo",
    "T2": "thứ hai",
    "T3": "thứ ba",
    "T4": "thứ tư",
    "T5": "thứ năm",
    "T6": "thứ sáu",
    "T7": "thứ bảy",
    "CN": "chủ nhật",
    "ÂL": "âm lịch",
    "âl": "âm lịch",
    # Two meanings: the value is the reading when the sentence does not decide (see below).
    "BCH": "ban chấp hành",
    "TU": "tỉnh ủy",
    "BTGTU": "ban tuyên giáo tỉnh ủy",
    "BDVTU": "ban dân vận tỉnh ủy",
}

_ENTRIES: dict[str, str] = {
    **WARD_ABBREVIATIONS, **NOTICE_ABBREVIATIONS, **_ADMINISTRATION, **_ORGANISATIONS,
    **_HEALTH_EDUCATION, **_ECONOMY, **_DOCUMENTS, **COMMUNE_ABBREVIATIONS, **SECTOR_ABBREVIATIONS,
    **SPORT_HEALTH_ABBREVIATIONS, **LOAN_WORDS,
}

DEFAULT_ABBREVIATIONS: Mapping[str, str] = MappingProxyType(_ENTRIES)

# Document types, read as words only inside a document number ("15/KH-UBND" -> kế hoạch): outside
# one, "CT" or "TT" mean other things ("CT-XH", "Mẫu CT01").
DOCUMENT_TYPES: Mapping[str, str] = MappingProxyType({
    "NQ": "nghị quyết", "QĐ": "quyết định", "KH": "kế hoạch", "KL": "kết luận", "CT": "chỉ thị",
    "HD": "hướng dẫn", "CV": "công văn", "TB": "thông báo", "BC": "báo cáo", "TT": "thông tư",
    "NĐ": "nghị định", "PA": "phương án", "TTr": "tờ trình", "QC": "quy chế", "QyĐ": "quy định", "QĐi": "quy định",
    "CTr": "chương trình", "ĐA": "đề án", "GM": "giấy mời", "BB": "biên bản", "TTLT": "thông tư liên tịch",
    # "ND-CP": a decree typed without "Đ" (inside a code; elsewhere "ND" is nông dân).
    "ND": "nghị định",
    "UBND": "ủy ban nhân dân", "L": "luật", "PL": "pháp lệnh", "HĐ": "hợp đồng", "CĐ": "công điện",
})

# Abbreviations whose meaning depends on the sentence: (pattern that selects the first reading,
# first reading, otherwise). BCH is a military or disaster command (ban chỉ huy) next to these
# words, otherwise the executive committee of a party, union or association (ban chấp hành).
# TU is a provincial party committee (tỉnh ủy) unless the sentence speaks of a city (thành ủy).
CONTEXT_ABBREVIATIONS: Mapping[str, tuple[re.Pattern[str], str, str]] = MappingProxyType({
    "BCH": (re.compile(r"(?i)^\W*(?:\S+\s+){0,2}?(?:quân sự|phòng chống|pctt|phòng thủ|thiên tai|tkcn"
                       r"|tìm kiếm|cứu nạn|cứu hộ|qs\b|ptds\b|chqs\b|phòng không|biên phòng"
                       # "BCH Phòng cháy chữa cháy cơ sở": a fire-fighting command
                       r"|phòng cháy|chữa cháy|pccc\b)"),
            "ban chỉ huy", "ban chấp hành"),
    "TU": (re.compile(r"(?i)thành (?:ủy|uỷ)|\bthành phố"), "thành ủy", "tỉnh ủy"),
    "BTGTU": (re.compile(r"(?i)thành (?:ủy|uỷ)|\bthành phố"), "ban tuyên giáo thành ủy", "ban tuyên giáo tỉnh ủy"),
    "BDVTU": (re.compile(r"(?i)thành (?:ủy|uỷ)|\bthành phố"), "ban dân vận thành ủy", "ban dân vận tỉnh ủy"),
})


def read_in_context(key: str, before: str, after: str, line: str) -> str:
    """The reading of a two-meaning abbreviation, chosen by the words around it.

    BCH looks at the words that follow it; TU at the nearest "Tỉnh ủy"/"Thành ủy" in the line
    (after it first: "Nghị quyết số 20-NQ/TU ngày … của Tỉnh ủy").
    """
    pattern, first, other = CONTEXT_ABBREVIATIONS[key]
    # The sentence around it decides, not the whole script: a bounded window keeps a long text linear.
    before, after = before[-_WINDOW:], after[:_WINDOW]
    line = f"{before} {key} {after}"
    if key == "BCH":
        if pattern.search(after):
            return first
        if _PARTY_AFTER.match(after):
            return other
        # "688/HD – BCH … của ban CHQS huyện": a military or disaster command anywhere in the sentence.
        return first if _COMMAND_SENTENCE.search(_sentence(before, after)) else other
    committee = _COMMITTEE.search(after) or _last(_COMMITTEE, before)
    if committee:
        return first if committee[1].lower() == "thành" else other
    return first if pattern.search(line) else other


_WINDOW = 300
# Bodies that have an executive committee (ban chấp hành), named just after "BCH".
_PARTY_AFTER = re.compile(
    r"(?i)^\W*(?:\S+\s+){0,1}?(?:đảng|đoàn|hội|công đoàn|chi bộ|chi đoàn|liên đoàn|cựu chiến binh|phụ nữ"
    r"|nông dân|mặt trận|chi hội)"
)
_COMMAND_SENTENCE = re.compile(
    r"(?i)quân sự|\bCHQS|\bBCHQS|dân quân|nhập ngũ|\bNVQS\b|quân đội|biên phòng|phòng thủ|\bPCTT\b|\bTKCN\b"
    r"|phòng chống thiên tai|tìm kiếm cứu nạn"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _sentence(before: str, after: str) -> str:
    """The sentence around a word: from the last sentence end before it to the first one after it."""
    ends = list(_SENTENCE_END.finditer(before))
    head = before[ends[-1].end():] if ends else before
    end = _SENTENCE_END.search(after)
    return f"{head} {after[:end.start()] if end else after}"
_COMMITTEE = re.compile(r"(?i)\b(tỉnh|thành) (?:ủy|uỷ)")


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


class StationTable(dict[str, str]):
    """The merged dictionary, remembering which keys the station set itself: a station entry equal to the built-in
    reading ("BCH" -> "ban chấp hành") still fixes that reading, where the built-in one is chosen by the sentence."""

    own: frozenset[str] = frozenset()


def merged_abbreviations(extra: Mapping[str, str] | None) -> Mapping[str, str]:
    """The built-in dictionary with a station's entries over it; an empty value disables one."""
    if not extra:
        return DEFAULT_ABBREVIATIONS
    merged = StationTable((k, v) for k, v in {**DEFAULT_ABBREVIATIONS, **extra}.items() if k and v)
    merged.own = frozenset(key for key, value in extra.items() if key and value)
    return merged


def is_station_entry(table: Mapping[str, str], key: str) -> bool:
    """Whether the station set `key` itself (its reading then wins over every built-in rule)."""
    own = key in table.own if isinstance(table, StationTable) else False
    return own or (key in table and table[key] != DEFAULT_ABBREVIATIONS.get(key))
