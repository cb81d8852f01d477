"""Categories blind set v11 showed missing (new sentences, not v11's): lists of days, a written "mồng", counts out
of a total, people called up, lists of Roman numerals, numbered rounds of a year, telephone numbers with the area
code in parentheses, codes after "mã", abbreviations, fuel grades, loan words, web addresses and scores."""

from __future__ import annotations

import pytest

from audio.speech_text import to_spoken

CASES = [
    # NEW-v11-2: every day 1-10 of a list ending on a month, "âm lịch" or "hằng tháng" takes "mùng".
    ("Bộ phận một cửa làm việc vào các ngày 02, 09 và 23 tháng 8.",
     "Bộ phận một cửa làm việc vào các ngày mùng hai, mùng chín và hai mươi ba tháng tám."),
    ("Phiên chợ quê họp các ngày 5, 10, 15 âm lịch.",
     "Phiên chợ quê họp các ngày mùng năm, mùng mười, mười lăm âm lịch."),
    # ... but a count after the list keeps the numbers cardinal.
    ("Ngày 15, 20 hộ dân được hỗ trợ.", "Ngày mười lăm, hai mươi hộ dân được hỗ trợ."),
    # NEW-v11-6: a written "mồng" is read as written, never doubled.
    ("Lễ giỗ tổ vào ngày mồng 10 tháng 3 âm lịch.", "Lễ giỗ tổ vào ngày mồng mười tháng ba âm lịch."),
    # Party, union and residential units counted out of a total.
    ("Toàn xã có 09/12 chi hội đạt vững mạnh.", "Toàn xã có chín trên mười hai chi hội đạt vững mạnh."),
    # People called up after "gọi" are counted; a telephone number after it is dialled.
    ("Ban CHQS xã gọi 156 thanh niên khám sức khỏe.",
     "Ban chỉ huy quân sự xã gọi một trăm năm mươi sáu thanh niên khám sức khỏe."),
    ("Khi cần hỗ trợ gọi 0913 456 789.", "Khi cần hỗ trợ gọi không chín một ba, bốn năm sáu, bảy tám chín."),
    # NEW-v11-11: a list of Roman numerals under one context word and one year.
    ("Thu ngân sách quý III, IV/2025 tăng.",
     "Thu ngân sách quý ba quý bốn năm hai nghìn không trăm hai mươi lăm tăng."),
    # A numbered round or term of a year: "năm", not a month.
    ("Đợt 2/2026 tiêm vắc xin.", "Đợt hai năm hai nghìn không trăm hai mươi sáu tiêm vắc xin."),
    # Country and area code together in parentheses.
    ("Liên hệ: (+84-24) 3825 1234.", "Liên hệ: cộng tám bốn, hai bốn, ba tám hai năm, một hai ba bốn."),
    # Letters glued to digits after "mã" / "ký hiệu": a code, spelled.
    ("Thẻ có mã DN4 được hưởng 80%.", "Thẻ có mã dê en bốn được hưởng tám mươi phần trăm."),
    # NEW-v11-4 expansions.
    ("Ngân hàng CSXH cho vay; Công ty TNHH MTV Cấp nước; sơ tuyển NVCA.",
     "Ngân hàng chính sách xã hội cho vay; Công ty trách nhiệm hữu hạn một thành viên Cấp nước; "
     "sơ tuyển nghĩa vụ công an."),
    ("Vắc xin Td tiêm cho trẻ 7 tuổi.", "Vắc xin tê dê tiêm cho trẻ bảy tuổi."),
    # Fuel grade: octane, then the emission level; the dash is silent.
    ("Xăng E5 RON 92-II giảm 300 đồng/lít.", "Xăng e năm rôn chín mươi hai hai giảm ba trăm đồng mỗi lít."),
    # Loan words of online filing.
    ("Nộp bản scan qua cổng dịch vụ công.", "Nộp bản xờ can qua cổng dịch vụ công."),
    # Web: a body's initials glued to a place; short links.
    ("Xem tại pgdyenthanh.edu.vn.", "Xem tại pê gờ dê yên thanh chấm e dê u chấm vê en."),
    ("Đăng ký tại bit.ly/hienmau.", "Đăng ký tại bít chấm li gạch chéo hiến máu."),
    # A result verb before N-M makes it a score (NEW-v10-5 widened).
    ("Đội thôn 2 thắng 2-0.", "Đội thôn hai thắng hai không."),
    ("Hai đội hòa 1 - 1.", "Hai đội hòa một một."),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_v11_categories(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken
