"""Abbreviations of sports, family-planning, border-guard and youth notices (collected for sets v15 and v16).

Every key is new (defined in no other table); `abbreviations.py` merges `SPORT_HEALTH_ABBREVIATIONS`. "BTC" in
running text is already the organising committee (ban tổ chức); inside a document code it stays the ministry
(`codes.py`).
"""

from __future__ import annotations

SPORT_HEALTH_ABBREVIATIONS: dict[str, str] = {
    # Medals, coaches and athletes (NEW-v16-1): "trao 1 HCV, 1 HCB và 2 HCĐ", "1 HLV và 12 VĐV".
    "HCV": "huy chương vàng",
    "HCB": "huy chương bạc",
    "HCĐ": "huy chương đồng",
    "HLV": "huấn luyện viên",
    "VĐV": "vận động viên",
    # Family planning (NEW-v16-1): "cấp phát miễn phí PTTT".
    "PTTT": "phương tiện tránh thai",
    # A border-guard post (NEW-v16-1); "BĐBP" (the border-guard force) is in the notice table.
    "ĐBP": "đồn biên phòng",
    # "Hội LHTN Việt Nam" (NEW-v15-1).
    "LHTN": "liên hiệp thanh niên",
}
