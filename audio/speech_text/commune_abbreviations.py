"""Abbreviations and document-code parts of commune notices: farmers, agriculture, child care, food safety, disaster
and fire prevention, urban order, and the departments merged in 2025 (collected for set v12).

Every key is new (defined in no other table); `abbreviations.py` merges `COMMUNE_ABBREVIATIONS`, `codes.py` reads
`COMMUNE_CODE_PARTS` only inside a document number, where these letters name an issuing body or its office.
"""

from __future__ import annotations

COMMUNE_ABBREVIATIONS: dict[str, str] = {
    "NDVN": "nông dân Việt Nam",  # "Hội NDVN", "Trung ương Hội NDVN" (NEW-v12-1)
    "HNDVN": "hội nông dân Việt Nam",
    "TTDVNN": "trung tâm dịch vụ nông nghiệp",
    "CSTE": "chăm sóc trẻ em",
    "BVTE": "bảo vệ trẻ em",
    "PCĐN": "phòng chống đuối nước",
    "ATTPNLS": "an toàn thực phẩm nông lâm sản",
    "PNCT": "phụ nữ có thai",
    "PCCN": "phòng chống cháy nổ",
    # TTĐT has two meanings, settled by the word before it: a ward's urban-order team, a government web portal.
    "Đội TTĐT": "đội trật tự đô thị", "đội TTĐT": "đội trật tự đô thị",
    "Cổng TTĐT": "cổng thông tin điện tử", "cổng TTĐT": "cổng thông tin điện tử",
    "Trang TTĐT": "trang thông tin điện tử", "trang TTĐT": "trang thông tin điện tử",
}

# Parts of a document code ("37/PA-MTLC", "12/KH-BCHPCTT", "5/KH-CSTE", "9/CP-TE"): read only inside the number.
COMMUNE_CODE_PARTS: dict[str, str] = {
    "BCHPCTT": "ban chỉ huy phòng chống thiên tai",
    "BCHPCTT&TKCN": "ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn",
    "BCĐTƯATTP": "ban chỉ đạo trung ương an toàn thực phẩm",
    "BCĐATTP": "ban chỉ đạo an toàn thực phẩm",
    "MTLC": "môi trường liên chiểu",
    "TE": "trẻ em",
    "VPUB": "văn phòng ủy ban",
    # Bodies after the 2025 merger of ministries and departments ("3011/SNNMT-CCCNTY"), a consolidated text ("VBHN").
    "SNNMT": "sở nông nghiệp và môi trường", "CC": "chi cục",
    "CCTY": "chi cục thú y", "CCCNTY": "chi cục chăn nuôi và thú y", "VBHN": "văn bản hợp nhất",
}
