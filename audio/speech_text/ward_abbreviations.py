"""Ward-bulletin abbreviations beyond the first tables, in one place: what a ward, commune or town
loudspeaker bulletin writes and how its announcer says it.

Collected from public notices of ward and commune People's Committees, party committees, police,
military and civil-defence commands, health stations, schools, tax and social-insurance offices.
Each key is new here (a test checks that no other table defines it), so this file is the one place to
read or change these readings. Keys match case-sensitively as whole words, the longest key first.

Deliberately left out, because one spelling has two common meanings and no sentence rule decides it
yet: "ĐV" (đảng viên / đơn vị), "KH" (kế hoạch / khách hàng), "TB" (thông báo / trung bình), "TBC"
(trung bình cộng / bệnh lao), "HT" (hiệu trưởng / hệ thống), "BNN" (bộ nông nghiệp inside a document
number / bệnh nghề nghiệp), "ĐH" (đại học / đại hội / đường huyện); and "ĐCS" (đảng cộng sản), which would
split police codes wrongly ("ĐCSTT" is an đội cảnh sát trật tự, not ĐCS + TT). Unknown capital codes are spelled
(`acronyms.py`). A station overrides any entry (or switches it off with an empty value) through its own
abbreviations (`merged_abbreviations`), and its entry wins inside document numbers too (`codes.py`).
"""

from __future__ import annotations

# Government offices, their services and the papers they issue.
ADMINISTRATION: dict[str, str] = {
    "TTCS": "thông tin cơ sở",
    "QLĐT": "quản lý đô thị",
    "KT-HT": "kinh tế - hạ tầng",
    "KTHT": "kinh tế hạ tầng",
    "TP-HT": "tư pháp - hộ tịch",
    "TPHT": "tư pháp hộ tịch",
    "VP-TK": "văn phòng - thống kê",
    "ĐC-XD": "địa chính - xây dựng",
    "TĐKT": "thi đua khen thưởng",
    "HĐTĐKT": "hội đồng thi đua khen thưởng",
    "CSDL": "cơ sở dữ liệu",
    "CSDLQG": "cơ sở dữ liệu quốc gia",
    "CSDLQGVDC": "cơ sở dữ liệu quốc gia về dân cư",
    "ĐDĐT": "định danh điện tử",
    "TKĐDĐT": "tài khoản định danh điện tử",
    "ĐVT": "đơn vị tính",
    "GPXD": "giấy phép xây dựng",
    "GCNQSDĐ": "giấy chứng nhận quyền sử dụng đất",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "QPPL": "quy phạm pháp luật",
    "PAKN": "phản ánh, kiến nghị",
    "KNTC": "khiếu nại, tố cáo",
    "DVCTT": "dịch vụ công trực tuyến",
    "BCCI": "bưu chính công ích",
    "UBBC": "ủy ban bầu cử",
    "UBMTTQVN": "ủy ban mặt trận tổ quốc Việt Nam",
    "BĐH": "ban điều hành",
    "Ban TTND": "Ban thanh tra nhân dân",  # "TTND" alone is a thầy thuốc nhân dân (TITLES)
    "GSĐTCĐ": "giám sát đầu tư của cộng đồng",
    "DTTS": "dân tộc thiểu số",
    "ĐBDTTS": "đồng bào dân tộc thiểu số",
    "ĐBSCL": "đồng bằng sông Cửu Long",
    "HTKT": "hạ tầng kỹ thuật",
    "KTNN": "kiểm toán nhà nước",
    # Document types written outside a document number ("theo QĐ số 12", "NQ 57").
    "QĐ": "quyết định",
    "NĐ": "nghị định",
    "NQ": "nghị quyết",
    "TTLT": "thông tư liên tịch",
}

# The party and the mass organisations of the Fatherland Front.
PARTY_ORGANISATIONS: dict[str, str] = {
    "ĐCSVN": "đảng cộng sản Việt Nam",
    "BTVĐU": "ban thường vụ đảng ủy",
    "UBKTĐU": "ủy ban kiểm tra đảng ủy",
    "BTCB": "bí thư chi bộ",
    "BTT": "ban thường trực",
    "HNTW": "hội nghị trung ương",
    "NQTW": "nghị quyết trung ương",
    "TNTP": "thiếu niên tiền phong",
    "HĐĐ": "hội đồng đội",
    "HKH": "hội khuyến học",
    "TTHTCĐ": "trung tâm học tập cộng đồng",
    "BĐG": "bình đẳng giới",
    "BLGĐ": "bạo lực gia đình",
    "BVCSTE": "bảo vệ, chăm sóc trẻ em",
    "CTV": "cộng tác viên",
}

# Police, military and civil-defence commands, disasters.
POLICE_DEFENCE: dict[str, str] = {
    "CAH": "công an huyện",
    "CAQ": "công an quận",
    "CAT": "công an tỉnh",
    "CATP": "công an thành phố",
    "CSTT": "cảnh sát trật tự",
    "PCTP": "phòng chống tội phạm",
    "TNXH": "tệ nạn xã hội",
    "PCMT": "phòng chống ma túy",
    "VPHC": "vi phạm hành chính",
    "XPVPHC": "xử phạt vi phạm hành chính",
    "BVANTQ": "bảo vệ an ninh tổ quốc",
    "LLBVANTTCS": "lực lượng bảo vệ an ninh, trật tự ở cơ sở",
    "DQTT": "dân quân thường trực",
    "DQCĐ": "dân quân cơ động",
    "KVPT": "khu vực phòng thủ",
    "ATNĐ": "áp thấp nhiệt đới",
    "BĐKH": "biến đổi khí hậu",
    "KTTV": "khí tượng thủy văn",
    "PTGT": "phương tiện giao thông",
    "GTNT": "giao thông nông thôn",
    "TNLĐ": "tai nạn lao động",
}

# Health stations, schools and the services a ward announces for them.
HEALTH_SCHOOLS: dict[str, str] = {
    "NVYT": "nhân viên y tế",
    "CBYT": "cán bộ y tế",
    "YTTB": "y tế thôn bản",
    "KSK": "khám sức khỏe",
    "SKSS": "sức khỏe sinh sản",
    "PCD": "phòng chống dịch",
    "NĐTP": "ngộ độc thực phẩm",
    "HIV": "hát i vê",
    "AIDS": "ết",
    "HIV/AIDS": "hát i vê, ết",
    "MG": "mẫu giáo",
    "PGD": "phòng giáo dục",
    "BGH": "ban giám hiệu",
    "HSG": "học sinh giỏi",
    "BĐDCMHS": "ban đại diện cha mẹ học sinh",
    "TTGDTX": "trung tâm giáo dục thường xuyên",
    "TDTT": "thể dục thể thao",
    "VHVN": "văn hóa văn nghệ",
    "VHNT": "văn hóa nghệ thuật",
}

# Tax, trade, farming and the environment.
ECONOMY: dict[str, str] = {
    "HĐĐT": "hóa đơn điện tử",
    "NNT": "người nộp thuế",
    "CQT": "cơ quan thuế",
    "CCT": "chi cục thuế",
    "TTĐB": "tiêu thụ đặc biệt",
    "SDĐPNN": "sử dụng đất phi nông nghiệp",
    "NTTS": "nuôi trồng thủy sản",
    "HTXNN": "hợp tác xã nông nghiệp",
    "XTTM": "xúc tiến thương mại",
    "TTTM": "trung tâm thương mại",
    "CTRSH": "chất thải rắn sinh hoạt",
    "RTSH": "rác thải sinh hoạt",
}

WARD_ABBREVIATIONS: dict[str, str] = {
    **ADMINISTRATION, **PARTY_ORGANISATIONS, **POLICE_DEFENCE, **HEALTH_SCHOOLS, **ECONOMY,
}
